// The OS save dialog behind Export CSV, built from Electron's `dialog.showSaveDialog` (passed in by
// main.ts, so this file and its test need no Electron).
import type { SaveDialogPort } from './desktop-ports.ts';

/** What this file asks of Electron's dialog: the options it shows, and where the user chose. */
export interface SaveDialogOptions {
  defaultPath: string;
  filters: Array<{ name: string; extensions: string[] }>;
  // Linux dialogs replace an existing file without asking unless told to (macOS and Windows always ask).
  properties: Array<'showOverwriteConfirmation' | 'createDirectory'>;
}
export type ShowSaveDialog = (options: SaveDialogOptions) => Promise<{ canceled: boolean; filePath?: string }>;
export type WriteText = (path: string, text: string) => Promise<void>;

/** A save dialog that asks before overwriting on every OS, then writes the text as UTF-8. */
export function createSaveDialog(showSaveDialog: ShowSaveDialog, writeText: WriteText): SaveDialogPort {
  return {
    async saveText({ defaultName, text, filterName, extension }) {
      const { canceled, filePath } = await showSaveDialog({
        defaultPath: defaultName,
        filters: [{ name: filterName, extensions: [extension] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      });
      if (canceled || !filePath) return null;
      await writeText(filePath, text);
      return { path: filePath };
    },
  };
}
