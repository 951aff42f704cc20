import { applyDecorators } from '@nestjs/common';
import { Type } from 'class-transformer';
import { IsObject, ValidateNested } from 'class-validator';

/**
 * A JSON object validated as `type`: its own fields checked, unknown ones refused like the body's
 * (the global ValidationPipe's whitelist applies to nested objects too). Arrays are refused.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- class-transformer's own type for a class
export const IsNestedObject = (type: () => Function) =>
  applyDecorators(IsObject(), ValidateNested(), Type(type));
