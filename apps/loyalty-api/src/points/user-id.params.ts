import { IDENTIFIER_PATTERN } from '@loyalty/domain';
import { Matches } from 'class-validator';

export class UserIdParams {
  @Matches(IDENTIFIER_PATTERN, { message: 'userId must be an identifier of 1-128 letters, digits, _ . : -' })
  userId!: string;
}
