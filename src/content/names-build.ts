/**
 * Build step: the names topics are found by, split the way names.ts reads them: `k<n>.txt`
 * (exact lookup, sharded by a hash of the name), `w<n>.txt` (each word's names and how many
 * topics they name; a word of very many names in `wb<n>.txt` of its own), `v<code point>.txt`
 * (the words, by first character, for word starts) and `l<length>.txt` (names by length and
 * letters, for typos: names-typo.ts).
 */
import { NAMES_VERSION, RS, US, shardOf, type NamesMeta } from '../names.js';
import { lengthFiles } from '../names-typo.js';

/** Names per key shard and entries per word shard: a lookup reads one small file. */
const PER_SHARD = 1500;
/** A word with more names than this gets a file of its own: a lookup of another word never reads them. */
const BIG_WORD = 200;

export function nameFiles(keys: Record<string, string>): Map<string, string> {
  const files = new Map<string, string>();
  const entries = Object.entries(keys).map(([name, t], ord) => ({ name, t, ord }));
  const entryText = (e: { name: string; t: string; ord: number }) => `${e.ord}${US}${e.name}${US}${e.t}`;
  const keyShards = Math.max(1, Math.ceil(entries.length / PER_SHARD));
  const keyLines: string[][] = Array.from({ length: keyShards }, () => []);
  const byWord = new Map<string, typeof entries>();
  for (const e of entries) {
    keyLines[shardOf(e.name, keyShards)]!.push(`\n${e.name}\t${e.ord}\t${e.t}`);
    for (const w of new Set(e.name.split(' '))) (byWord.get(w) ?? byWord.set(w, []).get(w)!).push(e);
  }
  const wordShards = Math.max(1, Math.ceil(entries.length / PER_SHARD));
  const wordLines: string[][] = Array.from({ length: wordShards }, () => []);
  const vocab = new Map<number, string[]>();
  let big = 0;
  for (const [w, es] of byWord) {
    const topics = new Set(es.map((e) => e.t)).size;
    let body = es.map(entryText).join(RS);
    if (es.length > BIG_WORD) {
      files.set(`wb${big}.txt`, body);
      body = `@${big++}`;
    }
    wordLines[shardOf(w, wordShards)]!.push(`\n${w}\t${topics}\t${body}`);
    if (w) (vocab.get(w.codePointAt(0)!) ?? vocab.set(w.codePointAt(0)!, []).get(w.codePointAt(0)!)!).push(w);
  }
  keyLines.forEach((l, i) => files.set(`k${i}.txt`, l.join('')));
  wordLines.forEach((l, i) => files.set(`w${i}.txt`, l.join('')));
  for (const [c, ws] of vocab) files.set(`v${c}.txt`, ws.join('\n'));
  for (const [path, text] of lengthFiles(entries)) files.set(path, text);
  files.set('meta.json', JSON.stringify({ version: NAMES_VERSION, keyShards, wordShards } satisfies NamesMeta));
  return files;
}
