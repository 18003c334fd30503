import type { Account } from '../../../preload/contract.ts';
import { hrefOf } from '../../routing/hash-route.ts';

/** The landing area next to the sidebar. */
export function HomePage({ account }: { account: Account }) {
  return (
    <main className="home">
      <h1 className="page-title">Welcome</h1>
      <p>
        Signed in to <strong>{account.serverUrl}</strong> as <strong>{account.email}</strong>.
      </p>
      <p className="home-links">
        <a className="link" href={hrefOf('profile')}>
          Account Settings
        </a>
        <a className="link" href={hrefOf('tokens')}>
          API Tokens
        </a>
      </p>
    </main>
  );
}
