// What dist/ is built from, as one hash: src/, content/, scripts/, package.json and
// package-lock.json. build.mjs writes it to dist/source-stamp.txt; the tests' global setup
// rebuilds when it differs, so end-to-end tests never run an old dist/.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export const SOURCES = ['src', 'content', 'scripts', 'package.json', 'package-lock.json'];
export const STAMP_FILE = 'dist/source-stamp.txt';

function files(root, rel, out) {
  let entries;
  try {
    entries = readdirSync(join(root, rel), { withFileTypes: true });
  } catch (e) {
    if (e.code === 'ENOTDIR') return out.push(rel);
    if (e.code === 'ENOENT') return;
    throw e;
  }
  for (const e of entries) {
    const child = `${rel}/${e.name}`;
    if (e.isDirectory()) files(root, child, out);
    else if (e.isFile()) out.push(child);
  }
}

/** sha256 over every source file's path and bytes, in a fixed order. */
export function sourceStamp(root) {
  const list = [];
  for (const s of SOURCES) files(root, s, list);
  list.sort();
  const h = createHash('sha256');
  for (const f of list) h.update(`${f}\0`).update(readFileSync(join(root, f))).update('\0');
  return h.digest('hex');
}
