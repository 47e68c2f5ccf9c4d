#!/usr/bin/env node
// Installs the engine's packages from its committed lockfile (`npm ci`), as the Maven build of infra/dynamodb does.
// Skipped while node_modules was installed from this very lockfile: npm ci starts from scratch every time, and the
// build runs this on every reactor build. With a folder argument it installs that Node package instead (the object
// store, infra/objectstore, is installed the same way).
'use strict';
const { createHash } = require('node:crypto');
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const major = Number(process.versions.node.split('.')[0]);
if (major < 20) {
  console.error(`The RedGrid DynamoDB engine needs Node.js 20 or later; this is Node.js ${process.versions.node}.`);
  process.exit(1);
}

const engine = process.argv[2] ? path.resolve(process.argv[2]) : path.join(__dirname, 'engine');
const lockfile = path.join(engine, 'package-lock.json');
const stamp = path.join(engine, 'node_modules', '.redgrid-lockfile.sha256');
const wanted = createHash('sha256').update(fs.readFileSync(lockfile)).digest('hex');
const installed = fs.existsSync(stamp) ? fs.readFileSync(stamp, 'utf8').trim() : '';
if (installed === wanted) {
  process.exit(0);
}

console.log(`Installing the packages of ${engine} (npm ci)`);
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const result = spawnSync(npm, ['ci', '--no-audit', '--no-fund', '--loglevel=error'],
  { cwd: engine, stdio: 'inherit', shell: process.platform === 'win32' });
if (result.status !== 0) {
  console.error(`npm ci in ${engine} failed${result.error ? ': ' + result.error.message : ''}.`);
  process.exit(1);
}
fs.writeFileSync(stamp, wanted + '\n');
