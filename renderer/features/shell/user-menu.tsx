import { DropdownMenu, Tooltip } from 'radix-ui';
import type { Account } from '../../../preload/contract.ts';
import { navigate } from '../../routing/hash-route.ts';
import { useSession } from '../../stores/stores-context.tsx';
import { KeyIcon, LogOutIcon, SettingsIcon } from '../../ui/icons.tsx';
import { accountLabel } from '../../ui/account-label.ts';
import { initialsOf } from '../../ui/initials.ts';

/** The round initials avatar in the bottom-left corner and the menu that opens above it. */
export function UserMenu({ account }: { account: Account }) {
  const signOut = useSession((s) => s.signOut);
  const label = accountLabel(account);
  return (
    // Not modal: a modal menu locks scrolling with an injected <style>, which the CSP (rightly) blocks.
    <DropdownMenu.Root modal={false}>
      <Tooltip.Root>
        <Tooltip.Trigger asChild>
          <DropdownMenu.Trigger asChild>
            <button
              type="button"
              className="avatar avatar-small"
              data-testid="nc-sidebar-userinfo"
              aria-label={`User menu for ${label}`}
            >
              {initialsOf(account.displayName, account.email)}
            </button>
          </DropdownMenu.Trigger>
        </Tooltip.Trigger>
        <Tooltip.Portal>
          <Tooltip.Content className="tooltip" side="right" sideOffset={6}>
            {label}
          </Tooltip.Content>
        </Tooltip.Portal>
      </Tooltip.Root>
      <DropdownMenu.Portal>
        <DropdownMenu.Content className="menu" side="top" align="start" sideOffset={8}>
          <DropdownMenu.Item className="menu-item" data-testid="nc-sidebar-user-logout" onSelect={() => void signOut()}>
            <LogOutIcon />
            Log Out
          </DropdownMenu.Item>
          <DropdownMenu.Separator className="menu-separator" />
          <DropdownMenu.Item className="menu-item" onSelect={() => navigate('tokens')}>
            <KeyIcon />
            API Tokens
          </DropdownMenu.Item>
          <DropdownMenu.Item className="menu-item" onSelect={() => navigate('profile')}>
            <SettingsIcon />
            <span className="menu-item-text">
              Account Settings
              <span className="menu-item-note">{label}</span>
            </span>
          </DropdownMenu.Item>
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
