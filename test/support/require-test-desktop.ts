// Setup file of the integration and e2e projects: when the run could not start its private test
// desktop (a tool is missing), every test in them fails with the line that says what to install.
import { beforeEach } from 'vitest';
import { MISSING_DESKTOP_VARIABLE } from './test-desktop.ts';

const missing = process.env[MISSING_DESKTOP_VARIABLE];
if (missing) {
  beforeEach(() => {
    throw new Error(missing);
  });
}
