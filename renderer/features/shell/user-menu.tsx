import { DropdownMenu, Tooltip } from 'radix-ui';
import { useCallback, useRef, useState, type KeyboardEvent } from 'react';
import type { Account } from '../../../preload/contract.ts';
import { useI18n } from '../../stores/i18n-context.tsx';
import { navigate } from '../../routing/hash-route.ts';
import { useSession } from '../../stores/stores-context.tsx';
import { KeyIcon, LogOutIcon, PlusIcon, SettingsIcon, UsersIcon, ListIcon } from '../../ui/icons.tsx';
import { accountLabel } from '../../ui/account-label.ts';
import { initialsOf } from '../../ui/initials.ts';
import { STATUS_TEXT, hostOf, isSignedIn } from '../accounts/account-words.ts';
import '../accounts/accounts.css';

const NO_ACCOUNTS: never[] = [];

/** The round initials avatar in the bottom-left corner and the menu that opens above it. */
export function UserMenu({ account }: { account: Account }) {
  const signOut = useSession((s) => s.signOut);
  const switchTo = useSession((s) => s.switchTo);
  const startAdding = useSession((s) => s.startAdding);
  const others = useSession((s) => s.state?.accounts ?? NO_ACCOUNTS).filter((entry) => !entry.active);
  const i18n = useI18n();
  const { t, dir } = i18n;
  const label = accountLabel(account, i18n);
  const [open, setOpen] = useState(false);
  const accountSettings = useRef<HTMLDivElement>(null);
  const initials = initialsOf(account.displayName, account.email);
  // The menu and the tooltip open inside the avatar's navigation landmark, not at the end of <body>
  // (axe: every piece of content belongs to a landmark).
  const [landmark, setLandmark] = useState<HTMLElement | null>(null);
  const findLandmark = useCallback((avatar: HTMLElement | null) => setLandmark(avatar?.closest('nav') ?? null), []);

  // The menu pattern: Tab leaves the menu (Radix keeps focus in it), and focus goes back to the avatar.
  const closeOnTab = (event: KeyboardEvent) => {
    if (event.key !== 'Tab') return;
    event.preventDefault();
    setOpen(false);
  };

  return (
    // The avatar's tooltip is the app's only Radix tooltip, so its provider lives here.
    <Tooltip.Provider delayDuration={300}>
      {/* Not modal: a modal menu locks scrolling with an injected <style>, which the CSP (rightly) blocks. */}
      <DropdownMenu.Root modal={false} open={open} onOpenChange={setOpen}>
        <Tooltip.Root>
          <Tooltip.Trigger asChild>
            <DropdownMenu.Trigger asChild>
              <button
                ref={findLandmark}
                type="button"
                className="avatar avatar-small"
                data-testid="nc-sidebar-userinfo"
                // The visible initials start the name, so speech input ("click AD") finds the button.
                aria-label={t('userMenu.button', { initials, account: label })}
              >
                {initials}
              </button>
            </DropdownMenu.Trigger>
          </Tooltip.Trigger>
          <Tooltip.Portal container={landmark}>
            <Tooltip.Content className="tooltip" side={dir === 'rtl' ? 'left' : 'right'} sideOffset={6}>
              {label}
            </Tooltip.Content>
          </Tooltip.Portal>
        </Tooltip.Root>
        <DropdownMenu.Portal container={landmark}>
          <DropdownMenu.Content
            className="menu"
            side="top"
            align="start"
            sideOffset={8}
            onKeyDown={closeOnTab}
            // The menu opens on the item next to the avatar, never on Log Out at the far end (so Enter,
            // Enter does not sign out). Preventing the default skips Radix's "focus the first item".
            onFocus={(event) => {
              if (event.target !== event.currentTarget) return;
              event.preventDefault();
              accountSettings.current?.focus();
            }}
          >
            <DropdownMenu.Label className="menu-label">
              <bdi>{account.email}</bdi> · <bdi>{hostOf(account.serverUrl)}</bdi>
            </DropdownMenu.Label>
            {others.map((entry) => (
              <DropdownMenu.Item
                key={entry.id}
                className="menu-item"
                data-testid="nc-account-switch"
                onSelect={() => void switchTo(entry.id)}
              >
                <span className="avatar avatar-tiny" aria-hidden="true">
                  {initialsOf(entry.displayName, entry.email)}
                </span>
                <span className="menu-item-text">
                  <bdi>{entry.email}</bdi>
                  <span className="menu-item-note">
                    <bdi>{hostOf(entry.serverUrl)}</bdi>
                    {isSignedIn(entry) ? '' : ` · ${t(STATUS_TEXT[entry.status])}`}
                  </span>
                </span>
              </DropdownMenu.Item>
            ))}
            <DropdownMenu.Item className="menu-item" data-testid="nc-account-add" onSelect={startAdding}>
              <PlusIcon />
              {t('common.addAccount')}
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" onSelect={() => navigate('home')}>
              <UsersIcon />
              {t('userMenu.allAccounts')}
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="menu-separator" />
            <DropdownMenu.Item className="menu-item" data-testid="nc-sidebar-user-logout" onSelect={() => void signOut()}>
              <LogOutIcon />
              {t('common.logOut')}
            </DropdownMenu.Item>
            <DropdownMenu.Separator className="menu-separator" />
            <DropdownMenu.Item className="menu-item" data-testid="nc-all-tokens" onSelect={() => navigate('all-tokens')}>
              <ListIcon />
              {t('common.allTokens')}
            </DropdownMenu.Item>
            <DropdownMenu.Item className="menu-item" onSelect={() => navigate('tokens')}>
              <KeyIcon />
              {t('common.apiTokens')}
            </DropdownMenu.Item>
            <DropdownMenu.Item ref={accountSettings} className="menu-item" onSelect={() => navigate('profile')}>
              <SettingsIcon />
              <span className="menu-item-text">
                {t('common.accountSettings')}
                <span className="menu-item-note">
                  <bdi>{label}</bdi>
                </span>
              </span>
            </DropdownMenu.Item>
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
    </Tooltip.Provider>
  );
}
