/**
 * `npm run token -- --role owner --tenant demo [--sub user_123] [--expires 12h]`: prints a bearer
 * token the local API accepts (signed with JWT_SECRET, default the local stack's secret).
 */
import { parseArgs } from 'node:util';
import { signToken } from '../lib/auth/sign-token';
import { LOCAL_JWT_SECRET } from '../lib/config/naming';

const ROLES = ['admin', 'owner', 'staff', 'customer', 'system'];

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      role: { type: 'string', default: 'customer' },
      tenant: { type: 'string', default: 'demo' },
      sub: { type: 'string', default: 'user_123' },
      expires: { type: 'string', default: '12h' },
    },
  });
  if (!ROLES.includes(values.role)) {
    throw new Error(`--role must be one of ${ROLES.join(', ')}`);
  }
  const token = await signToken(
    { sub: values.sub, tenantId: values.tenant, role: values.role },
    process.env['JWT_SECRET'] || LOCAL_JWT_SECRET,
    { expiresIn: values.expires },
  );
  console.log(token);
}

main().catch((error: Error) => {
  console.error(error.message);
  process.exit(1);
});
