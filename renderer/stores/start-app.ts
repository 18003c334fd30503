import type { BootAnswer, Result } from '../../preload/contract.ts';
import type { AppStores } from './app-stores.ts';

/**
 * Fills the stores from main's boot answer, before the first render: the session first (it names the
 * account the screens show), then its first token page. If main could not answer, each store asks
 * for its own part as it would without one.
 */
export async function startApp(stores: AppStores, boot: Promise<Result<BootAnswer>>): Promise<void> {
  const answer = await boot.catch(() => null);
  if (!answer?.ok) {
    await Promise.all([stores.i18n.getState().start(), stores.session.getState().load()]);
    return;
  }
  const { settings, systemLanguages, session, words, firstPage } = answer.value;
  stores.settings.getState().startWith(settings);
  stores.i18n.getState().startWith(systemLanguages, words);
  stores.session.getState().startWith(session);
  if (firstPage) stores.tokens.getState().showFirstPage(firstPage.accountId, firstPage.page);
}
