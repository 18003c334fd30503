import type { Account } from '../../../preload/contract.ts';
import { useI18n } from '../../i18n/index.ts';
import { hrefOf } from '../../routing/hash-route.ts';
import { KeyIcon } from '../../ui/icons.tsx';
import { UserMenu } from './user-menu.tsx';

/** NocoDB's left side: a narrow icon rail with the user menu at the bottom, then the sidebar. */
export function Sidebar({ account }: { account: Account }) {
  const { t } = useI18n();
  return (
    <>
      <nav className="rail" aria-label={t('shell.appNav')}>
        <a className="rail-logo" href={hrefOf('home')} aria-label={t('shell.home')}>
          N
        </a>
        <a className="rail-link" href={hrefOf('tokens')} aria-label={t('common.apiTokens')}>
          <KeyIcon />
        </a>
        <div className="rail-bottom">
          <UserMenu account={account} />
        </div>
      </nav>
      <aside className="sidebar">
        <p className="sidebar-server" title={account.serverUrl} dir="ltr">
          {account.serverUrl}
        </p>
      </aside>
    </>
  );
}
