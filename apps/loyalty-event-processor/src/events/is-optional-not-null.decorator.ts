import { ValidateIf } from 'class-validator';

/**
 * The field may be left out, but not sent as null (class-validator's @IsOptional lets null through,
 * and a null would then reach the domain as if it were a value).
 */
export const IsOptionalNotNull = () => ValidateIf((_object, value) => value !== undefined);
