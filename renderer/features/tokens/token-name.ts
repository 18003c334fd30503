import { MAX_TOKEN_NAME_LENGTH } from '../../../preload/contract.ts';

/** NocoDB's own inline messages for the name field. */
export const NAME_EMPTY = 'Token name should not be empty';
export const NAME_TOO_LONG = `Token name should not be more than ${MAX_TOKEN_NAME_LENGTH} characters`;

/** What is wrong with a typed name, or null when it may be sent. */
export function tokenNameProblem(name: string): string | null {
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
