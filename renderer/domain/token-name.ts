import { MAX_TOKEN_NAME_LENGTH } from '../../preload/contract.ts';
import { msg, type Text } from '../i18n/index.ts';

/** NocoDB's own inline messages for the name field. */
export const NAME_EMPTY = msg('tokens.name.empty');
export const NAME_TOO_LONG = msg('tokens.name.tooLong', { max: MAX_TOKEN_NAME_LENGTH });

/** What is wrong with a typed name, or null when it may be sent. */
export function tokenNameProblem(name: string): Text | null {
  const trimmed = name.trim();
  if (trimmed === '') return NAME_EMPTY;
  if (trimmed.length > MAX_TOKEN_NAME_LENGTH) return NAME_TOO_LONG;
  return null;
}

/** The first "Token-N" (N from 1) that no visible row is called, like NocoDB's default. */
export function defaultTokenName(usedNames: Iterable<string | null>): string {
  const used = new Set(usedNames);
  let n = 1;
  while (used.has(`Token-${n}`)) n++;
  return `Token-${n}`;
}
