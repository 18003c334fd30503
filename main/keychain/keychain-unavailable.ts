import { AppFailure } from '../app-error.ts';

// Words for the user when the OS keychain cannot be used, naming what their system needs
// (as VS Code does): on Linux that is a running Secret Service. The renderer words it by platform.
const WHAT_IS_NEEDED: Partial<Record<NodeJS.Platform, string>> = {
  linux: 'On Linux a Secret Service such as GNOME Keyring or KWallet must be running and unlocked.',
  darwin: 'The macOS Keychain could not be opened.',
  win32: 'The Windows Credential Manager could not be used.',
};

/** The platform as the renderer's message selects on: linux, darwin, win32 or other. */
export const keychainPlatform = (platform: NodeJS.Platform): string => (WHAT_IS_NEEDED[platform] ? platform : 'other');

/** The failure every keychain operation throws when the OS keychain cannot be reached. */
export function keychainUnavailable(platform: NodeJS.Platform = process.platform): AppFailure {
  const detail = WHAT_IS_NEEDED[platform] ?? 'No supported keychain was found on this system.';
  return new AppFailure('keychain_unavailable', `The system keychain is not available. ${detail}`, {
    reason: 'platform',
    platform: keychainPlatform(platform),
  });
}
