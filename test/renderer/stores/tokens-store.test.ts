import { describe, expect, it } from 'vitest';
import { createAppStores } from '../../../renderer/stores/app-stores.ts';
import { pageCountOf, PAGE_SIZE } from '../../../renderer/stores/tokens-store.ts';
import { OLD_SERVER } from '../capabilities.ts';
import { createTestBridge, seedTokens, type TestBridge } from '../test-bridge.ts';

/** The app's stores with the admin's account on screen (its calls name that account). */
async function storesWith(bridge?: Promise<TestBridge>) {
  const fake = await (bridge ?? createTestBridge({ tokens: seedTokens(3) }));
  const stores = createAppStores(fake.bridge);
  await stores.session.getState().load();
  return { fake, stores, tokens: stores.tokens };
}

describe('tokens store', () => {
  it('counts pages by isLastPage first', () => {
    const page = { tokens: [], page: 2, pageSize: 10, capabilities: OLD_SERVER };
    expect(pageCountOf({ ...page, totalRows: 100, isLastPage: true })).toBe(2);
    expect(pageCountOf({ ...page, totalRows: 5, isLastPage: false })).toBe(3);
    expect(pageCountOf({ ...page, totalRows: 45, isLastPage: false })).toBe(5);
  });

  it('sends one create for two saves in a row', async () => {
    const { fake, tokens } = await storesWith();
    await tokens.getState().load();
    tokens.getState().openCreate();
    await Promise.all([tokens.getState().saveCreate(), tokens.getState().saveCreate()]);
    expect(fake.callsTo('tokens.create')).toHaveLength(1);
  });

  it('ignores the answer to an older list request', async () => {
    const { fake, tokens } = await storesWith(createTestBridge({ tokens: seedTokens(25) }));
    const release = fake.hold('tokens.list');
    const first = tokens.getState().load(1);
    await tokens.getState().load(3);
    release(); // page 1 answers last
    await first;
    expect(tokens.getState().page).toBe(3);
    expect(tokens.getState().rows.map((t) => t.id)).toEqual(['21', '22', '23', '24', '25']);
    expect(fake.callsTo('tokens.list').map((c) => c.arg)).toEqual([
      { accountId: fake.idOf(), page: 1, pageSize: PAGE_SIZE },
      { accountId: fake.idOf(), page: 3, pageSize: PAGE_SIZE },
    ]);
  });

  it('forgets revealed values and the typed name when the user signs out', async () => {
    const { stores, tokens, fake } = await storesWith();
    const ADMIN_ID = fake.idOf();
    await tokens.getState().load();
    stores.tokenModel.getState().watch(ADMIN_ID, '1'); // its row is on screen
    await tokens.getState().toggleReveal('1');
    tokens.getState().openCreate();
    expect(Object.keys(stores.tokenModel.getState().marks[ADMIN_ID]!.revealed)).toEqual(['1']);

    await stores.session.getState().signOut();
    expect(stores.tokenModel.getState().marks[ADMIN_ID]).toBeUndefined();
    expect(tokens.getState().rows).toEqual([]);
    expect(tokens.getState().create.open).toBe(false);
  });
});
