#!/usr/bin/env node
// Prepares a checkout to run: installs dependencies from the lockfile when
// they are missing or stale, builds the client and the server when their
// sources changed, and (with --browser) makes sure Debian's Chromium is there
// for the end-to-end tests. Uses only Node built-ins: it runs before
// node_modules exists.
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = new Set(process.argv.slice(2));
const root = new URL('..', import.meta.url).pathname;
const run = (cmd, cmdArgs) => {
  console.log(`[setup] ${cmd} ${cmdArgs.join(' ')}`);
  const result = spawnSync(cmd, cmdArgs, { cwd: root, stdio: 'inherit' });
  return result.status === 0;
};

/** Newest modification time under the given paths (files and folders, recursively). */
function newest(paths) {
  let latest = 0;
  const visit = (path) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    latest = Math.max(latest, stat.mtimeMs);
    if (stat.isDirectory()) for (const entry of readdirSync(path)) visit(join(path, entry));
  };
  paths.forEach((p) => visit(join(root, p)));
  return latest;
}

const mtime = (path) => (existsSync(join(root, path)) ? statSync(join(root, path)).mtimeMs : 0);

// 1. Dependencies, installed again whenever the lockfile differs from the one last installed.
const lockHash = () => createHash('sha256').update(readFileSync(join(root, 'package-lock.json'))).digest('hex');
const installedMarker = join(root, 'node_modules/.prossima-installed-lock');
const installedHash = existsSync(installedMarker) ? readFileSync(installedMarker, 'utf8') : '';
if (installedHash !== lockHash()) {
  // `npm ci` installs exactly the lockfile. This registry mirror has refused it
  // for lockfiles naming platform binaries it lacks (EUSAGE): then fall back to
  // `npm install`, which honours the same lockfile.
  if (!run('npm', ['ci', '--no-audit', '--no-fund']) && !run('npm', ['install', '--no-audit', '--no-fund'])) {
    console.error('[setup] installing dependencies failed');
    process.exit(1);
  }
  writeFileSync(installedMarker, lockHash());
}

// 2. Builds, only when their sources are newer than the output.
if (args.has('--build')) {
  const clientSources = ['client', 'domain/src', 'angular.json', 'tsconfig.json', 'package-lock.json'];
  if (newest(clientSources) > mtime('dist/client/browser/index.html')) {
    if (!run('npm', ['run', 'build:client'])) process.exit(1);
  }
  const serverSources = ['sync-server/src', 'domain/src', 'scripts/build-server.mjs', 'package-lock.json'];
  if (newest(serverSources) > mtime('dist/sync-server/main.mjs')) {
    if (!run('npm', ['run', 'build:server'])) process.exit(1);
  }
  // The device bridge as an ES module importable from Node (device-bridge/dist).
  const bridgeSources = ['device-bridge/src', 'device-bridge/scripts', 'device-bridge/package.json', 'package-lock.json'];
  if (newest(bridgeSources) > mtime('device-bridge/dist/index.js')) {
    if (!run('npm', ['run', 'build:device-bridge'])) process.exit(1);
  }
}

// 3. A browser for the end-to-end tests: Debian's chromium, never a download.
if (args.has('--browser') && !existsSync('/usr/bin/chromium')) {
  const isRoot = process.getuid?.() === 0;
  if (!isRoot) {
    console.error('[setup] /usr/bin/chromium is missing: install Debian\'s "chromium" package (apt-get install chromium)');
    process.exit(1);
  }
  try {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit' });
    execFileSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  } catch (error) {
    console.error(`[setup] could not install chromium: ${error.message}`);
    process.exit(1);
  }
}
