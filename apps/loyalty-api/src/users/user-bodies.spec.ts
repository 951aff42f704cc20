import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreateUserBody } from './create-user.body';
import { UpdateUserBody } from './update-user.body';
import { UserLookupQuery } from './user-lookup.query';

async function problems<T extends object>(type: new () => T, plain: object): Promise<Record<string, string[]>> {
  const errors = await validate(plainToInstance(type, plain), { whitelist: true, forbidNonWhitelisted: true });
  return Object.fromEntries(errors.map((error) => [error.property, Object.values(error.constraints ?? {})]));
}

describe('users request bodies', () => {
  it('accept a complete signup, with the email and referral code as typed', async () => {
    // Act
    const found = await problems(CreateUserBody, {
      email: ' Ada@Example.COM ',
      name: 'Ada Lovelace',
      phone: '+14155550123',
      birthday: '02-29',
      referredBy: 'k7m2q9zp',
      externalIds: { shopify: '7391' },
    });

    // Assess
    expect(found).toEqual({});
  });

  it('refuse null in a signup, where it would mean nothing', async () => {
    // Act
    const found = await problems(CreateUserBody, { email: 'ada@example.com', name: 'Ada', phone: null, birthday: null });

    // Assess
    expect(found).toEqual({ phone: ['phone must be a string'], birthday: ['birthday must be a string'] });
  });

  it('accept null for phone and birthday in a change, where it removes them, but not for email or name', async () => {
    // Act
    const removal = await problems(UpdateUserBody, { phone: null, birthday: null });
    const nulls = await problems(UpdateUserBody, { email: null, name: null });

    // Assess
    expect(removal).toEqual({});
    expect(Object.keys(nulls).sort()).toEqual(['email', 'name']);
  });

  it('say what a valid value looks like, in the domain rule’s words', async () => {
    // Act
    const found = await problems(UpdateUserBody, { phone: '0415 555 0123', birthday: '1990-02-30', referralCode: 'X' });

    // Assess
    expect(found).toEqual({
      phone: ['phone must be an E.164 phone number, e.g. +14155550123'],
      birthday: ['birthday must be YYYY-MM-DD or MM-DD, a real date not in the future'],
      referralCode: ['property referralCode should not exist'],
    });
  });

  it('look a user up only by one well-formed email', async () => {
    // Act
    const [missing, list, valid] = await Promise.all([
      problems(UserLookupQuery, {}),
      problems(UserLookupQuery, { email: ['a@example.com', 'b@example.com'] }),
      problems(UserLookupQuery, { email: 'ADA@example.com' }),
    ]);

    // Assess
    expect(missing).toEqual({ email: ['email must be a string'] });
    expect(list).toEqual({ email: ['email must be a string'] });
    expect(valid).toEqual({});
  });
});
