import { describe, expect, it } from 'vitest';
import { appMenuTemplate, type MenuEntry } from '../../main/app-menu.ts';
import { MENU_ITEMS, type MenuLabels } from '../../preload/contract.ts';
import { checkArgument } from '../../main/ipc-arguments.ts';
import { createHandlers } from '../../main/create-handlers.ts';
import { memoryPorts } from '../support/memory-ports.ts';

const GERMAN = Object.fromEntries(MENU_ITEMS.map((item) => [item, `de:${item}`])) as MenuLabels;
const roles = (entries: MenuEntry[]): string[] => entries.flatMap((entry) => [entry.role ?? '-', ...roles(entry.submenu ?? [])]);

describe('the application menu', () => {
  it('keeps the standard roles, with Electron’s own labels until the renderer sends its words', () => {
    const template = appMenuTemplate(null, 'linux');
    expect(template.map((entry) => entry.role)).toEqual(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu']);
    expect(JSON.stringify(template)).not.toContain('label');
  });

  it('words every item with the labels it is given, on each platform, with the same roles', () => {
    for (const platform of ['linux', 'darwin', 'win32'] as const) {
      const worded = appMenuTemplate(GERMAN, platform);
      expect(roles(worded)).toEqual(roles(appMenuTemplate(null, platform)));
      const unlabelled = JSON.stringify(worded, (key, value: unknown) => (key === 'submenu' ? undefined : value));
      expect(unlabelled).not.toMatch(/"role":"[^"]+"}/);
    }
    expect(appMenuTemplate(GERMAN, 'linux')[1]).toMatchObject({ role: 'editMenu', label: 'de:edit' });
  });

  it('accepts exactly one short printable label per item over IPC', () => {
    expect(checkArgument('app:set-menu-labels', GERMAN).ok).toBe(true);
    expect(checkArgument('app:set-menu-labels', { ...GERMAN, extra: 'x' }).ok).toBe(false);
    expect(checkArgument('app:set-menu-labels', { ...GERMAN, edit: '' }).ok).toBe(false);
    expect(checkArgument('app:set-menu-labels', { ...GERMAN, edit: 'x'.repeat(101) }).ok).toBe(false);
    expect(checkArgument('app:set-menu-labels', { ...GERMAN, edit: 'a\u0007' }).ok).toBe(false);
  });

  it('is rebuilt through the menu port, and the system languages come from the locale port', async () => {
    const applied: MenuLabels[] = [];
    const { ports } = memoryPorts({
      locale: { preferredLanguages: () => ['pt-BR', 'en-US'] },
      menu: { setLabels: (labels) => void applied.push(labels) },
    });
    const handlers = createHandlers(ports);
    expect(await handlers['app:system-languages']()).toEqual(['pt-BR', 'en-US']);
    expect(await handlers['app:set-menu-labels'](GERMAN)).toBeNull();
    expect(applied).toEqual([GERMAN]);
  });
});
