import type { Account } from '../../../preload/contract.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { hrefOf, useRoute } from '../../routing/hash-route.ts';
import { KeyIcon, ListIcon } from '../../ui/icons.tsx';
import { UserMenu } from './user-menu-on-demand.tsx';

/**
 * NocoDB's left side: a narrow icon rail with the user menu at the bottom. (The middle sidebar that
 * held only the server address is gone: the overview and the user menu name every account's server.)
 */
export function Sidebar({ account }: { account: Account }) {
  const route = useRoute();
  const { t } = useI18n();
  return (
    <nav className="rail" aria-label={t('shell.appNav')}>
      <a className="rail-logo" href={hrefOf('home')} aria-label={t('shell.home')}>
        N
      </a>
      <a className="rail-link" href={hrefOf('tokens')} aria-label={t('common.apiTokens')} title={t('common.apiTokens')}>
        <KeyIcon />
      </a>
      <a
        className="rail-link"
        href={hrefOf('all-tokens')}
        aria-label={t('common.allTokens')}
        title={t('common.allTokens')}
        data-testid="nc-all-tokens"
        aria-current={route === 'all-tokens' ? 'page' : undefined}
      >
        <ListIcon />
      </a>
      <div className="rail-bottom">
        <UserMenu account={account} />
      </div>
    </nav>
  );
}
