/**
 * The handout's text of every question, written by the compile (bank-build.ts) in the written
 * order of its choices: `kap quiz export` in Markdown (the default) arranges these for a seed
 * rather than escaping stems, choices, explanations and sources on every run. The file is a
 * head line (JSON), a line of the table (a row per question, in the bank's order: where its
 * texts are, handout-wasm-code.ts ROW_NUMBERS), then the texts, UTF-8. The handout is written
 * from them in WebAssembly (handout-wasm-code.ts: each question's order, and its texts and the
 * handout's own ones copied as markdownOf() joins them); the bytes leave kap as they are
 * (output-boundary.ts checks them), a string only for --json. Slicing a string per
 * text and joining them, with a JavaScript shuffle per question, cost ~10M instructions over the
 * bank. Data without the file, or a file that does not fit the bank, is exported the usual way.
 */
import { readCompiledInto } from '../compiled-read.js';
import { BLOCK_END, BLOCK_START, KEY_START, headOf } from './export/markdown.js';
import { letter, type ExportMeta } from './export/types.js';
import { MOST_CHOICES, PIECE, ROW_DIGITS, ROW_NUMBERS } from './handout-layout.js';
import { HandoutMemory } from './handout-wasm.js';

export const MARKDOWN_FILE = 'quiz-markdown.txt';
export const MARKDOWN_VERSION = 4;

export interface MarkdownHead {
  version: number;
  /** quiz.json's length in bytes, as the bank's index has it: a file from another compile is not used. */
  bytes: number;
  /** The table's rows (one a question of the bank). */
  rows: number;
  /** The texts' length in bytes (the file's, after the table's line). */
  size: number;
}

/** How much of the file is looked in for the head line. */
const HEAD_ROOM = 256;

/** The handout's own texts (ASCII) in PIECE's order, one after another, and each one's end. */
function ownTexts(): { text: string; ends: number[] } {
  const pieces: string[] = [];
  pieces[PIECE.open] = `\n${BLOCK_START}\n**`;
  pieces[PIECE.stem] = '.** ';
  pieces[PIECE.nl] = '\n';
  pieces[PIECE.end] = `\n${BLOCK_END}`;
  pieces[PIECE.keys] = `\n${KEY_START}`;
  pieces[PIECE.key] = '\n**';
  pieces[PIECE.why] = ')\n\n';
  pieces[PIECE.gap] = '\n\n';
  for (let c = 0; c < MOST_CHOICES; c++) {
    const l = letter(c);
    pieces[PIECE.choice + c] = `\n- ${l}. `;
    pieces[PIECE.letter + c] = `. ${l}** (`;
    pieces[PIECE.firstWhy + c] = `Why not the others:\n\n- ${l}: `;
    pieces[PIECE.nextWhy + c] = `\n- ${l}: `;
  }
  let text = '';
  const ends: number[] = [];
  for (let p = 0; p < PIECE.count; p++) ends.push((text += pieces[p]!).length);
  return { text, ends };
}

const align = (n: number) => (n + 7) & ~7;

/**
 * The handout of these questions (markdownOf's text, as UTF-8 bytes: a view of the module's
 * memory, good until the next handout), from the
 * compile's texts: `at` the questions' places in the bank, `ids` their ids, `seed` the seed of
 * their choices' order (undefined: the written order). Undefined when the file cannot give them all.
 */
export function readHandout(dataDir: string, quizBytes: number, at: number[], ids: string[], seed: string | undefined, meta: ExportMeta): Uint8Array | undefined {
  const memory = HandoutMemory.open();
  if (!memory) return undefined;
  const size = readCompiledInto(dataDir, MARKDOWN_FILE, (n) => memory.bytes(n));
  if (size === undefined) return undefined;
  let head: MarkdownHead;
  let table: number;
  try {
    const start = memory.bytes(0).latin1Slice(0, Math.min(HEAD_ROOM, size));
    table = start.indexOf('\n') + 1;
    if (!table) return undefined;
    head = JSON.parse(start.slice(0, table)) as MarkdownHead;
  } catch {
    return undefined;
  }
  const { version, bytes: fits, rows, size: textSize } = head;
  const base = table + rows * ROW_DIGITS + 1;
  if (version !== MARKDOWN_VERSION || fits !== quizBytes || !(rows >= 0) || size !== base + textSize || memory.bytes(0)[base - 1] !== 10) return undefined;
  const count = at.length;
  const own = ownTexts();
  const top = headOf(count, meta);
  const idText = `${ids.join('\0')}\0`;
  const seedText = seed ?? '';
  // Memory after the file: the own texts, their pieces' list, the seed and the ids (UTF-16),
  // the rows' list, room for the rows and orders, then the handout (each text at most twice).
  const ownAt = align(size);
  const piecesAt = align(ownAt + own.text.length);
  const seedAt = piecesAt + 8 * PIECE.count;
  const idsAt = align(seedAt + 2 * seedText.length);
  const atAt = align(idsAt + 2 * idText.length);
  const rowsAt = atAt + 4 * count;
  const ordersAt = rowsAt + 4 * ROW_NUMBERS * count;
  const out = ordersAt + 4 * MOST_CHOICES * count;
  const mem = memory.bytes(out + 3 * top.length + 2 * textSize + (2 * count + 1) * (own.text.length + 16));
  mem.latin1Write(own.text, ownAt, own.text.length);
  const pieces = new Int32Array(mem.buffer, piecesAt, 2 * PIECE.count);
  for (let p = 0; p < PIECE.count; p++) {
    pieces[2 * p] = ownAt + (p ? own.ends[p - 1]! : 0);
    pieces[2 * p + 1] = ownAt + own.ends[p]!;
  }
  mem.ucs2Write(seedText, seedAt, 2 * seedText.length);
  mem.ucs2Write(idText, idsAt, 2 * idText.length);
  new Int32Array(mem.buffer, atAt, count).set(at);
  const topEnd = out + mem.utf8Write(top, out, 3 * top.length);
  let end: number;
  try {
    end = memory.run(count, atAt, idsAt, seedAt, seed === undefined ? -1 : seedText.length, base, table, piecesAt, rowsAt, ordersAt, topEnd, textSize, rows);
  } catch {
    return undefined;
  }
  return end ? new Uint8Array(mem.buffer, out, end - out) : undefined;
}
