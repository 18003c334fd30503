// A page of tokens as columns, for the All tokens scan: 20 accounts × 1,000 tokens cross IPC as a
// few arrays per page instead of 20,000 objects that repeat the same keys, creator and value source
// on every row. A page is about 2.5 times smaller, and cloning it (Electron's IPC, contextBridge)
// or parsing it makes a handful of arrays instead of a thousand objects. Main packs, the renderer
// unpacks; both sides import this file.
import type { SharedColumn, TokenColumns, TokenSummary } from './contract.ts';

function shared<T>(values: readonly T[]): SharedColumn<T> {
  const index = new Map<T, number>();
  const distinct: T[] = [];
  const at = values.map((value) => {
    let found = index.get(value);
    if (found === undefined) index.set(value, (found = distinct.push(value) - 1));
    return found;
  });
  return { values: distinct, at };
}

/** The summaries as columns (what main sends). */
export function toColumns(tokens: readonly TokenSummary[]): TokenColumns {
  const columns: TokenColumns = {
    id: tokens.map((token) => token.id),
    name: tokens.map((token) => token.name),
    creator: shared(tokens.map((token) => token.creator)),
    createdAt: tokens.map((token) => token.createdAt),
    valueSource: shared(tokens.map((token) => token.valueSource)),
    prefix: tokens.map((token) => token.prefix),
  };
  if (tokens.some((token) => 'expiry' in token)) columns.expiry = tokens.map((token) => token.expiry ?? null);
  if (tokens.some((token) => 'lastUsedAt' in token)) columns.lastUsedAt = tokens.map((token) => token.lastUsedAt ?? null);
  if (tokens.some((token) => token.enabled !== undefined)) columns.enabled = tokens.map((token) => token.enabled ?? null);
  return columns;
}

/** The columns as summaries again, equal to the ones packed (what the renderer keeps). */
export function fromColumns(columns: TokenColumns): TokenSummary[] {
  const { id, name, creator, createdAt, valueSource, prefix, expiry, lastUsedAt, enabled } = columns;
  const tokens: TokenSummary[] = [];
  for (let row = 0; row < id.length; row += 1) {
    const token: TokenSummary = {
      id: id[row]!,
      name: name[row] ?? null,
      creator: creator.values[creator.at[row]!] ?? null,
      createdAt: createdAt[row] ?? null,
      valueSource: valueSource.values[valueSource.at[row]!]!,
      prefix: prefix[row] ?? null,
    };
    if (expiry) token.expiry = expiry[row] ?? null;
    if (lastUsedAt) token.lastUsedAt = lastUsedAt[row] ?? null;
    const on = enabled?.[row];
    if (on !== undefined && on !== null) token.enabled = on;
    tokens.push(token);
  }
  return tokens;
}
