/**
 * JSON.stringify's text in pieces, for files of tens of megabytes: stringifying a whole lint
 * index or claims file at once held the object, the finished string and its builder's copies at
 * the same time (the largest allocations of a 10,000-module compile). The first `depth` levels
 * of plain objects and arrays are taken apart; what is below them is stringified whole.
 */
const plain = (v: unknown): v is object => {
  if (typeof v !== 'object' || v === null || typeof (v as { toJSON?: unknown }).toJSON === 'function') return false;
  if (Array.isArray(v)) return true;
  const proto = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
};

/** The pieces of JSON.stringify(value) (without replacer or indent), in order; none when it is undefined. */
export function* jsonPieces(value: unknown, depth = 2): Generator<string> {
  if (depth <= 0 || !plain(value)) {
    const text = JSON.stringify(value) as string | undefined;
    if (text !== undefined) yield text;
    return;
  }
  const inner = (v: unknown) => (depth > 1 && plain(v) ? jsonPieces(v, depth - 1) : undefined);
  if (Array.isArray(value)) {
    yield '[';
    for (let i = 0; i < value.length; i++) {
      if (i) yield ',';
      const parts = inner(value[i]);
      // An array writes undefined, a function or a symbol as null.
      if (parts) yield* parts;
      else yield (JSON.stringify(value[i]) as string | undefined) ?? 'null';
    }
    yield ']';
    return;
  }
  yield '{';
  let sep = '';
  for (const [k, v] of Object.entries(value)) {
    const parts = inner(v);
    // An object leaves out what stringifies to nothing (undefined, functions, symbols).
    const text = parts ? undefined : (JSON.stringify(v) as string | undefined);
    if (!parts && text === undefined) continue;
    yield `${sep}${JSON.stringify(k)}:`;
    sep = ',';
    if (parts) yield* parts;
    else yield text!;
  }
  yield '}';
}
