// What the app reads from outside its own memory is fuzzed where it enters: the settings file (a
// document anyone can edit) and the keychain worker's answers (another process, native code). For
// every mutated input the account layer answers — nothing throws past its boundary — and no
// keychain entry is ever deleted because of what it read.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ACCOUNT_ID } from '../../../main/accounts/account-id.ts';
import { createAccountsService } from '../../../main/accounts/accounts-service.ts';
import { createKeychain } from '../../../main/keychain/keychain.ts';
import { KEYCHAIN_SERVICES } from '../../../main/keychain/keychain-names.ts';
import { createKeychainSecretStore } from '../../../main/keychain/keychain-secret-store.ts';
import { createKeytarWorker, type WorkerChannel } from '../../../main/keychain/keytar-worker.ts';
import type { WorkerRequest } from '../../../main/keychain/keytar-worker-protocol.ts';
import { createMemorySecretStore } from '../../../main/keychain/memory-secret-store.ts';
import { createSettingsService } from '../../../main/settings/settings-service.ts';
import { createInMemoryNoco } from '../../support/in-memory-noco-client.ts';
import { memoryJsonFile } from '../../support/memory-ports.ts';

const RUNS = 10_000;
const SERVER = 'https://nocodb.example.com';
const ID = '4f1c2a9e-0000-4000-8000-000000000001';
const SESSIONS = KEYCHAIN_SERVICES.sessions;

const noco = createInMemoryNoco();
noco.addUser('ada@example.com', 'pw', 'Ada');
/** A fresh session of Ada's each run (a run that finishes a recorded Log Out ends the one it read). */
const newSession = () => JSON.stringify({ serverUrl: SERVER, email: 'ada@example.com', ...noco.issueSession('ada@example.com') });

/** A settings file as the app writes it, for mutation. */
const VALID = {
  clipboardClearSeconds: 30,
  keepTokenCopies: true,
  expiryReminders: true,
  language: 'de',
  accounts: [{ id: ID, serverUrl: SERVER, email: 'ada@example.com' }],
  lastAccount: { serverUrl: SERVER, email: 'ada@example.com' },
  keychainMigrated: true,
};
const FIELDS = [...Object.keys(VALID), 'loggingOut', 'accountsNotRecovered'];

/** A document: anything JSON, or the valid one with fields replaced, dropped, or its account mutated. */
const settingsDocument = fc.oneof(
  fc.jsonValue(),
  fc
    .tuple(fc.subarray(FIELDS), fc.dictionary(fc.constantFrom(...FIELDS), fc.jsonValue()))
    .map(([dropped, replaced]) => Object.fromEntries(Object.entries({ ...VALID, ...replaced }).filter(([key]) => !dropped.includes(key)))),
  fc
    .dictionary(fc.constantFrom('id', 'serverUrl', 'email', 'extra'), fc.oneof(fc.jsonValue(), fc.string()))
    .map((entry) => ({ ...VALID, accounts: [{ ...VALID.accounts[0], ...entry }, VALID.accounts[0]], loggingOut: [entry['id'] ?? ID] })),
);

/** A keytar that keeps entries in a map and records every delete. */
function keytarStore(session: string) {
  const entries = new Map<string, string>([[`${SESSIONS}/${ID}`, session]]);
  const deletes: string[] = [];
  const answer = ({ op, args: [service = '', name = '', value = ''] }: WorkerRequest): unknown => {
    if (op === 'getPassword') return entries.get(`${service}/${name}`) ?? null;
    if (op === 'setPassword') {
      entries.set(`${service}/${name}`, value);
      return null;
    }
    if (op === 'deletePassword') {
      deletes.push(`${service}/${name}`);
      return entries.delete(`${service}/${name}`);
    }
    return [...entries.keys()].filter((key) => key.startsWith(`${service}/`)).map((key) => key.slice(service.length + 1));
  };
  return { entries, deletes, answer };
}

/** What the worker sends instead of the right answer. */
type Mutation =
  | { kind: 'right' }
  | { kind: 'value'; value: unknown }
  | { kind: 'replace'; message: unknown }
  | { kind: 'failure'; message: unknown }
  | { kind: 'crash' };
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.constant<Mutation>({ kind: 'right' }),
  fc.jsonValue().map((value): Mutation => ({ kind: 'value', value })),
  fc.jsonValue().map((message): Mutation => ({ kind: 'replace', message })),
  fc.oneof(fc.string(), fc.jsonValue()).map((message): Mutation => ({ kind: 'failure', message })),
  fc.constant<Mutation>({ kind: 'crash' }),
);

/** A worker channel answering from `store`, the n-th answer mutated by `mutations[n]` (then right ones). */
function fuzzedChannel(store: ReturnType<typeof keytarStore>, mutations: Mutation[]): () => WorkerChannel {
  let sent = 0;
  return () => {
    let listener: (answer: unknown) => void = () => {};
    let exit = () => {};
    return {
      send(request) {
        const change = mutations[sent++] ?? { kind: 'right' };
        queueMicrotask(() => {
          if (change.kind === 'crash') return exit();
          if (change.kind === 'replace') {
            // Not the answer (a wrong shape, or another id): the call is never answered, then the worker ends.
            listener(change.message);
            return exit();
          }
          if (change.kind === 'failure') return listener({ id: request.id, ok: false, message: change.message });
          // A delete the fuzzer did not keep as is never reaches the store.
          if (change.kind === 'value') return listener({ id: request.id, ok: true, value: change.value });
          listener({ id: request.id, ok: true, value: store.answer(request) });
        });
      },
      onAnswer: (next) => void (listener = next),
      onExit: (next) => void (exit = next),
      kill: () => exit(),
    };
  };
}

function accountsOn(settingsFile: ReturnType<typeof memoryJsonFile>, secretStore = createMemorySecretStore()) {
  return createAccountsService({
    secretStore,
    fallbackSecretStore: createMemorySecretStore(),
    settings: createSettingsService(settingsFile),
    createClient: (serverUrl) => noco.client(serverUrl),
    now: Date.now,
    log: () => {},
  });
}

describe('fuzzing what the account layer reads', () => {
  it(`the settings file: ${RUNS} mutated documents are each read without a throw, and no keychain entry is deleted`, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(settingsDocument, async (document) => {
        runs += 1;
        const file = memoryJsonFile(document);
        const list = await createSettingsService(file).accountList();
        for (const account of list.accounts) {
          expect(account.id).toMatch(ACCOUNT_ID);
          expect(typeof account.serverUrl === 'string' && typeof account.email === 'string').toBe(true);
        }
        const secretStore = createMemorySecretStore();
        await secretStore.save(ID, JSON.parse(newSession()) as Parameters<typeof secretStore.save>[1]);
        const state = await accountsOn(memoryJsonFile(document), secretStore).getState();
        expect(Array.isArray(state.accounts)).toBe(true);
        // Only a Log Out the file records (the user's own decision) removes the entry.
        expect(list.loggingOut.includes(ID) || (await secretStore.load(ID)).status === 'ok').toBe(true);
      }),
      { numRuns: RUNS },
    );
    console.log(`settings fuzz: ${runs} mutated settings documents, none threw, no keychain entry deleted`);
  }, 120_000);

  it(`the keychain worker: ${RUNS} mutated answer sequences never throw past the keychain, and never delete an entry`, async () => {
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 6 }), async (mutations) => {
        runs += 1;
        const session = newSession();
        const store = keytarStore(session);
        const worker = createKeytarWorker(fuzzedChannel(store, mutations));
        const keychain = createKeychain({ canaryService: SESSIONS, loadKeytar: async () => worker, timeoutMs: 1_000 });
        const settingsFile = memoryJsonFile(VALID);
        const service = accountsOn(settingsFile, createKeychainSecretStore(keychain, SESSIONS));
        const state = await service.getState();
        expect(state.accounts.map((account) => account.id)).toEqual([ID]);
        // A Retry reads again; whatever it meets, it answers.
        await service.retry(ID);
        expect(store.deletes).toEqual([]);
        expect(store.entries.get(`${SESSIONS}/${ID}`)).toBe(session);
      }),
      { numRuns: RUNS },
    );
    console.log(`keychain worker fuzz: ${runs} mutated answer sequences, none threw, no keychain entry deleted`);
  }, 120_000);
});
