import type { ExternalIds } from '@loyalty/domain';
import { IsOptionalNotNull } from '../http/is-optional-not-null.decorator';
import { IsUserField } from './user-field.validators';

/** `POST /users`. Email and name are required; `null` is not a value for any field. */
export class CreateUserBody {
  @IsUserField('email') email!: string;
  @IsUserField('name') name!: string;
  @IsOptionalNotNull() @IsUserField('phone') phone?: string;
  @IsOptionalNotNull() @IsUserField('birthday') birthday?: string;
  @IsOptionalNotNull() @IsUserField('referredBy') referredBy?: string;
  @IsOptionalNotNull() @IsUserField('externalIds') externalIds?: ExternalIds;
}
