// Where the integration and e2e tests find the real NocoDB: the environment set by the global setup
// (or by a user pointing the suite at their own server). A missing server is a loud failure.
import { randomUUID } from 'node:crypto';

export interface NocodbCredentials {
  url: string;
  email: string;
  password: string;
}

/** The real NocoDB for this run; throws when the global setup did not provide one. */
export function realNocodb(): NocodbCredentials {
  const { NOCODB_URL: url, NOCODB_EMAIL: email, NOCODB_PASSWORD: password } = process.env;
  if (!url || !email || !password) {
    throw new Error(
      'No real NocoDB for this test: NOCODB_URL, NOCODB_EMAIL and NOCODB_PASSWORD are unset. ' +
        'Run the integration or e2e project so test/support/global-setup.ts starts one, or set them to your own server.',
    );
  }
  return { url, email, password };
}

/**
 * Signs up a fresh user and returns its credentials. Tests that sign out need their own user:
 * sign-out rotates the user's token_version and so kills every JWT of that user.
 */
export async function signUpUser(url: string): Promise<NocodbCredentials> {
  const email = `user-${randomUUID()}@example.com`;
  const password = `Pw-${randomUUID()}`;
  const response = await fetch(`${url}/api/v1/auth/user/signup`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
    signal: AbortSignal.timeout(15_000),
  });
  if (!response.ok) throw new Error(`Sign-up of a test user failed with HTTP ${response.status}: ${(await response.text()).slice(0, 200)}`);
  return { url, email, password };
}
