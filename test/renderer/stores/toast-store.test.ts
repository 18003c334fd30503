import { describe, expect, it } from 'vitest';
import { MAX_TOASTS, createToastStore } from '../../../renderer/stores/toast-store.ts';

describe('toast store', () => {
  it(`keeps at most ${MAX_TOASTS} toasts, dropping the oldest`, () => {
    const store = createToastStore();
    for (let i = 1; i <= MAX_TOASTS + 2; i += 1) store.getState().show({ tone: 'info', title: { verbatim: `toast ${i}` } });
    expect(store.getState().toasts.map((t) => t.title)).toEqual(['toast 3', 'toast 4', 'toast 5'].map((verbatim) => ({ verbatim })));
  });

  it('withdraws every toast about one subject, and only those', () => {
    const store = createToastStore();
    store.getState().show({ tone: 'success', title: { verbatim: 'created' }, about: 'token:7' });
    store.getState().show({ tone: 'info', title: { verbatim: 'copied' } });
    store.getState().dismissAbout('token:7');
    expect(store.getState().toasts.map((t) => t.title)).toEqual([{ verbatim: 'copied' }]);
  });
});
