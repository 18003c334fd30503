import type { ErrorWords } from '../../i18n/index.ts';

export const DEFAULT_SERVER_URL = 'http://localhost:8080';

/** Sign-in's own words for a code main gave no precise reason for. */
export const SIGN_IN_WORDS: ErrorWords = {
  invalid_argument: 'signIn.error.invalidArgument',
};
