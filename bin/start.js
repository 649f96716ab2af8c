#!/usr/bin/env node
/**
 * `npm start [-- options]`: the main job (`benchval all`) on an up-to-date build.
 *
 * Compares the modification times of the TypeScript sources (src/**, tsconfig*.json,
 * package.json) with the last build (dist/.tsbuildinfo) and runs the incremental build
 * (`tsc -b tsconfig.build.json`) only when a source is newer or dist is missing, saying so
 * first, since a first build takes about 15 s. With nothing to rebuild it costs a directory walk
 * (a few ms) instead of starting the TypeScript compiler. The job then runs in this process.
 * BENCHVAL_ALWAYS_BUILD=1 always runs the build.
 */
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { spawnSync } = require('node:child_process');

const ROOT = path.resolve(__dirname, '..');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

/** Newest mtime under dir (files ending in .ts). */
function newest(dir) {
  let max = 0;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) max = Math.max(max, newest(p));
    else if (e.name.endsWith('.ts')) max = Math.max(max, mtime(p) ?? 0);
  }
  return max;
}

/** Why a build of the project at `root` is needed, or null when its dist is up to date. */
function staleness(root = ROOT) {
  if (process.env.BENCHVAL_ALWAYS_BUILD === '1') return 'building';
  const built = mtime(path.join(root, 'dist', '.tsbuildinfo'));
  if (built === null || mtime(path.join(root, 'dist', 'cli', 'main.js')) === null) return 'building (first run, ~15 s)…';
  const inputs = ['tsconfig.json', 'tsconfig.build.json', 'package.json'].map((f) => mtime(path.join(root, f)) ?? 0);
  const latest = Math.max(newest(path.join(root, 'src')), ...inputs);
  return latest > built ? 'sources changed since the last build: rebuilding…' : null;
}

function build(message) {
  process.stderr.write(`${message}\n`);
  const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  const r = spawnSync(process.execPath, [tsc, '-b', 'tsconfig.build.json'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) {
    process.stderr.write('benchval: build failed (see the errors above)\n');
    process.exit(r.status ?? 1);
  }
  // tsc -b leaves the build info alone when nothing changed: mark the check done
  const now = new Date();
  try { fs.utimesSync(path.join(ROOT, 'dist', '.tsbuildinfo'), now, now); } catch { /* no build info: the next start builds again */ }
}

module.exports = { staleness };

if (require.main === module) {
  const why = staleness();
  if (why) build(why);
  require(path.join(ROOT, 'dist', 'cli', 'main.js')).main(['all', ...process.argv.slice(2)]).then(
    (code) => { process.exitCode = code; },
    (err) => {
      process.stderr.write(`benchval: ${err && err.message ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
