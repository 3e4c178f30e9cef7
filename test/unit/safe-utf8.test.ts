/**
 * The output boundary's byte check (src/text/safe-utf8.ts): bytes pass as they are exactly when
 * they are valid UTF-8 and scrub() would leave their text unchanged; the boundary's writeUtf8
 * writes anything else as scrubbed text.
 */
import { describe, expect, it } from 'vitest';
import { safeBytes, safeText } from '../../src/text/safe-utf8.js';
import { textOf, utf8Text, type Utf8Text } from '../../src/text/utf8-text.js';
import { UNSAFE_CHAR, scrub } from '../../src/text/sanitize.js';
import { guardStreams } from '../../src/output-boundary.js';

const bytesOf = (b: number[]) => Buffer.from(b).toString('latin1') as Utf8Text;

describe('safeBytes', () => {
  it('agrees with UNSAFE_CHAR on every BMP character, at every place in a 64-byte run', () => {
    const wrong: string[] = [];
    for (let cp = 0; cp < 0x10000; cp++) {
      if (cp >= 0xd800 && cp < 0xe000) continue;
      const c = String.fromCharCode(cp);
      for (const at of cp % 97 ? [cp % 80] : [0, 1, 15, 16, 17, 31, 47, 63, 64, 65, 79, 150]) {
        const s = `${'a'.repeat(at)}${c}${'b\n'.repeat(40)}`;
        if (Boolean(safeBytes(utf8Text(s))) !== !UNSAFE_CHAR.test(s)) wrong.push(`U+${cp.toString(16)} at ${at}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('passes astral characters, tab and newline; refuses bytes that are not UTF-8', () => {
    expect(safeBytes(utf8Text(`x\t\n\u{1f600}\u{10ffff}\u{10000}·–…`))).toBeTruthy();
    expect(safeBytes('' as Utf8Text)).toBeTruthy();
    const invalid = [[0x80], [0xbf], [0xc0, 0x80], [0xc1, 0xbf], [0xc2], [0xe2, 0x80], [0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xf0, 0x80, 0x80, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xf5, 0x80, 0x80, 0x80], [0xff], [0xc2, 0x41]];
    for (const b of invalid) for (const pad of [0, 3, 70]) expect(safeBytes(bytesOf([...Buffer.from('y'.repeat(pad)), ...b])), JSON.stringify(b)).toBeUndefined();
  });

  it('holds a text longer than its memory, and gives the bytes themselves', () => {
    const long = `${'x'.repeat(300_000)}·`;
    expect(Buffer.from(safeBytes(utf8Text(long))!).toString('utf8')).toBe(long);
    expect(safeBytes(utf8Text(`${'x'.repeat(300_000)}\u200b`))).toBeUndefined();
  });
});

describe('writeUtf8 at the boundary', () => {
  const run = (u: Utf8Text, color = false) => {
    const got: (string | Buffer)[] = [];
    const b = guardStreams({ write: (s: string) => got.push(s), writeBytes: (x: Uint8Array) => got.push(Buffer.from(x)) }, { write: () => 0 });
    b.setColor(color);
    b.stdout.writeUtf8(u);
    return got;
  };

  it('writes safe bytes as they are, anything else as its scrubbed text', () => {
    expect(run(utf8Text('a · b\n'))).toEqual([Buffer.from('a · b\n')]);
    for (const hostile of ['\u001b[31mred\u001b[0m', 'bidi \u202e x', 'c1 \u009b 2J']) for (const color of [false, true]) expect(run(utf8Text(hostile), color)).toEqual([scrub(hostile, color ? 'sgr' : 'none')]);
    expect(run(bytesOf([0x61, 0xff, 0x9b]))).toEqual([textOf(bytesOf([0x61, 0xff, 0x9b]))]);
  });

  it("the stream's own byte write is checked too", () => {
    const got: unknown[] = [];
    const b = guardStreams({ write: (s: string) => got.push(s), writeBytes: (x: Uint8Array) => got.push(Buffer.from(x)) }, { write: () => 0 });
    (b.stdout as unknown as { writeBytes(x: Uint8Array): void }).writeBytes(Buffer.from('\u001b]0;t\u0007'));
    expect(got).toEqual([scrub('\u001b]0;t\u0007')]);
  });
});

describe('safeText, and long writes at the boundary', () => {
  it('gives the UTF-8 bytes of text scrub() would leave alone, and nothing for any other', () => {
    for (const t of ['', 'plain', 'a · b – c … “d” ł\n\t', '\u{1f600} and a lone \ud800 surrogate', `${'é'.repeat(100_000)}\u{10ffff}`])
      expect(Buffer.from(safeText(t)!)).toEqual(Buffer.from(t, 'utf8'));
    const wrong: string[] = [];
    for (let cp = 0; cp < 0x10000; cp += cp < 0x3000 ? 1 : 7) {
      const s = `– ${String.fromCharCode(cp)} x`;
      if (Boolean(safeText(s)) !== !UNSAFE_CHAR.test(s)) wrong.push(`U+${cp.toString(16)}`);
    }
    expect(wrong).toEqual([]);
  });

  const write = (s: string, color = false) => {
    const got: (string | Buffer)[] = [];
    const b = guardStreams({ write: (x: string) => got.push(x), writeBytes: (x: Uint8Array) => got.push(Buffer.from(x)) }, { write: () => 0 });
    b.setColor(color);
    b.stdout.write(s);
    return got;
  };

  it('a long two-byte text goes out as its bytes; hostile, short or one-byte text as scrubbed text', () => {
    const report = 'draft.md:1:1: error: “ketamine” – a claim …\n'.repeat(2_000);
    expect(write(report)).toEqual([Buffer.from(report)]);
    for (const hostile of ['\u001b[31mred\u001b[0m', 'bidi \u202e x', 'c1 \u009b 2J', '\u200b'])
      for (const color of [false, true]) {
        const s = report + hostile + report;
        expect(write(s, color)).toEqual([scrub(s, color ? 'sgr' : 'none')]);
      }
    expect(write('“short”')).toEqual(['“short”']);
    const oneByte = 'plain ascii and latin-1 é\n'.repeat(4_000);
    expect(write(oneByte)).toEqual([oneByte]);
  });
});
