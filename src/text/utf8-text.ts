/**
 * UTF-8 held in a string of one character a byte (what a latin1 read of a UTF-8 file gives):
 * the compile's handout text is sliced by byte offsets and joined in this form, one-byte
 * strings throughout, and leaves kap as the same bytes (output-boundary.ts writeUtf8), never
 * encoded, decoded or scanned as text. A 238 KB handout as ordinary text cost ~5M
 * instructions to encode and ~3.5M to scan at the boundary.
 */
export type Utf8Text = string & { readonly utf8Bytes: true };

/** UTF-8 bytes either way: held in a string one a character, or as they are (a view that a writer reads at once). */
export type Utf8 = Utf8Text | Uint8Array;

/**
 * Node's own one-byte copies between a Buffer and a string (the C++ methods its toString and
 * write call after their argument checks): Buffer.prototype.toString('latin1', …), write and
 * fill are JavaScript that a run compiles before it first calls them (~0.6M instructions).
 */
export type Latin1Buffer = Buffer & { latin1Slice(start: number, end: number): string; latin1Write(s: string, offset: number, length: number): number; utf8Slice(start: number, end: number): string; utf8Write(s: string, offset: number, length: number): number; ucs2Write(s: string, offset: number, length: number): number };
export const latin1 = (b: Buffer) => b as Latin1Buffer;

/** Text as its UTF-8 bytes, one character a byte (ASCII is the same either way). */
export const utf8Text = (s: string): Utf8Text => {
  const b = latin1(Buffer.from(s, 'utf8'));
  return b.latin1Slice(0, b.length) as Utf8Text;
};

/** The text those bytes hold (a byte that is not UTF-8 becomes U+FFFD). */
export const textOf = (u: Utf8): string => {
  if (typeof u !== 'string') return latin1(Buffer.from(u.buffer, u.byteOffset, u.length)).utf8Slice(0, u.length);
  const b = latin1(Buffer.allocUnsafeSlow(u.length));
  b.latin1Write(u, 0, u.length);
  return b.utf8Slice(0, u.length);
};
