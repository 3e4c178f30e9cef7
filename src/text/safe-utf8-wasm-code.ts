/**
 * The WebAssembly module of the output boundary's byte check (safe-utf8.ts runs it), written
 * out by hand: memory 0 (exported as "m", grown by the caller); s(n) answers 1 when bytes
 * [0, n) are valid UTF-8 holding no character sanitize.ts counts unsafe (C0 but tab and
 * newline, DEL, C1, U+061C, U+200B-U+200F, U+202A-U+202E, U+2060, U+2066-U+2069, U+FEFF), else
 * 0. 64 bytes at a time while they are printable ASCII, tab or newline (SIMD), else 16, else
 * the character a byte starts, one at a time: a loop of 16 bytes a pass ran long enough over a
 * 238 KB handout for V8 to compile the function again with its optimiser (~1.8M instructions
 * more); this one checks it in ~0.6M. The caller zeroes the bytes after n:
 * a sequence cut off at n then fails its continuation check. Its bytes are made at build time
 * (scripts/wasm-modules.mjs defines __KAP_SAFE_UTF8_WASM__ from safeUtf8Module()).
 */
import { HEADER, section, sleb, uleb } from '../wasm-bytes.js';

const GET = 0x20, SET = 0x21, TEE = 0x22, CONST = 0x41;
const EQZ = 0x45, EQ = 0x46, NE = 0x47, LT_U = 0x49, GT_U = 0x4b, GE_U = 0x4f;
const ADD = 0x6a, SUB = 0x6b, AND = 0x71, OR = 0x72, SHL = 0x74, CTZ = 0x68;
const IF = [0x04, 0x40], END = 0x0b, BR = 0x0c, BR_IF = 0x0d, RETURN = 0x0f;
const simd = (op: number) => [0xfd, ...uleb(op)];
const get = (i: number) => [GET, i];
const set = (i: number) => [SET, i];
const int = (v: number) => [CONST, ...sleb(v)];
const load8 = (offset: number) => [0x2d, 0, ...uleb(offset)];
// Locals: 0 n (the parameter); i32 1 i, 2 b (the lead byte), 3 c (a continuation byte), 4 cp
// (the character so far), 5 mask; v128 6 v, 7-10 the constants.
const [N, I, B, C, CP, MASK, V, C20, C0A, C7E, C5E] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
const splat = (byte: number, local: number) => [...int(byte), ...simd(0x0f), ...set(local)]; // i8x16.splat
/** `cond` (an i32 on the stack) true: return 0. */
const failIf = (cond: number[]) => [...cond, ...IF, ...int(0), RETURN, END];
/** i += k, then back to the loop `depth` levels out. */
const advance = (k: number, depth: number) => [...get(I), ...int(k), ADD, ...set(I), BR, depth];
/** The byte at i + offset, a continuation byte (10xxxxxx) or fail; cp = cp << 6 | its six bits. */
const continuation = (offset: number) => [
  ...get(I), ...load8(offset), ...set(C),
  ...failIf([...get(C), ...int(0xc0), AND, ...int(0x80), NE]),
  ...get(CP), ...int(6), SHL, ...get(C), ...int(0x3f), AND, OR, ...set(CP),
];
/** The 16 bytes at i + offset less 0x20 each (i8x16.sub), a newline 0 (v128.andnot of i8x16.eq). */
const shifted = (offset: number) => [...get(I), 0xfd, 0x00, 0, ...uleb(offset), TEE, V, ...get(C20), ...simd(0x71), ...get(V), ...get(C0A), ...simd(0x23), ...simd(0x4f)];
/** cp - from <u count: cp in [from, from + count). */
const inRange = (from: number, count: number) => [...get(CP), ...int(from), SUB, ...int(count), LT_U];

export function safeUtf8Module(): Uint8Array {
  const body = [
    ...splat(0x20, C20), ...splat(0x0a, C0A), ...splat(0x7e, C7E), ...splat(0x5e, C5E),
    0x03, 0x40, // loop: each pass reads 64 plain bytes, else 16, else one character
    // 64 bytes: each byte less 0x20, newlines 0; all plain when the largest is 0x5e or less.
    0x02, 0x40,
    ...get(I), ...int(64), ADD, ...get(N), GT_U, BR_IF, 0,
    ...shifted(0), ...shifted(16), ...simd(0x79), ...shifted(32), ...shifted(48), ...simd(0x79), ...simd(0x79), // i8x16.max_u
    ...get(C5E), ...simd(0x28), ...simd(0x53), BR_IF, 0, // i8x16.gt_u, v128.any_true
    ...advance(64, 1),
    END,
    0x02, 0x40, // 16 bytes, else up to the first byte that is not plain (or fewer than 16 left)
    ...get(I), ...int(16), ADD, ...get(N), GT_U, BR_IF, 0,
    ...get(I), 0xfd, 0x00, 0, 0, ...set(V), // v128.load
    // (v < 0x20 and not newline) or v > 0x7e: a byte to read as a character
    ...get(V), ...get(C20), ...simd(0x26), ...get(V), ...get(C0A), ...simd(0x23), ...simd(0x4f),
    ...get(V), ...get(C7E), ...simd(0x28), ...simd(0x50), ...simd(0x64), TEE, MASK,
    EQZ, ...IF, ...advance(16, 2), END,
    ...get(I), ...get(MASK), CTZ, ADD, ...set(I), // to the first such byte
    END,
    // One character at i.
    ...get(I), ...get(N), GE_U, ...IF, ...int(1), RETURN, END,
    ...get(I), ...load8(0), ...set(B),
    ...get(B), ...int(0x80), LT_U, ...IF,
    // ASCII: a control other than tab and newline, or DEL, fails.
    ...failIf([...get(B), ...int(0x20), LT_U, ...get(B), ...int(9), SUB, ...int(1), GT_U, AND, ...get(B), ...int(0x7f), EQ, OR]),
    ...advance(1, 1),
    END,
    // A lead byte: C2-F4 (80-BF continue a character, C0 and C1 only start overlong ones).
    ...failIf([...get(B), ...int(0xc2), LT_U]),
    ...failIf([...get(B), ...int(0xf5), GE_U]),
    ...int(0), ...set(CP),
    ...continuation(1),
    ...get(B), ...int(0xe0), LT_U, ...IF,
    ...get(B), ...int(0x1f), AND, ...int(6), SHL, ...get(CP), OR, ...set(CP),
    ...failIf([...get(CP), ...int(0xa0), LT_U, ...get(CP), ...int(0x61c), EQ, OR]), // C1, U+061C
    ...advance(2, 1),
    END,
    ...continuation(2),
    ...get(B), ...int(0xf0), LT_U, ...IF,
    ...get(B), ...int(0x0f), AND, ...int(12), SHL, ...get(CP), OR, ...set(CP),
    // Overlong, a surrogate, or one of the unsafe format characters.
    ...failIf([...get(CP), ...int(0x800), LT_U, ...get(CP), ...int(0xf800), AND, ...int(0xd800), EQ, OR]),
    ...failIf([...inRange(0x200b, 5), ...inRange(0x202a, 5), OR, ...inRange(0x2060, 1), OR, ...inRange(0x2066, 4), OR, ...inRange(0xfeff, 1), OR]),
    ...advance(3, 1),
    END,
    ...continuation(3),
    ...get(B), ...int(0x07), AND, ...int(18), SHL, ...get(CP), OR, ...set(CP),
    ...failIf([...inRange(0x10000, 0x100000), EQZ]),
    ...advance(4, 0),
    END, // loop
    0x00, // unreachable: every pass branches back or returns
    END,
  ];
  const func = [2, 5, 0x7f, 5, 0x7b, ...body]; // five i32 and five v128 locals besides n
  return Uint8Array.from([
    ...HEADER,
    ...section(1, [1, 0x60, 1, 0x7f, 1, 0x7f]), // type 0: (i32) -> i32
    ...section(3, [1, 0]), // function 0 of type 0
    ...section(5, [1, 0, 1]), // one memory, one page to start with
    ...section(7, [2, 1, 0x6d, 2, 0, 1, 0x73, 0, 0]), // exports "m" (memory 0), "s" (function 0)
    ...section(10, [1, ...uleb(func.length), ...func]),
  ]);
}
