import type { ReactNode } from 'react';
import type { Account } from '../../../preload/contract.ts';
import { hrefOf, type Route } from '../../routing/hash-route.ts';
import { ArrowLeftIcon, KeyIcon, LockIcon, UserIcon } from '../../ui/icons.tsx';
import { UserMenu } from '../shell/user-menu.tsx';
import './account.css';

type AccountRoute = Extract<Route, 'profile' | 'password' | 'tokens'>;

const TABS: Record<AccountRoute, { nav: string; title: string; icon: ReactNode }> = {
  profile: { nav: 'Profile', title: 'Profile', icon: <UserIcon /> },
  tokens: { nav: 'API Tokens', title: 'Tokens', icon: <KeyIcon /> },
  // NocoDB keeps this under Users → Reset Password; here it is a tab of its own.
  password: { nav: 'Password', title: 'Password', icon: <LockIcon /> },
};

/** NocoDB's Account Settings frame: the 312 px panel on the left, breadcrumb and header on the right. */
export function AccountLayout({ active, account, children }: { active: AccountRoute; account: Account; children: ReactNode }) {
  const tab = TABS[active];
  return (
    <div className="account">
      <nav className="account-panel" aria-label="Account Settings">
        <a className="account-back" href={hrefOf('home')}>
          <ArrowLeftIcon />
          Back
        </a>
        <p className="account-section">Account</p>
        <ul className="account-nav">
          {(Object.keys(TABS) as AccountRoute[]).map((route) => (
            <li key={route}>
              <a className="account-nav-item" href={hrefOf(route)} aria-current={route === active ? 'page' : undefined}>
                {TABS[route].icon}
                {TABS[route].nav}
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
          <nav aria-label="Breadcrumb" className="breadcrumb">
            <span>Account</span>
            <span aria-hidden="true">/</span>
            <span className="breadcrumb-current" aria-current="location">
              {tab.title}
            </span>
          </nav>
        </header>
        <div className="account-header">
          {tab.icon}
          <h1 className="account-header-title">{tab.title}</h1>
        </div>
        <div className="account-content">{children}</div>
      </main>
    </div>
  );
}
