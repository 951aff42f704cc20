import { IsUserField } from './user-field.validators';

/** `GET /users?email=`: the exact email, in any case. */
export class UserLookupQuery {
  @IsUserField('email') email!: string;
}
