import type * as Swagger from '@nestjs/swagger';

/**
 * `@nestjs/swagger` as the Lambda bundle sees it (webpack.config.js aliases the package to this
 * file): its decorators only record metadata for SwaggerModule to turn into the OpenAPI document,
 * and the bundle does not make that document, it serves docs/openapi.json (see api-docs.ts). So
 * every decorator here does nothing, and the real package, a large part of the bundle and of its
 * cold start, stays out of it. Tests and `npm run openapi` use the real package.
 *
 * It provides what the API's code and @nestjs/terminus (ApiOkResponse and
 * ApiServiceUnavailableResponse on @HealthCheck()) take from the package; the swagger-decorators
 * shim spec fails when the code starts using one that is missing.
 */
const noDocumentation = () => () => undefined;

export const ApiBody: typeof Swagger.ApiBody = noDocumentation;
export const ApiConsumes: typeof Swagger.ApiConsumes = noDocumentation;
export const ApiExtraModels: typeof Swagger.ApiExtraModels = noDocumentation;
export const ApiHeader: typeof Swagger.ApiHeader = noDocumentation;
export const ApiOkResponse: typeof Swagger.ApiOkResponse = noDocumentation;
export const ApiOperation: typeof Swagger.ApiOperation = noDocumentation;
export const ApiProperty: typeof Swagger.ApiProperty = noDocumentation;
export const ApiPropertyOptional: typeof Swagger.ApiPropertyOptional = noDocumentation;
export const ApiResponse: typeof Swagger.ApiResponse = noDocumentation;
export const ApiSecurity: typeof Swagger.ApiSecurity = noDocumentation;
export const ApiServiceUnavailableResponse: typeof Swagger.ApiServiceUnavailableResponse = noDocumentation;
export const ApiTags: typeof Swagger.ApiTags = noDocumentation;

/** Called while decorating (ApiSuccess); what it answers only goes into the no-op ApiResponse. */
export const getSchemaPath: typeof Swagger.getSchemaPath = () => '';
