// An account's id: opaque and random, so it says nothing about the server or the email and stays
// the same when either is written differently. Made once, when the account is first added (or,
// for a list from before ids, at the first launch that reads it), and kept in the settings file.
import { randomUUID } from 'node:crypto';

/** What an account id looks like; the argument check refuses anything else before a lookup. */
export const ACCOUNT_ID = /^[A-Za-z0-9_-]{1,64}$/;

export const newAccountId = (): string => randomUUID();
