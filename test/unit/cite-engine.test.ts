/**
 * src/cite/citeproc-speed.ts changes how citeproc-js builds an engine, never what it prints:
 * each style's engine, patched, against a pristine citeproc-js loaded a second time, on every
 * reference kap ships or tests with. Same sort keys, same bibliography order, same entries and
 * citations; and the sort keys' macros are built once, not once per call.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { plugins } from '@citation-js/core';
// @ts-expect-error citeproc ships no types
import CSL from 'citeproc';
import { formatAll, processorInput, registerStyles } from '../../src/cite/precompute.js';
import { STYLES, STYLE_INFO } from '../../src/cite/styles.js';
import type { CslItem } from '../../src/content/model.js';

registerStyles(new URL('../../src/cite/styles/', import.meta.url).pathname);

/** citeproc-js as published: a second copy of the module, without kap's changes. */
function pristineCiteproc(): typeof CSL {
  const require = createRequire(import.meta.url);
  const path = require.resolve('citeproc');
  const patched = require.cache[path];
  delete require.cache[path];
  try {
    return require(path);
  } finally {
    if (patched) require.cache[path] = patched;
  }
}
const Pristine = pristineCiteproc();

const csl = plugins.config.get('@csl') as unknown as { styles: Map<string, string>; locales: Map<string, string> };
const files = ['content/references.json', 'test/fixtures/content/references.json', 'test/fixtures/example-pack/references.json', 'test/fixtures/wide-pack/references.json', 'test/fixtures/hostile-pack/references.json'];
const sets = files.map((f) => [f, JSON.parse(readFileSync(new URL(`../../${f}`, import.meta.url), 'utf8')) as CslItem[]] as const);

interface Engine {
  kapSuffixOrderOnly?: boolean;
  updateItems(ids: string[]): void;
  makeBibliography(): [{ entry_ids: string[][] }, string[]];
  makeCitationCluster(items: object[]): string;
  registry: { registry: Record<string, { sortkeys?: (string | undefined)[] }>; mylist: string[] };
  bibliography_sort: { tokens: unknown[] };
}
/** One engine per copy and style, given each reference set in turn (as citation-js reuses one). */
type Reused = Engine & { sys: { retrieveItem: (id: string) => unknown } };
const engines = new Map<string, Reused>();
function engine(Csl: typeof CSL, style: (typeof STYLES)[number], data: CslItem[], suffixOrderOnly = false): Engine {
  const byId = new Map(data.map((d) => [d.id, d]));
  const key = `${Csl === CSL ? 'kap' : 'pristine'} ${style}`;
  // The style as kap registers it, its bibliography sort kept (forKap keeps it where the order matters).
  const e: Reused = engines.get(key) ?? new Csl.Engine({ retrieveLocale: (l: string) => csl.locales.get(l) }, csl.styles.get(`kap-${style}`), STYLE_INFO[style].locale, true);
  engines.set(key, e);
  e.sys.retrieveItem = (id) => byId.get(id);
  e.kapSuffixOrderOnly = suffixOrderOnly;
  e.updateItems([]);
  e.updateItems(data.map((d) => d.id));
  return e;
}
/** What kap takes from an engine: each entry by id, each citation; with `order`, the bibliography's order and sort keys too. */
function output(e: Engine, ids: string[], order: boolean) {
  const [meta, body] = e.makeBibliography();
  const entries = Object.fromEntries(meta.entry_ids.map((group, k) => [group[0], body[k]]));
  const citations = ids.map((id) => e.makeCitationCluster([{ id }]));
  return order ? { entries, citations, order: e.registry.mylist, keys: ids.map((id) => e.registry.registry[id]?.sortkeys) } : { entries, citations };
}
const pristine = new Map<string, ReturnType<typeof output>>();
/** citeproc-js's own output, computed once per style and set. */
function expected(style: (typeof STYLES)[number], file: string, data: CslItem[], order: boolean) {
  const key = `${style} ${file}`;
  if (!pristine.has(key)) pristine.set(key, output(engine(Pristine, style, data), data.map((d) => d.id), true));
  const { entries, citations, ...rest } = pristine.get(key)!;
  return order ? { entries, citations, ...rest } : { entries, citations };
}
/** Each set as kap gives it to the processor: the records, and the view its in-text citations come from. */
const inputs = (style: (typeof STYLES)[number]) =>
  sets.flatMap(([file, items]) => {
    const { data, view } = processorInput(items, style);
    return [[file, data] as const, ...(view ? [[`${file} (view)`, view.items] as const] : [])];
  });

describe('one engine per style', () => {
  it('formatting every style twice builds five engines (each builds its citation, bibliography and in-text lists once)', () => {
    const proto = (CSL as { Engine: { prototype: { buildTokenLists: (...a: unknown[]) => unknown } } }).Engine.prototype;
    const build = proto.buildTokenLists;
    let lists = 0;
    proto.buildTokenLists = function (...a: unknown[]) {
      lists++;
      return build.apply(this, a);
    };
    try {
      for (let round = 0; round < 2; round++) for (const style of STYLES) formatAll(sets[1]![1], style);
    } finally {
      proto.buildTokenLists = build;
    }
    expect(lists / 3).toBe(STYLES.length);
  });
});

describe('citeproc-speed: engines print what citeproc-js prints', () => {
  for (const style of STYLES)
    it(`${style}: sort keys, order, entries and citations of every reference set`, () => {
      for (const [file, data] of inputs(style)) {
        const ids = data.map((d) => d.id);
        expect(output(engine(CSL, style, data), ids, true), `${style} ${file}`).toEqual(expected(style, file, data, true));
      }
    });

  for (const style of STYLES.filter((s) => !STYLE_INFO[s].numeric))
    it(`${style}: sort keys only where a year suffix may need them, the same entries and citations`, () => {
      for (const [file, data] of inputs(style)) {
        const ids = data.map((d) => d.id);
        expect(output(engine(CSL, style, data, true), ids, false), `${style} ${file}`).toEqual(expected(style, file, data, false));
      }
      const data = inputs(style)[0]![1];
      const keyed = (e: Engine) => data.filter((d) => e.registry.registry[d.id]?.sortkeys?.some((k) => k !== undefined)).length;
      if (style !== 'mla') expect(keyed(engine(CSL, style, data, true))).toBeLessThan(keyed(engine(CSL, style, data)) / 2);
    });

  it('a sort key macro is built once: APA and Chicago sort with a few dozen tokens, not tens of thousands', () => {
    const data = inputs('chicago')[0]![1];
    for (const style of ['apa', 'chicago'] as const) {
      expect(engine(CSL, style, data).bibliography_sort.tokens.length, style).toBeLessThan(200);
      expect(engine(Pristine, style, data).bibliography_sort.tokens.length, style).toBeGreaterThan(10_000);
    }
  });
});
