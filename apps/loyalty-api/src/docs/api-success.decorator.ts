import { applyDecorators, HttpStatus, Type } from '@nestjs/common';
import { ApiExtraModels, ApiResponse, getSchemaPath } from '@nestjs/swagger';

/**
 * Documents a success as it leaves the EnvelopeInterceptor: `{"success": true, "data": <model>}`.
 * Failures are documented once for every operation (see openApiDocument).
 */
export function ApiSuccess(
  model: Type<unknown>,
  { status = HttpStatus.OK, description = 'Success' }: { status?: HttpStatus; description?: string } = {},
) {
  return applyDecorators(
    ApiExtraModels(model),
    ApiResponse({
      status,
      description,
      schema: {
        type: 'object',
        required: ['success', 'data'],
        properties: {
          success: { type: 'boolean', enum: [true] },
          data: { $ref: getSchemaPath(model) },
        },
      },
    }),
  );
}
