import { AccountsOverview } from '../accounts/accounts-overview.tsx';

/** The landing area next to the sidebar: the accounts overview. */
export function HomePage() {
  return (
    <main className="home">
      <AccountsOverview />
    </main>
  );
}
