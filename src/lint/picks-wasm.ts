/**
 * A sentence's claim matching (best-claims.ts claimPicks) as one WebAssembly call: the module of
 * picks-wasm-code.ts, its memory holding the documents and each term entry met so far. In
 * JavaScript those loops ran cold over hundreds of documents a sentence; WebAssembly is compiled
 * before its first call. A test holds it to best-claims.ts picksInJs.
 */
import { Wasm } from '../wasm-bytes.js';
import type { ClaimMatch, ClaimPicks } from './best-claims.js';
import type { LintDocs } from './model.js';
import { picksModule } from './picks-wasm-code.js';

/** The module's bytes, made by the build (base64); tests, which run the sources, make them. */
declare const __KAP_PICKS_WASM__: string;
const moduleBytes = () => (typeof __KAP_PICKS_WASM__ === 'string' ? Buffer.from(__KAP_PICKS_WASM__, 'base64') : picksModule());

export interface WasmPicks {
  /** The picks best, near, weak and animal of a sentence's terms' entries (undefined: no entry) and idf. */
  score(entries: readonly (readonly number[] | undefined)[], idfs: readonly number[], sw: number, rareIdf: number): ClaimPicks;
}

const PAGE = 65536;

/** The module instantiated for these documents, its memory holding them; undefined where WebAssembly is not available (node --jitless). */
export interface PicksInstance {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  exports: { score(nq: number, sw: number, query: number, stride: number): number; all(...a: number[]): number; quotes(...a: number[]): number };
  /** The byte stride of the regions (4 bytes a document), and the first byte after them. */
  S: number;
  arenaStart: number;
}

export function picksInstance(docs: LintDocs): PicksInstance | undefined {
  const D = Math.max(1, docs.weight.length);
  const S = 4 * D;
  const arenaStart = 12 * S + 128;
  let exports: PicksInstance['exports'] & { m: PicksInstance['memory'] };
  try {
    exports = new Wasm.Instance(new Wasm.Module(moduleBytes())).exports as typeof exports;
    exports.m.grow(Math.ceil((arenaStart + PAGE) / PAGE) - 1);
  } catch {
    return undefined;
  }
  const ints = new Int32Array(exports.m.buffer);
  ints.set(docs.weight, 4 * D);
  ints.set(docs.claim, 5 * D);
  ints.set(docs.flags, 6 * D);
  return { memory: exports.m, exports, S, arenaStart };
}

/**
 * The matches of the four picks (best, near, weak, animal) the module wrote from byte `at`,
 * 32 bytes each: [position among the matched claims (-1: none), claim, document, shared weight,
 * shared terms, rare terms, (pad), score f64]. One match a claim, as picksInJs makes them: the
 * rules tell a weak best match by identity.
 */
export function picksAt(ints: Int32Array, reals: Float64Array, at: number, docs: LintDocs, sw: number): ClaimPicks {
  const o = at >> 2;
  const b = ints[o]!, n = ints[o + 8]!, w = ints[o + 16]!, a = ints[o + 24]!;
  const best = b < 0 ? undefined : matchAt(ints, reals, o, docs, sw);
  const near = n < 0 ? undefined : n === b ? best : matchAt(ints, reals, o + 8, docs, sw);
  const weak = w < 0 ? undefined : w === b ? best : w === n ? near : matchAt(ints, reals, o + 16, docs, sw);
  const animal = a < 0 ? undefined : a === b ? best : a === n ? near : a === w ? weak : matchAt(ints, reals, o + 24, docs, sw);
  return { best, near, weak, animal };
}

/** A pick's match (from int o), as best-claims.ts matchOf makes one. */
function matchAt(ints: Int32Array, reals: Float64Array, o: number, docs: LintDocs, sw: number): ClaimMatch {
  const doc = ints[o + 2]!;
  const shared = ints[o + 3]!;
  return { claim: ints[o + 1]!, flags: docs.flags[doc]!, coverage: shared / docs.weight[doc]!, sentCoverage: shared / sw, score: reals[(o + 6) >> 1]!, shared: ints[o + 4]!, rare: ints[o + 5]! };
}

/** claimPicks' loops for these documents; undefined where WebAssembly is not available (node --jitless). */
export function wasmPicks(docs: LintDocs): WasmPicks | undefined {
  const instance = picksInstance(docs);
  if (!instance) return undefined;
  const { memory, S, arenaStart } = instance;
  const run = instance.exports.score;
  let ints = new Int32Array(memory.buffer);
  let reals = new Float64Array(memory.buffer);
  /** Each term entry's byte offset in memory, once copied in. */
  const placed = new Map<readonly number[], number>();
  /** The places of a sentence's entries, in its order. */
  const offsets: number[] = [];
  let end = arenaStart;
  const room = (bytes: number) => {
    if (end + bytes <= memory.buffer.byteLength) return;
    memory.grow(Math.ceil((end + bytes - memory.buffer.byteLength) / PAGE));
    ints = new Int32Array(memory.buffer);
    reals = new Float64Array(memory.buffer);
  };
  return {
    score(entries, idfs, sw, rareIdf) {
      // Each entry's place, the new ones copied in; then the query after them.
      let nq = 0;
      for (let k = 0; k < entries.length; k++) {
        const e = entries[k];
        if (!e) continue;
        let off = placed.get(e);
        if (off === undefined) {
          room(4 * e.length);
          ints.set(e, end >> 2);
          placed.set(e, (off = end));
          end += 4 * e.length;
        }
        offsets[nq++] = off;
      }
      room(16 * nq);
      let at = end >> 2;
      for (let k = 0, q = 0; k < entries.length; k++) {
        const e = entries[k];
        if (!e) continue;
        ints[at] = offsets[q++]! + 8;
        ints[at + 1] = e.length - 2;
        ints[at + 2] = idfs[k]!;
        ints[at + 3] = idfs[k]! >= rareIdf ? 1 : 0;
        at += 4;
      }
      run(nq, sw, end, S);
      return picksAt(ints, reals, 12 * S, docs, sw);
    },
  };
}
