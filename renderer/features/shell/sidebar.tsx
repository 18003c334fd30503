import type { Account } from '../../../preload/contract.ts';
import { hrefOf } from '../../routing/hash-route.ts';
import { KeyIcon } from '../../ui/icons.tsx';
import { UserMenu } from './user-menu.tsx';

/** NocoDB's left side: a narrow icon rail with the user menu at the bottom, then the sidebar. */
export function Sidebar({ account }: { account: Account }) {
  return (
    <>
      <nav className="rail" aria-label="App">
        <a className="rail-logo" href={hrefOf('home')} aria-label="Home">
          N
        </a>
        <a className="rail-link" href={hrefOf('tokens')} aria-label="API Tokens">
          <KeyIcon />
        </a>
        <div className="rail-bottom">
          <UserMenu account={account} />
        </div>
      </nav>
      <aside className="sidebar">
        <p className="sidebar-server" title={account.serverUrl}>
          {account.serverUrl}
        </p>
      </aside>
    </>
  );
}
