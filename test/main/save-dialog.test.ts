// Export CSV's save dialog: on Linux Electron replaces an existing file without a word unless the
// dialog is told to ask, so it always is.
import { describe, expect, it } from 'vitest';
import { createSaveDialog, type SaveDialogOptions } from '../../main/save-dialog.ts';

describe('the save dialog', () => {
  const request = { defaultName: 'tokens.csv', text: 'a,b\r\n', filterName: 'CSV', extension: 'csv' };

  it('asks before overwriting a file, then writes the text where the user chose', async () => {
    const shown: SaveDialogOptions[] = [];
    const written: Array<[string, string]> = [];
    const dialog = createSaveDialog(
      async (options) => {
        shown.push(options);
        return { canceled: false, filePath: '/home/ada/tokens.csv' };
      },
      async (path, text) => void written.push([path, text]),
    );

    expect(await dialog.saveText(request)).toEqual({ path: '/home/ada/tokens.csv' });
    expect(shown).toEqual([
      {
        defaultPath: 'tokens.csv',
        filters: [{ name: 'CSV', extensions: ['csv'] }],
        properties: ['showOverwriteConfirmation', 'createDirectory'],
      },
    ]);
    expect(written).toEqual([['/home/ada/tokens.csv', 'a,b\r\n']]);
  });

  it('writes nothing when the user cancels', async () => {
    const written: string[] = [];
    const dialog = createSaveDialog(
      async () => ({ canceled: true }),
      async (path) => void written.push(path),
    );
    expect(await dialog.saveText(request)).toBeNull();
    expect(written).toEqual([]);
  });
});
