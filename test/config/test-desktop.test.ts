// The one line a contributor sees when the test run cannot start its private desktop.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DESKTOP_TOOLS, missingToolsMessage } from '../support/test-desktop.ts';

describe('missingToolsMessage', () => {
  let bin: string;
  beforeEach(async () => {
    bin = await mkdtemp(path.join(tmpdir(), 'nocodb-am-path-'));
  });
  afterEach(() => rm(bin, { recursive: true, force: true }));

  const install = async (...commands: string[]) => {
    for (const command of commands) {
      await writeFile(path.join(bin, command), '#!/bin/sh\n');
      await chmod(path.join(bin, command), 0o755);
    }
  };

  it('is null when every tool is on the PATH', async () => {
    await install(...DESKTOP_TOOLS.map((tool) => tool.command));
    expect(missingToolsMessage(bin)).toBeNull();
  });

  it('names the missing programs and the apt packages to install, once each, on one line', async () => {
    await install('xclip', 'dbus-daemon');
    const message = missingToolsMessage(bin);
    expect(message).toContain('Xvfb, dbus-send, gnome-keyring-daemon not found');
    expect(message).toContain('sudo apt-get install xvfb dbus gnome-keyring');
    expect(message).not.toContain('\n');
  });

  it('does not count a file that is not executable', async () => {
    await install(...DESKTOP_TOOLS.map((tool) => tool.command));
    await chmod(path.join(bin, 'Xvfb'), 0o644);
    expect(missingToolsMessage(bin)).toContain('sudo apt-get install xvfb (');
  });
});
