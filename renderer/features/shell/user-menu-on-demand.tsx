// The user menu (Radix's menu and tooltip, most of the first screen's library code) loads right after
// the first screen is drawn; its avatar stands in place until then.
import type { Account } from '../../../preload/contract.ts';
import { initialsOf } from '../../ui/initials.ts';
import { loadedAfterFirstScreen } from '../../ui/load-when-opened.tsx';

export const UserMenu = loadedAfterFirstScreen(
  () => import('./user-menu.tsx').then((m) => m.UserMenu),
  ({ account }: { account: Account }) => (
    <span className="avatar avatar-small" aria-hidden="true">
      {initialsOf(account.displayName, account.email)}
    </span>
  ),
);
