import { IsOptional } from 'class-validator';
import { IsOptionalNotNull } from '../http/is-optional-not-null.decorator';
import { IsUserField } from './user-field.validators';

/** `PATCH /users/{userId}`: any of the fields; `null` removes phone or birthday. */
export class UpdateUserBody {
  @IsOptionalNotNull() @IsUserField('email') email?: string;
  @IsOptionalNotNull() @IsUserField('name') name?: string;
  @IsOptional() @IsUserField('phone') phone?: string | null;
  @IsOptional() @IsUserField('birthday') birthday?: string | null;
}
