/**
 * The WebAssembly module that writes the Markdown handout (handout-wasm.ts runs it), written
 * out by hand. Memory 0 (exported as "m", grown by the caller) holds the compile's
 * quiz-markdown.txt (markdown-bank.ts), the handout's own texts, and what the caller lists; one
 * call, c(), does for every question what markdownOf() does with the question's texts: it reads
 * the question's row of the file's table, checks its id against the bank's, shuffles its
 * choices by its own seed (hashSeed and sfc32 as rng.ts, shuffled's Fisher-Yates), and copies
 * its texts and the handout's own ones after one another (memory.copy). Nothing of it is
 * JavaScript run per question. Its bytes are made at build time (scripts/wasm-modules.mjs
 * defines __KAP_HANDOUT_WASM__ from handoutModule()).
 *
 * c(count, at, ids, seed, seedLength, base, table, pieces, rows, orders, out, size, tableRows):
 * `at` lists count i32 (each question's row); `ids` the questions' ids, UTF-16, each ended by
 * a 0 unit; `seed` seedLength UTF-16 units (-1: the written order of choices); `base` where
 * the texts start, `size` their length; `table` the file's table (tableRows rows of ROW_DIGITS
 * digits, handout-layout.ts); `pieces` the own texts' [start, end) pairs (PIECE); `rows` and `orders` room
 * for 18 and 5 i32 a question; `out` where to write. Answers where the handout ends, or 0 when
 * a row is missing or an id differs (the caller exports the usual way then).
 */
import { HEADER, section, sleb, uleb } from '../wasm-bytes.js';
import { cyrb128End, cyrb128Start, cyrb128Unit } from './cyrb128-wasm-code.js';
import { DIGIT_BITS, DIGIT_ZERO, MOST_CHOICES, NUMBER_DIGITS, PIECE, ROW_DIGITS, ROW_NUMBERS } from './handout-layout.js';

const BLOCK = [0x02, 0x40], LOOP = [0x03, 0x40], IF = [0x04, 0x40], END = 0x0b, BR = 0x0c, BR_IF = 0x0d, RETURN = 0x0f, UNREACHABLE = 0x00;
const EQZ = 0x45, EQ = 0x46, NE = 0x47, LT_S = 0x48, LT_U = 0x49, GT_U = 0x4b, LE_U = 0x4d, GE_S = 0x4e, GE_U = 0x4f;
const ADD = 0x6a, SUB = 0x6b, MUL = 0x6c, DIV_U = 0x6e, REM_U = 0x70, OR = 0x72, XOR = 0x73, SHL = 0x74, SHR_U = 0x76, SELECT = 0x1b;
const get = (i: number) => [0x20, i];
const set = (i: number) => [0x21, i];
const tee = (i: number) => [0x22, i];
const gget = (i: number) => [0x23, i];
const gset = (i: number) => [0x24, i];
const int = (v: number) => [0x41, ...sleb(v)];
const call = (f: number) => [0x10, f];
const load = (offset = 0) => [0x28, 2, ...uleb(offset)];
const store = (offset = 0) => [0x36, 2, ...uleb(offset)];
const load8 = [0x2d, 0, 0];
const load8At = (offset: number) => [0x2d, 0, ...uleb(offset)];
const load16 = [0x2f, 1, 0];
const store8 = [0x3a, 0, 0];
const COPY = [0xfc, 10, 0, 0]; // memory.copy (dest, src, n)
/** `cond` (an i32 on the stack) true: answer 0. */
const failIf = (cond: number[]) => [...cond, ...IF, ...int(0), RETURN, END];
/** A loop while `cond` holds (checked first): block, loop, !cond → out, body, br to the loop. */
const whileDo = (cond: number[], body: number[]) => [...BLOCK, ...LOOP, ...cond, EQZ, BR_IF, 1, ...body, BR, 0, END, END];
const inc = (l: number) => [...get(l), ...int(1), ADD, ...set(l)];

// Globals: the write position, the pieces' list, the texts' start, their length.
const O = 0, G_PIECES = 1, G_BASE = 2, G_SIZE = 3;
// Functions.
const PUT = 0, TEXT = 1, NUM = 2;

/** The number whose NUMBER_DIGITS digits are at X (the local), most significant first. */
const digits = (x: number) => {
  const out: number[] = [];
  for (let d = 0; d < NUMBER_DIGITS; d++) out.push(...get(x), ...load8At(d), ...int(DIGIT_ZERO), SUB, ...(d ? [OR] : []), ...(d < NUMBER_DIGITS - 1 ? [...int(DIGIT_BITS), SHL] : []));
  return out;
};

/**
 * The `n` bytes at `src` (locals) copied to the write position, which moves on past them. Up
 * to 16 as one v128 load and store (the 16 after the write position are written later, or are
 * room after the handout): most pieces and many texts are that short, and memory.copy calls
 * out of the module to memmove, ~150 instructions a copy.
 */
const copyOut = (src: number, n: number) => [
  ...get(n), ...int(16), LE_U, 0x04, 0x40,
  ...gget(O), ...get(src), 0xfd, 0x00, 0, 0, 0xfd, 0x0b, 0, 0, // v128.load, v128.store
  0x05,
  ...gget(O), ...get(src), ...get(n), ...COPY,
  END,
  ...gget(O), ...get(n), ADD, ...gset(O),
];

/** put(p): own text p copied to the write position. Locals: 0 p, 1 start, 2 length. */
const putBody = () => [
  ...gget(G_PIECES), ...get(0), ...int(3), SHL, ADD, ...tee(2), ...load(0), ...set(1),
  ...get(2), ...load(4), ...get(1), SUB, ...set(2),
  ...copyOut(1, 2),
  END,
];

/** text(a, b): the texts' bytes [a, b) copied to the write position (out of range: a trap). Locals: 0 a, 1 b. */
const textBody = () => [
  ...get(0), ...get(1), GT_U, ...get(1), ...gget(G_SIZE), GT_U, OR, ...IF, UNREACHABLE, END,
  ...get(1), ...get(0), SUB, ...set(1), ...gget(G_BASE), ...get(0), ADD, ...set(0),
  ...copyOut(0, 1),
  END,
];

/** num(n): n in decimal at the write position. Locals: 0 n, 1 length, 2 x, 3 p. */
const numBody = () => [
  ...int(1), ...set(1), ...get(0), ...set(2),
  ...whileDo([...get(2), ...int(10), GE_U], [...get(2), ...int(10), DIV_U, ...set(2), ...inc(1)]),
  ...gget(O), ...get(1), ADD, ...tee(3), ...gset(O),
  ...get(0), ...set(2),
  ...LOOP,
  ...get(3), ...int(1), SUB, ...tee(3), ...get(2), ...int(10), REM_U, ...int(48), ADD, ...store8,
  ...get(2), ...int(10), DIV_U, ...tee(2), BR_IF, 0,
  END,
  END,
];

// c()'s parameters, kept in globals for the functions it calls (after the four above).
const COUNT = 0, AT = 1, IDS = 2, SEED = 3, SEED_LENGTH = 4, BASE = 5, TABLE = 6, PIECES = 7, ROWS = 8, ORDERS = 9, OUT = 10, SIZE = 11, TABLE_ROWS = 12;
const G_AT = 4, G_SEED = 5, G_SEED_LENGTH = 6, G_TABLE = 7, G_ROWS = 8, G_ORDERS = 9, G_TABLE_ROWS = 10, G_IDS = 11;
const GLOBALS = 12;
// Functions after put, text and num: a question's row, its order, its block, its key; c.
const ROW = 3, ORDER = 4, QUESTION = 5, KEY = 6;
// The question functions' locals: 0 i, 1 r (parameters), then these.
const I = 0, R = 1, K = 2, J = 3, U = 4, H1 = 5, H2 = 6, H3 = 7, H4 = 8, T = 9, Q = 10, ORD = 11, POS = 12, WRONG = 13, W = 14, X = 15, M = 16;
const H = [H1, H2, H3, H4];
const put = (p: number) => [...int(p), ...call(PUT)];
/** text(row[a], row[b]): the row's numbers at byte offsets a and b from `r` plus 4·local (when given). */
const rowText = (a: number, b: number, local?: number) => {
  const at = local === undefined ? get(R) : [...get(R), ...get(local), ...int(2), SHL, ADD];
  return [...at, ...load(a), ...at, ...load(b), ...call(TEXT)];
};
/** order[local] (the written index of shown choice `local`). */
const orderAt = (local: number) => [...get(ORD), ...get(local), ...int(2), SHL, ADD, ...load(0)];
const orderOf = [...gget(G_ORDERS), ...get(I), ...int(4 * MOST_CHOICES), MUL, ADD, ...set(ORD)];
/** sfc32's step on H1-H4 as a-d (rng.ts): the number in T. */
const sfc32 = () => [
  ...get(H1), ...get(H2), ADD, ...set(T),
  ...get(H2), ...get(H2), ...int(9), SHR_U, XOR, ...set(H1),
  ...get(H3), ...get(H3), ...int(3), SHL, ADD, ...set(H2),
  ...get(H3), ...int(21), SHL, ...get(H3), ...int(11), SHR_U, OR, ...set(H3),
  ...get(H4), ...int(1), ADD, ...set(H4),
  ...get(T), ...get(H4), ADD, ...set(T),
  ...get(H3), ...get(T), ADD, ...set(H3),
];

// The work is split in functions of their own: V8 compiles a function again with its optimiser
// once it has run long enough (dynamic tiering), which one function doing all of it did over
// the bank's 149 questions (~5-9M instructions more, on a thread of their own).

/** row(i): question i's row parsed into rows[i], and where that is (0: none, or not one this module can write). */
const rowBody = () => [
  ...gget(G_AT), ...get(I), ...int(2), SHL, ADD, ...load(0), ...set(U),
  ...failIf([...get(U), ...gget(G_TABLE_ROWS), GE_U]),
  ...get(U), ...int(ROW_DIGITS), MUL, ...gget(G_TABLE), ADD, ...set(X),
  ...gget(G_ROWS), ...get(I), ...int(4 * ROW_NUMBERS), MUL, ADD, ...set(R),
  ...int(0), ...set(J),
  ...LOOP,
  ...get(R), ...get(J), ...int(2), SHL, ADD, ...digits(X), ...store(0),
  ...get(X), ...int(NUMBER_DIGITS), ADD, ...set(X),
  ...inc(J), ...get(J), ...int(ROW_NUMBERS), LT_U, BR_IF, 0,
  END,
  ...failIf([...get(R), ...load(0), ...int(MOST_CHOICES), GT_U]),
  ...get(R),
  END,
];

/** order(i, r): question i's id checked against its row's (ASCII), and its choices' order worked out (1), or 0. */
const orderBody = () => [
  ...get(R), ...load(0), ...set(K),
  // Its seed: the seed, a 0 unit, its id.
  ...cyrb128Start(H),
  ...int(0), ...set(J),
  ...whileDo([...get(J), ...gget(G_SEED_LENGTH), LT_S], [...gget(G_SEED), ...get(J), ...int(1), SHL, ADD, ...load16, ...set(U), ...cyrb128Unit(U, H), ...inc(J)]),
  ...int(0), ...set(U), ...cyrb128Unit(U, H),
  ...gget(G_BASE), ...get(R), ...load(8), ADD, ...set(Q),
  ...gget(G_BASE), ...get(R), ...load(12), ADD, ...set(W),
  ...gget(G_IDS), ...set(X),
  ...BLOCK, ...LOOP,
  ...get(X), ...load16, ...set(U), ...get(X), ...int(2), ADD, ...set(X),
  ...get(U), EQZ, BR_IF, 1,
  ...failIf([...get(Q), ...get(W), GE_U, ...get(U), ...int(0x80), GE_U, OR, ...get(U), ...get(Q), ...load8, NE, OR]),
  ...cyrb128Unit(U, H), ...inc(Q),
  BR, 0, END, END,
  ...get(X), ...gset(G_IDS),
  ...failIf([...get(Q), ...get(W), NE]),
  ...cyrb128End(H),
  // Its order: written, then shuffled as shuffled(written, sfc32(hash)).
  ...orderOf,
  ...int(0), ...set(J),
  ...whileDo([...get(J), ...get(K), LT_U], [...get(ORD), ...get(J), ...int(2), SHL, ADD, ...get(J), ...store(0), ...inc(J)]),
  ...gget(G_SEED_LENGTH), ...int(0), GE_S, ...IF,
  ...get(K), ...int(1), SUB, ...set(M),
  ...whileDo([...get(M), ...int(1), GE_S], [
    ...sfc32(),
    // j = floor(t / 2^32 · (m + 1)), exactly: the product has at most 35 bits.
    ...get(T), 0xad, ...get(M), ...int(1), ADD, 0xad, 0x7e, 0x42, 32, 0x88, 0xa7, ...set(J),
    ...orderAt(M), ...set(X),
    ...get(ORD), ...get(M), ...int(2), SHL, ADD, ...orderAt(J), ...store(0),
    ...get(ORD), ...get(J), ...int(2), SHL, ADD, ...get(X), ...store(0),
    ...get(M), ...int(1), SUB, ...set(M),
  ]),
  END,
  ...int(1),
  END,
];

/** question(i, r): "\n" BLOCK_START "\n**" n ".** " stem "\n" ("\n- A. " choice)… "\n" BLOCK_END ("\n" help) */
const questionBody = () => [
  ...get(R), ...load(0), ...set(K),
  ...orderOf,
  ...put(PIECE.open), ...get(I), ...int(1), ADD, ...call(NUM), ...put(PIECE.stem), ...rowText(12, 16), ...put(PIECE.nl),
  ...int(0), ...set(J),
  ...whileDo([...get(J), ...get(K), LT_U], [...get(J), ...int(PIECE.choice), ADD, ...call(PUT), ...orderAt(J), ...set(W), ...rowText(16, 20, W), ...inc(J)]),
  ...put(PIECE.end),
  ...get(R), ...load(64), ...get(R), ...load(60), GT_U, ...IF, ...put(PIECE.nl), ...rowText(60, 64), END,
  END,
];

/** key(i): "\n**" n ". A** (" choice ")\n\n" explanation "\n\n" (why-nots "\n\n") tail (1), or 0 when the key is not shown. */
const keyBody = () => [
  ...gget(G_ROWS), ...get(I), ...int(4 * ROW_NUMBERS), MUL, ADD, ...tee(R), ...load(0), ...set(K),
  ...orderOf,
  ...get(R), ...load(4), ...set(U),
  // Where the key is shown (order.indexOf(key)).
  ...int(0), ...set(POS),
  ...BLOCK, ...LOOP,
  ...failIf([...get(POS), ...get(K), GE_U]),
  ...orderAt(POS), ...get(U), EQ, BR_IF, 1,
  ...inc(POS), BR, 0, END, END,
  ...put(PIECE.key), ...get(I), ...int(1), ADD, ...call(NUM), ...get(POS), ...int(PIECE.letter), ADD, ...call(PUT),
  ...rowText(16, 20, U), ...put(PIECE.why), ...rowText(56, 60), ...put(PIECE.gap),
  ...int(0), ...set(WRONG), ...int(0), ...set(J),
  ...whileDo([...get(J), ...get(K), LT_U], [
    ...BLOCK,
    ...get(J), ...get(POS), EQ, BR_IF, 0,
    ...orderAt(J), ...set(W),
    ...get(R), ...get(W), ...int(2), SHL, ADD, ...tee(X), ...load(40), ...get(X), ...load(36), LE_U, BR_IF, 0,
    ...get(J), ...int(PIECE.nextWhy), ADD, ...get(J), ...int(PIECE.firstWhy), ADD, ...get(WRONG), SELECT, ...call(PUT),
    ...int(1), ...set(WRONG),
    ...rowText(36, 40, W),
    END,
    ...inc(J),
  ]),
  ...get(WRONG), ...IF, ...put(PIECE.gap), END,
  ...rowText(64, 68),
  ...int(1),
  END,
];

// c()'s locals after its parameters: i, r.
const CI = 13, CR = 14;
const runBody = () => [
  ...get(OUT), ...gset(O), ...get(PIECES), ...gset(G_PIECES), ...get(BASE), ...gset(G_BASE), ...get(SIZE), ...gset(G_SIZE),
  ...get(AT), ...gset(G_AT), ...get(SEED), ...gset(G_SEED), ...get(SEED_LENGTH), ...gset(G_SEED_LENGTH), ...get(TABLE), ...gset(G_TABLE),
  ...get(ROWS), ...gset(G_ROWS), ...get(ORDERS), ...gset(G_ORDERS), ...get(TABLE_ROWS), ...gset(G_TABLE_ROWS), ...get(IDS), ...gset(G_IDS),
  ...int(0), ...set(CI),
  ...whileDo([...get(CI), ...get(COUNT), LT_U], [
    ...get(CI), ...call(ROW), ...tee(CR), EQZ, ...failIf([]),
    ...get(CI), ...get(CR), ...call(ORDER), EQZ, ...failIf([]),
    ...get(CI), ...get(CR), ...call(QUESTION),
    ...inc(CI),
  ]),
  ...put(PIECE.keys),
  ...int(0), ...set(CI),
  ...whileDo([...get(CI), ...get(COUNT), LT_U], [...get(CI), ...call(KEY), EQZ, ...failIf([]), ...inc(CI)]),
  ...gget(O),
  END,
];

const func = (locals: number, body: number[]) => {
  const bytes = [...(locals ? [1, locals, 0x7f] : [0]), ...body];
  return [...uleb(bytes.length), ...bytes];
};

export function handoutModule(): Uint8Array {
  const i32 = 0x7f;
  const params = (n: number) => [...uleb(n), ...Array<number>(n).fill(i32)];
  return Uint8Array.from([
    ...HEADER,
    // Types: 0 (i32) -> (), 1 (i32, i32) -> (), 2 (13 × i32) -> i32, 3 (i32) -> i32, 4 (i32, i32) -> i32.
    ...section(1, [5, 0x60, ...params(1), 0, 0x60, ...params(2), 0, 0x60, ...params(13), 1, i32, 0x60, ...params(1), 1, i32, 0x60, ...params(2), 1, i32]),
    ...section(3, [8, 0, 1, 0, 3, 4, 1, 3, 2]), // put, text, num, row, order, question, key, c
    ...section(5, [1, 0, 1]), // one memory, one page
    ...section(6, [GLOBALS, ...Array.from({ length: GLOBALS }, () => [i32, 1, ...int(0), END]).flat()]), // mutable i32 globals
    ...section(7, [2, 1, 0x6d, 2, 0, 1, 0x63, 0, 7]), // exports "m" (memory 0), "c" (function 7)
    ...section(10, [8, ...func(2, putBody()), ...func(0, textBody()), ...func(3, numBody()), ...func(16, rowBody()), ...func(15, orderBody()), ...func(15, questionBody()), ...func(16, keyBody()), ...func(2, runBody())]),
  ]);
}

