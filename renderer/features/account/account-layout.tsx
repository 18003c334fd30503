import type { ReactNode } from 'react';
import type { Account } from '../../../preload/contract.ts';
import { type MessageKey } from '../../i18n/index.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { hrefOf, type Route } from '../../routing/hash-route.ts';
import { ArrowLeftIcon, KeyIcon, LockIcon, UserIcon } from '../../ui/icons.tsx';
import { UserMenu } from '../shell/user-menu-on-demand.tsx';
import './account.css';

type AccountRoute = Extract<Route, 'profile' | 'password' | 'tokens'>;

const TABS: Record<AccountRoute, { nav: MessageKey; title: MessageKey; icon: ReactNode }> = {
  profile: { nav: 'account.tab.profile', title: 'account.title.profile', icon: <UserIcon /> },
  tokens: { nav: 'account.tab.tokens', title: 'account.title.tokens', icon: <KeyIcon /> },
  // NocoDB keeps this under Users → Reset Password; here it is a tab of its own.
  password: { nav: 'account.tab.password', title: 'account.title.password', icon: <LockIcon /> },
};

/** NocoDB's Account Settings frame: the 312 px panel on the left, breadcrumb and header on the right. */
export function AccountLayout({ active, account, children }: { active: AccountRoute; account: Account; children: ReactNode }) {
  const tab = TABS[active];
  const { t } = useI18n();
  return (
    <div className="account">
      <nav className="account-panel" aria-label={t('account.nav')}>
        <a className="account-back" href={hrefOf('home')}>
          <ArrowLeftIcon />
          {t('account.back')}
        </a>
        <p className="account-section">{t('account.section')}</p>
        <ul className="account-nav">
          {(Object.keys(TABS) as AccountRoute[]).map((route) => (
            <li key={route}>
              <a className="account-nav-item" href={hrefOf(route)} aria-current={route === active ? 'page' : undefined}>
                {TABS[route].icon}
                {t(TABS[route].nav)}
              </a>
            </li>
          ))}
        </ul>
        {/* The user menu here too, so another account can be opened without leaving its tab. */}
        <div className="account-panel-bottom">
          <UserMenu account={account} />
        </div>
      </nav>
      <main className="account-main">
        <header className="account-topbar">
          <nav aria-label={t('account.breadcrumb')} className="breadcrumb">
            <span>{t('account.section')}</span>
            <span aria-hidden="true">/</span>
            <span className="breadcrumb-current" aria-current="location">
              {t(tab.title)}
            </span>
          </nav>
        </header>
        <div className="account-header">
          {tab.icon}
          <h1 className="account-header-title">{t(tab.title)}</h1>
        </div>
        <div className="account-content">{children}</div>
      </main>
    </div>
  );
}
