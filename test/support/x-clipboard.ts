// The real X11 clipboard, through xclip: what end-to-end tests give the app as its clipboard port,
// so "Copy" is checked against the system clipboard a user would paste from.
import { execFileSync } from 'node:child_process';
import type { ClipboardPort } from '../../main/ports.ts';

export function createXClipboard(): ClipboardPort {
  if (!process.env['DISPLAY']) {
    throw new Error('No X display: the e2e project gets its own from test/support/desktop-setup.ts; run it through vitest.');
  }
  return {
    readText: () => {
      try {
        return execFileSync('xclip', ['-selection', 'clipboard', '-o'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
      } catch {
        return ''; // xclip fails when the clipboard holds nothing yet
      }
    },
    // xclip keeps serving the selection from a child process after this call returns.
    writeText: (text) => {
      execFileSync('xclip', ['-selection', 'clipboard', '-i'], { input: text, stdio: ['pipe', 'ignore', 'ignore'] });
    },
  };
}
