// Renders the whole app against main's real handlers (test-bridge.ts), the way main.tsx does in Electron.
import { render, screen, waitFor, within } from '@testing-library/react';
import { userEvent } from '@testing-library/user-event';
import { expect } from 'vitest';
import { BRIDGE_GLOBAL } from '../../preload/contract.ts';
import { App } from '../../renderer/app.tsx';
import { readBridge } from '../../renderer/bridge.ts';
import type { LoadCatalog } from '../../renderer/i18n/load-catalog.ts';
import { createAppStores } from '../../renderer/stores/app-stores.ts';
import { StoresProvider } from '../../renderer/stores/stores-context.tsx';
import { loadEveryOnDemand } from '../../renderer/ui/load-when-opened.tsx';
import { createTestBridge, type TestBridge, type TestBridgeOptions } from './test-bridge.ts';

export interface RenderAppOptions extends TestBridgeOptions {
  /** e.g. '#/account/tokens' */
  hash?: string;
  fake?: TestBridge;
  /** The catalogs the app loads (the pseudo-locale test wraps the English one). */
  loadCatalog?: LoadCatalog;
}

export async function renderApp(options: RenderAppOptions = {}) {
  const fake = options.fake ?? (await createTestBridge(options));
  window.location.hash = options.hash ?? '#/';
  (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] = fake.bridge;
  const stores = createAppStores(readBridge(), { loadCatalog: options.loadCatalog });
  // As the app does once its first screen is up: opening a page or a dialog then draws it at once.
  await Promise.all([stores.i18n.getState().start(), stores.session.getState().load(), loadEveryOnDemand()]);
  const user = userEvent.setup();
  const view = render(
    <StoresProvider stores={stores}>
      <App />
    </StoresProvider>,
  );
  return { fake, stores, user, ...view };
}

/** Opens the Tokens tab and waits for the first page (or the empty state) to show. */
export async function renderTokensPage(options: RenderAppOptions = {}) {
  const app = await renderApp({ hash: '#/account/tokens', ...options });
  await waitFor(() => expect(document.querySelector('table.token-table, .list-empty, .list-error')).not.toBeNull());
  return app;
}

/** The rows of the token table (NocoDB's test hook). */
export function tokenRows(): HTMLElement[] {
  return screen.queryAllByTestId('nc-token-row');
}

export function rowNamed(name: string): HTMLElement {
  const row = tokenRows().find((r) => within(r).queryByText(name, { exact: true }));
  if (!row) throw new Error(`No token row named "${name}"`);
  return row;
}

/** The texts of the visible toasts (Radix also announces them in a hidden live region; that copy is ignored). */
export function toastTexts(): string[] {
  return Array.from(document.querySelectorAll('.toast')).map((t) => t.textContent ?? '');
}
