import { Direction } from 'radix-ui';
import type { Account } from '../preload/contract.ts';
import { AccountLayout } from './features/account/account-layout.tsx';
import { useExpiryReminders } from './features/all-tokens/use-expiry-reminders.ts';
import { ListNoticeBanner, PersistenceBanner } from './features/shell/persistence-banner.tsx';
import { Sidebar } from './features/shell/sidebar.tsx';
import { SignInScreen } from './features/sign-in/sign-in-screen.tsx';
import { TokensPage } from './features/tokens/tokens-page.tsx';
import { useMaskWhenHidden } from './features/tokens/use-mask-when-hidden.ts';
import { I18nProvider, useI18n } from './stores/i18n-context.tsx';
import { useRoute } from './routing/hash-route.ts';
import { activeAccountOf } from './stores/session-store.ts';
import { useSession } from './stores/stores-context.tsx';
import { useFocusHeadingWhenLost } from './ui/focus-lost.ts';
import { lazyNamed, loadedAfterFirstScreen } from './ui/load-when-opened.tsx';
import { TooltipLayer } from './ui/tooltip-layer.tsx';

// Not on the first screen (sign-in or the Tokens tab): fetched when first opened.
const AllTokensPage = lazyNamed(() => import('./features/all-tokens/all-tokens-page.tsx').then((m) => m.AllTokensPage));
const HomePage = lazyNamed(() => import('./features/shell/home-page.tsx').then((m) => m.HomePage));
const PasswordPage = lazyNamed(() => import('./features/profile/password-page.tsx').then((m) => m.PasswordPage));
// Radix's toasts arrive right after the first screen is drawn; the viewport is there before any toast.
const Toaster = loadedAfterFirstScreen(() => import('./features/shell/toaster.tsx').then((m) => m.Toaster));
const ProfilePage = lazyNamed(() => import('./features/profile/profile-page.tsx').then((m) => m.ProfilePage));

/** The app in the user's language (nothing shows until its words have loaded). */
export function App() {
  return (
    <I18nProvider>
      <Screens />
    </I18nProvider>
  );
}

/** Picks the screen: a splash until main answers, sign-in when signed out or adding an account, else the routed page. */
function Screens() {
  const account = useSession((s) => (s.state?.status === 'signed_in' ? s.state.account : null));
  const activeId = useSession((s) => activeAccountOf(s.state)?.id);
  const adding = useSession((s) => s.adding);
  const known = useSession((s) => s.state !== null);
  const { t, dir } = useI18n();
  useMaskWhenHidden();
  return (
    // Radix menus, tooltips and toasts follow the language's direction.
    <Direction.Provider dir={dir}>
      {!known ? (
        <div className="splash" role="status">
          {t('app.loading')}
        </div>
      ) : account && !adding ? (
        // One tree per account: a switch drops every piece of screen state of the previous one.
        <SignedIn key={activeId} account={account} />
      ) : (
        <SignInScreen />
      )}
      <Toaster />
      <TooltipLayer />
    </Direction.Provider>
  );
}

function SignedIn({ account }: { account: Account }) {
  const route = useRoute();
  useExpiryReminders();
  useFocusHeadingWhenLost(route);
  return (
    <div className="app">
      <PersistenceBanner />
      <ListNoticeBanner />
      {route === 'home' || route === 'all-tokens' ? (
        <div className="shell">
          <Sidebar account={account} />
          {route === 'home' ? <HomePage /> : <AllTokensPage />}
        </div>
      ) : (
        <AccountLayout active={route} account={account}>
          {route === 'tokens' ? <TokensPage /> : route === 'password' ? <PasswordPage /> : <ProfilePage account={account} />}
        </AccountLayout>
      )}
    </div>
  );
}
