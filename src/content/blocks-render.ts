/**
 * Build time: a module's Markdown → its styled blocks, coloured and plain (render/markdown.ts),
 * with each distinct top-level block lexed inline and rendered once. Modules share blocks
 * (the help and the notice in every module and its brief, the headings kap adds, and in a
 * generated pack whole paragraphs): a block seen again is only split off by marked's block
 * lexer, then taken as rendered before. Lexing and rendering were ~15 s of a 10,000-module
 * compile.
 *
 * A top-level block's tokens are a function of its source (`raw`) alone, except where the
 * document has link definitions (`[x]: url` makes `[x]` a link anywhere) or `<a>` tags (marked
 * carries "inside a link" from block to block): such a document is lexed and rendered whole.
 */
import { Lexer } from 'marked';
import { renderBlocks } from '../render/markdown.js';
import type { Block } from '../render/blocks.js';

export interface Rendered {
  color: Block[];
  plain: Block[];
}

type Token = { type: string; raw: string; [k: string]: unknown };
/** The parts of marked's Lexer that Lexer.lex uses (marked 18): lex() is blockTokens, then the inline queue. */
interface LexerParts {
  tokens: Token[] & { links: Record<string, unknown> };
  inlineQueue: { src: string; tokens: Token[] }[];
  state: { inRawBlock: boolean };
  blockTokens(src: string, tokens: Token[]): Token[];
  inlineTokens(src: string, tokens: Token[]): Token[];
}

const A_TAG = /<\/?a[\s>]/i;

/** Every array inside a token: where its inline tokens go, the inline queue's targets. */
function arraysIn(value: unknown, into: Set<unknown>): void {
  if (Array.isArray(value)) {
    into.add(value);
    for (const v of value) arraysIn(v, into);
  } else if (value && typeof value === 'object') for (const v of Object.values(value)) arraysIn(v, into);
}

/** Lexer.lex + renderBlocks, both colours. */
export function renderWhole(markdown: string): Rendered {
  const tokens = Lexer.lex(markdown, { gfm: true });
  return { color: renderBlocks(tokens, true), plain: renderBlocks(tokens, false) };
}

/** Up to this many blocks are kept: ~3 KB each rendered, ~15 MB at most, whatever the number of modules. */
const KEPT = 5000;

/** FNV-1a of a block's source: how often it was seen, in a table that makes no garbage. */
function hashOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

/**
 * A renderer with the same results as renderWhole. A block is kept from its second sighting
 * (the first is only counted, by its source's hash: a collision only keeps a block early) and
 * kept for good, up to `limit` blocks. Blocks kept for a while and then dropped (a cache of
 * the latest) were middle-aged garbage: promoted out of the young generation, they grew the
 * heap of a 10,000-module compile by ~170 MB.
 */
export function cachedRenderer(limit = KEPT): (markdown: string) => Rendered {
  const kept = new Map<string, [Block, Block]>();
  const seen = new Uint8Array(1 << 20);
  // `h`: hashOf(raw) & (seen.length - 1), taken once per block. A block whose hash was never
  // seen is not kept: it is not asked of the Map, which would hash the whole source again (most
  // blocks of a big compile are new: ~0.7 s of a 10,000-module compile's 71 s profile).
  const keep = (raw: string, h: number, blocks: [Block, Block]) => {
    if (kept.size >= limit) return;
    // A fresh copy of the source: the token's is a slice of the whole document and would keep it.
    if (seen[h]) kept.set(JSON.parse(JSON.stringify(raw)) as string, blocks);
    else seen[h] = 1;
  };
  const get = (raw: string, h: number) => (seen[h] ? kept.get(raw) : undefined);
  return (markdown) => {
    if (A_TAG.test(markdown)) return renderWhole(markdown);
    const lexer = new Lexer({ gfm: true }) as unknown as LexerParts;
    const tokens = lexer.tokens;
    lexer.blockTokens(markdown.replace(/\r\n|\r/g, '\n'), tokens);
    if (Object.keys(tokens.links).length) {
      // As Lexer.lex: every inline part, then render the whole.
      for (const next of lexer.inlineQueue) {
        lexer.state.inRawBlock = false;
        lexer.inlineTokens(next.src, next.tokens);
      }
      return { color: renderBlocks(tokens, true), plain: renderBlocks(tokens, false) };
    }
    const hashes = tokens.map((t) => hashOf(t.raw) & (seen.length - 1));
    const hits = tokens.map((t, i) => get(t.raw, hashes[i]!));
    const skip = new Set<unknown>();
    hits.forEach((hit, i) => hit && arraysIn(tokens[i], skip));
    for (const next of lexer.inlineQueue) {
      if (skip.has(next.tokens)) continue;
      lexer.state.inRawBlock = false;
      lexer.inlineTokens(next.src, next.tokens);
    }
    const missed = tokens.filter((_, i) => !hits[i]);
    const color = renderBlocks(missed, true);
    const plain = renderBlocks(missed, false);
    let k = 0;
    const both = hits.map((hit, i) => {
      if (hit) return hit;
      const made: [Block, Block] = [color[k]!, plain[k++]!];
      keep(tokens[i]!.raw, hashes[i]!, made);
      return made;
    });
    return { color: both.map((b) => b[0]), plain: both.map((b) => b[1]) };
  };
}
