import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';

export const IS_PUBLIC = 'isPublic';

/**
 * Marks a route (or a controller) that needs no bearer token (health checks). Its OpenAPI
 * operations say so with an empty security requirement, overriding the document's bearer one.
 */
export const Public = () => applyDecorators(SetMetadata(IS_PUBLIC, true), ApiSecurity({}));
