// The application menu as plain data, so it can be built (and tested) without Electron. Every item
// keeps its standard role (what it does, its shortcut); the labels are the renderer's words in the
// user's language. Before the renderer has sent them, Electron's own labels show.
import type { MenuItem, MenuLabels } from '../preload/contract.ts';

/** An item of Electron's menu template, as far as this menu uses it. */
export interface MenuEntry {
  role?: string;
  label?: string;
  type?: 'separator';
  submenu?: MenuEntry[];
}

const SEPARATOR: MenuEntry = { type: 'separator' };

/** The menu template: the platform's standard menus, worded with `labels` when given. */
export function appMenuTemplate(labels: MenuLabels | null, platform: NodeJS.Platform): MenuEntry[] {
  const item = (role: string, name: MenuItem): MenuEntry => (labels ? { role, label: labels[name] } : { role });
  const menu = (role: string, name: MenuItem, submenu: MenuEntry[]): MenuEntry =>
    labels ? { role, label: labels[name], submenu } : { role, submenu };
  const mac = platform === 'darwin';
  return [
    ...(mac
      ? [
          menu('appMenu', 'app', [
            item('about', 'about'),
            SEPARATOR,
            item('services', 'services'),
            SEPARATOR,
            item('hide', 'hide'),
            item('hideOthers', 'hideOthers'),
            item('unhide', 'unhide'),
            SEPARATOR,
            item('quit', 'quit'),
          ]),
        ]
      : []),
    menu('fileMenu', 'file', [mac ? item('close', 'close') : item('quit', 'quit')]),
    menu('editMenu', 'edit', [
      item('undo', 'undo'),
      item('redo', 'redo'),
      SEPARATOR,
      item('cut', 'cut'),
      item('copy', 'copy'),
      item('paste', 'paste'),
      ...(mac ? [item('delete', 'delete')] : []),
      item('selectAll', 'selectAll'),
    ]),
    menu('viewMenu', 'view', [
      item('reload', 'reload'),
      item('forceReload', 'forceReload'),
      item('toggleDevTools', 'toggleDevTools'),
      SEPARATOR,
      item('resetZoom', 'resetZoom'),
      item('zoomIn', 'zoomIn'),
      item('zoomOut', 'zoomOut'),
      SEPARATOR,
      item('togglefullscreen', 'toggleFullScreen'),
    ]),
    menu('windowMenu', 'window', [
      item('minimize', 'minimize'),
      item('zoom', 'zoom'),
      ...(mac ? [SEPARATOR, item('front', 'front')] : [item('close', 'close')]),
    ]),
  ];
}
