// One Vite configuration for the three parts, chosen by --mode: the renderer (React), the main
// process and the sandboxed preload. Main and preload are CommonJS bundles for Electron; keytar
// stays external because it is a native module loaded at run time.
import react from '@vitejs/plugin-react';
import { builtinModules } from 'node:module';
import { defineConfig, type Plugin, type UserConfig } from 'vite';
import { CONTENT_SECURITY_POLICY } from './main/security.ts';

const nodeExternals = ['electron', 'keytar', ...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** The built page carries the same CSP main serves as a header, so it holds wherever it is loaded. */
function contentSecurityPolicyMeta(): Plugin {
  return {
    name: 'content-security-policy-meta',
    apply: 'build',
    transformIndexHtml: () => [
      { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY }, injectTo: 'head-prepend' },
    ],
  };
}

/** A CommonJS bundle per entry (`<name>.cjs`), for Electron's main side. */
function nodeBundle(entries: Record<string, string>, outDir: string, external: string[]): UserConfig {
  return {
    build: {
      outDir,
      emptyOutDir: true,
      target: 'node22',
      minify: false,
      sourcemap: false,
      ssr: true,
      rollupOptions: {
        input: entries,
        external,
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
    ssr: { noExternal: true },
  };
}

export default defineConfig(({ mode }) => {
  // keytar's worker runs in a utility process of its own (main/keychain/keytar-worker.ts).
  if (mode === 'main')
    return nodeBundle({ main: 'main/main.ts', 'keytar-worker': 'main/keychain/keytar-worker-process.ts' }, 'dist/main', nodeExternals);
  // A sandboxed preload may require only 'electron': everything else is bundled in.
  if (mode === 'preload') return nodeBundle({ preload: 'preload/preload.ts' }, 'dist/preload', ['electron']);
  return {
    root: 'renderer',
    base: './',
    plugins: [react(), contentSecurityPolicyMeta()],
    build: {
      outDir: '../dist/renderer',
      emptyOutDir: true,
      target: 'chrome130',
      // No inline module-preload polyfill: the CSP allows only the app's own script files.
      modulePreload: { polyfill: false },
      // The first screen's code in one file: the entry and everything it imports (not what loads on
      // demand). Left to itself the bundler split out seven small chunks the pages share; the app's
      // file server handed them over one after another, the last (70 bytes) ~20 ms after the entry.
      rolldownOptions: { output: { codeSplitting: { groups: [{ name: 'index', test: /renderer\/main\.tsx$/ }] } } },
    },
    server: { host: '127.0.0.1', port: 5173, strictPort: true },
  };
});
