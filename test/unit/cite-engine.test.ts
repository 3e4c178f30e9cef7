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
import { processorInput, registerStyles } from '../../src/cite/precompute.js';
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
  updateItems(ids: string[]): void;
  makeBibliography(): [{ entry_ids: string[][] }, string[]];
  makeCitationCluster(items: object[]): string;
  registry: { registry: Record<string, { sortkeys?: string[] }>; mylist: string[] };
  bibliography_sort: { tokens: unknown[] };
}
/** One engine per copy and style, given each reference set in turn (as citation-js reuses one). */
type Reused = Engine & { sys: { retrieveItem: (id: string) => unknown } };
const engines = new Map<string, Reused>();
function engine(Csl: typeof CSL, style: (typeof STYLES)[number], data: CslItem[]): Engine {
  const byId = new Map(data.map((d) => [d.id, d]));
  const key = `${Csl === CSL ? 'kap' : 'pristine'} ${style}`;
  // The style as kap registers it, its bibliography sort kept (forKap keeps it where the order matters).
  const e: Reused = engines.get(key) ?? new Csl.Engine({ retrieveLocale: (l: string) => csl.locales.get(l) }, csl.styles.get(`kap-${style}`), STYLE_INFO[style].locale, true);
  engines.set(key, e);
  e.sys.retrieveItem = (id) => byId.get(id);
  e.updateItems([]);
  e.updateItems(data.map((d) => d.id));
  return e;
}
const output = (e: Engine, ids: string[]) => ({
  order: e.registry.mylist,
  keys: ids.map((id) => e.registry.registry[id]?.sortkeys),
  bibliography: e.makeBibliography(),
  citations: ids.map((id) => e.makeCitationCluster([{ id }])),
});

describe('citeproc-speed: engines print what citeproc-js prints', () => {
  for (const style of STYLES)
    it(`${style}: sort keys, order, entries and citations of every reference set`, () => {
      for (const [file, items] of sets) {
        const { data } = processorInput(items, style);
        const ids = data.map((d) => d.id);
        expect(output(engine(CSL, style, data), ids), `${style} ${file}`).toEqual(output(engine(Pristine, style, data), ids));
      }
    });

  it('a sort key macro is built once: APA and Chicago sort with a few dozen tokens, not tens of thousands', () => {
    const { data } = processorInput(sets[0]![1], 'chicago');
    for (const style of ['apa', 'chicago'] as const) {
      expect(engine(CSL, style, data).bibliography_sort.tokens.length, style).toBeLessThan(200);
      expect(engine(Pristine, style, data).bibliography_sort.tokens.length, style).toBeGreaterThan(10_000);
    }
  });
});
