/**
 * Build time only: kap's changes to citeproc-js's string work, each a faster path to the same
 * output (test/unit/cite-engine.test.ts compares every style with citeproc-js as published).
 * Applied with the others by speedUpCiteproc (citeproc-speed.ts), once.
 */
export function speedUpStrings(CSL: unknown): void {
  /**
   * Every render of a name splits its particles again (CSL.parseParticles: two large regular
   * expressions per name, about 4% of the build), on the same few hundred names. The split
   * reads only the family and given names, the suffix and the dropping particle, and writes
   * fields of the name: the writes are recorded once per input and replayed, in order.
   */
  type Parse = ((name: Record<string, unknown>, ...rest: unknown[]) => void) & { kapKept?: true };
  const cslParse = CSL as { parseParticles: Parse };
  if (!cslParse.parseParticles.kapKept) {
    const parse = cslParse.parseParticles;
    const writes = new Map<string, [string | symbol, unknown][]>();
    const part = (v: unknown) => (typeof v === 'string' ? `s${v}` : v === undefined ? 'u' : undefined);
    cslParse.parseParticles = Object.assign(function (name: Record<string, unknown>, ...rest: unknown[]) {
      const parts = name && typeof name === 'object' ? [name.family, name.given, name.suffix, name['dropping-particle']].map(part) : [undefined];
      if (parts.includes(undefined)) return parse(name, ...rest);
      const key = parts.join('\0');
      let done = writes.get(key);
      if (!done) {
        const seen: [string | symbol, unknown][] = [];
        const recorder = new Proxy(name, {
          set(target, field, value) {
            seen.push([field, value]);
            target[field as string] = value;
            return true;
          },
        });
        parse(recorder, ...rest);
        writes.set(key, (done = seen));
        return;
      }
      for (const [field, value] of done) name[field as string] = value;
    }, { kapKept: true as const });
  }

  /**
   * HTML output escapes every piece of text with five replacements in a row (&, <, >, double
   * spaces, superscript characters). Most pieces hold none of them, and then each replacement
   * returns the text as it was: such a piece is returned at once.
   */
  type Escape = ((text: unknown) => string) & { kapQuick?: true };
  const formats = (CSL as { Output: { Formats: { html: { text_escape: Escape } } }; SUPERSCRIPTS_REGEXP: RegExp });
  const html = formats.Output.Formats.html;
  if (!html.text_escape.kapQuick) {
    const escape = html.text_escape;
    const touched = new RegExp(`[&<>]|\\s\\s|${formats.SUPERSCRIPTS_REGEXP.source}`);
    html.text_escape = Object.assign(function (this: unknown, text: unknown) {
      return typeof text === 'string' && text && !touched.test(text) ? text : escape.call(this, text);
    }, { kapQuick: true as const });
  }

  /**
   * The flip-flopper looks for markup and quotes in each string it is given
   * (FlipFlopper.processTags), building a regular expression from two copies of the Romanesque
   * character class at every call. A string in which no tag can start (no "<", no straight or
   * curly quote: each tag and each locale quote holds one) is left as it was, there as here.
   */
  type Flip = { processTags: (blob: { blobs?: unknown }) => void; kapQuick?: true };
  type Terms = { getTerm: (name: string) => unknown };
  const util = (CSL as { Util: { FlipFlopper: new (state: Terms) => Flip } }).Util;
  const Flipper = util.FlipFlopper as (new (state: Terms) => Flip) & { kapQuick?: true };
  if (!Flipper.kapQuick) {
    const quick = function (this: Flip, state: Terms) {
      const flip = new Flipper(state);
      const quotes = ['open-quote', 'close-quote', 'open-inner-quote', 'close-inner-quote'].map((t) => state.getTerm(t)).filter((q): q is string => typeof q === 'string').join('');
      const chars = [...new Set(`<"'\u2018\u2019\u201c\u201d${quotes}`)].map((c) => `\\u{${c.codePointAt(0)!.toString(16)}}`).join('');
      const mayTag = new RegExp(`[${chars}]`, 'u');
      const processTags = flip.processTags;
      flip.processTags = function (blob) {
        if (typeof blob?.blobs === 'string' && !mayTag.test(blob.blobs)) return;
        return processTags.call(this, blob);
      };
      return flip;
    };
    util.FlipFlopper = Object.assign(quick, { kapQuick: true as const }) as unknown as typeof util.FlipFlopper;
  }
}
