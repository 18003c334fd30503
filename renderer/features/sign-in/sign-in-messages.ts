import { MAX_ACCOUNTS } from '../../../preload/contract.ts';
import type { ErrorWords } from '../../ui/error-text.ts';

export const DEFAULT_SERVER_URL = 'http://localhost:8080';

/** Fallbacks for sign-in failures when main sent no words of its own. */
export const SIGN_IN_WORDS: ErrorWords = {
  invalid_credentials: 'Invalid credentials',
  not_nocodb: 'This address answers, but it is not a NocoDB server.',
  server_unreachable: 'Cannot reach the server. Check the address and that NocoDB is running.',
  invalid_argument: 'Check the server address, email and password.',
  keychain_unavailable: 'The system keychain is unavailable.',
  redirected: 'The server redirects to another address, so your password was not sent. Check the address (https?).',
  insecure_connection: 'This server uses plain http: your password and session would travel unencrypted.',
  account_limit: `You can keep up to ${MAX_ACCOUNTS} accounts. Log out of one you no longer use to add another.`,
};
