// Run first by `npm start` and the test scripts: on an older Node the tools fail deep inside a
// dependency (vitest's reporter calls Map.groupBy, Node 21+), so say plainly which Node is needed.
// Plain ES5 on purpose: this file must itself run on any Node old enough to need its message.
'use strict';
var fs = require('fs');
var path = require('path');

var pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
var needed = Number(/\d+/.exec(pkg.engines.node)[0]);
var running = Number(process.version.replace(/^v/, '').split('.')[0]);

if (!(running >= needed)) {
  process.stderr.write(
    'NocoDB Account Manager needs Node.js ' +
      needed +
      ' or newer, but this is Node.js ' +
      process.version.replace(/^v/, '') +
      ': run `nvm install` in this folder (it reads .nvmrc) ' +
      'or install Node.js ' +
      needed +
      ' from https://nodejs.org, then run the command again.\n',
  );
  process.exit(1);
}
