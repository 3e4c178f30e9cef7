/** Run time: the lint index, each file read when first needed (model.ts says which holds what). */
import { CompiledContentError } from '../errors.js';
import { readCompiled } from '../compiled-read.js';
import { claimsFile, DOCS_FILE, HEAD_FILE, KEYS_FILE, LINT_VERSION, shardFile, termShard, topicFile, type ClaimDetail, type LintDocs, type LintHead, type NearKeys, type TermEntry } from './model.js';

export interface LintIndex extends Omit<LintHead, 'version' | 'shards' | 'topicShards' | 'chunk'> {
  /** A term's entry ([idf, topic, ...postings]), or undefined for a term in no claim or quote; `hash`, its termHash when known. */
  term(t: string, hash?: number): TermEntry | undefined;
  /** Is a term in no claim or quote one of a topic's name's words (the topic shards)? */
  topicOnly(t: string): boolean;
  docs(): LintDocs;
  /** keys.json; undefined where the index has none (one written before it), or a test's index. */
  nearKeys?(): NearKeys | undefined;
  claim(i: number): ClaimDetail;
}

export function readLintIndex(dataDir: string): LintIndex {
  // Through readCompiled, as every compiled file: a pack's shard changed after its compile is refused.
  const read = <T>(rel: string): T => {
    const text = readCompiled(dataDir, rel);
    try {
      if (text !== undefined) return JSON.parse(text) as T;
    } catch {
      /* not JSON: as missing */
    }
    throw new CompiledContentError(`no lint index in ${dataDir}`);
  };
  const head = read<LintHead>(HEAD_FILE);
  if (head.version !== LINT_VERSION) throw new CompiledContentError(`the lint index in ${dataDir} is from another version of kap`);
  const shards: (Record<string, TermEntry> | undefined)[] = [];
  const topicShards: (Record<string, 1> | undefined)[] = [];
  const chunks: (ClaimDetail[] | undefined)[] = [];
  let docs: LintDocs | undefined;
  // A draft repeats its words: each term is looked up once.
  const terms = new Map<string, TermEntry | null>();
  return {
    references: head.references,
    errata: head.errata,
    wrong: head.wrong,
    myths: head.myths,
    term(t, hash) {
      let e = terms.get(t);
      if (e === undefined) {
        const n = hash === undefined ? termShard(t, head.shards) : hash % head.shards;
        const shard = (shards[n] ??= read<Record<string, TermEntry>>(shardFile(n)));
        terms.set(t, (e = Object.hasOwn(shard, t) ? shard[t]! : null));
      }
      return e ?? undefined;
    },
    topicOnly(t) {
      const n = termShard(t, head.topicShards);
      return Object.hasOwn((topicShards[n] ??= read<Record<string, 1>>(topicFile(n))), t);
    },
    docs: () => (docs ??= read<LintDocs>(DOCS_FILE)),
    nearKeys() {
      const text = readCompiled(dataDir, KEYS_FILE);
      try {
        return text === undefined ? undefined : (JSON.parse(text) as NearKeys);
      } catch {
        return undefined;
      }
    },
    claim(i) {
      const n = Math.floor(i / head.chunk);
      return (chunks[n] ??= read<ClaimDetail[]>(claimsFile(n)))[i - n * head.chunk]!;
    },
  };
}
