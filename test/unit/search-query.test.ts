import { describe, expect, it } from 'vitest';
import { buildIndex } from '../../src/search/build.js';
import type { SearchDoc } from '../../src/search/documents.js';
import { makeReader } from '../../src/search/read.js';
import { expandWord, search, topOf } from '../../src/search/query.js';
import fc from 'fast-check';

const doc = (d: Partial<SearchDoc> & Pick<SearchDoc, 'type' | 'id' | 'title' | 'fields'>): SearchDoc => ({ text: d.fields.summary ?? d.fields.body ?? '', tags: [], ...d });

const DOCS: SearchDoc[] = [
  doc({ type: 'module', id: 'glutamate', module: 'glutamate', title: 'Glutamate and the NMDA receptor', tags: ['mechanism'], fields: { title: 'Glutamate and the NMDA receptor', aliases: 'nmda · glutamate', summary: 'Ketamine blocks the NMDA receptor.' } }),
  doc({ type: 'module', id: 'neuroplasticity', module: 'neuroplasticity', title: 'Neuroplasticity', tags: ['mechanism'], fields: { title: 'Neuroplasticity', summary: 'Ketamine may grow synapses quickly in rats.' } }),
  doc({ type: 'module', id: 'side-effects', module: 'side-effects', title: 'Side effects', tags: ['safety'], fields: { title: 'Side effects', summary: 'Nausea, dissociation and raised blood pressure.' } }),
  doc({ type: 'section', id: 'side-effects#misuse', module: 'side-effects', section: 'Misuse and dependence', title: 'Side effects', tags: ['safety'], fields: { heading: 'Misuse and dependence', body: 'Ketamine can be misused; dependence is described in frequent users. The receptor NMDA is not involved here.' } }),
  doc({ type: 'section', id: 'glutamate#how', module: 'glutamate', section: 'How it works', title: 'Glutamate and the NMDA receptor', tags: ['mechanism'], fields: { heading: 'How it works', body: 'A receptor called NMDA sits on interneurons. Blocking it releases a glutamate burst.' } }),
  doc({ type: 'term', id: 'bdnf', module: 'neuroplasticity', title: 'BDNF', tags: ['mechanism'], fields: { title: 'BDNF', aliases: 'brain-derived neurotrophic factor', summary: 'A growth factor for neurons.' } }),
  doc({ type: 'reference', id: 'furukawa2005', title: 'Furukawa et al., 2005', fields: { authors: 'Hiroyasu Furukawa · Eric Gouaux furukawa2005', year: '2005', heading: 'Subunit arrangement and function in NMDA receptors', body: 'Nature 10.1038/nature04089' } }),
  doc({ type: 'reference', id: 'zanos2018', title: 'Zanos & Gould, 2018', fields: { authors: 'Panos Zanos · Todd Gould zanos2018', year: '2018', heading: 'Mechanisms of ketamine action as an antidepressant', body: 'Molecular Psychiatry' } }),
];

const files = buildIndex(DOCS);
const reader = makeReader((p) => files.get(p));
const ids = (q: string, opts: Partial<Parameters<typeof search>[2]> = {}) => search(reader, q, { limit: 10, ...opts }).map((r) => r.id);

describe('search ranking (in-memory index)', () => {
  it('ranks a title or alias match above a body match', () => {
    expect(ids('nmda')[0]).toBe('glutamate');
    expect(ids('nmda')).toContain('side-effects#misuse');
  });

  it('tolerates typos and completes word starts', () => {
    expect(ids('glutmate')[0]).toBe('glutamate');
    expect(ids('neuroplast')[0]).toBe('neuroplasticity');
  });

  it('maps a student word to the content word (addictive → misuse, dependence)', () => {
    expect(ids('is it addictive')[0]).toBe('side-effects#misuse');
  });

  it('finds references by author and year, or DOI', () => {
    expect(ids('furukawa 2005')[0]).toBe('furukawa2005');
    expect(ids('zanos gould')[0]).toBe('zanos2018');
    expect(ids('10.1038/nature04089')[0]).toBe('furukawa2005');
  });

  it('a quoted phrase must appear as written', () => {
    expect(ids('"receptor called nmda"')).toEqual(['glutamate#how']);
    expect(ids('"nmda called receptor"')).toEqual([]);
  });

  it('filters by type and tag and limits', () => {
    expect(ids('nmda', { type: 'reference' })).toEqual(['furukawa2005']);
    expect(ids('ketamine', { tag: 'safety' }).sort()).toEqual(['side-effects#misuse']);
    expect(ids('ketamine', { limit: 2 })).toHaveLength(2);
  });

  it('returns nothing for words nowhere in the index', () => {
    expect(ids('xylophone')).toEqual([]);
  });

  it('says which command opens each result', () => {
    const r = search(reader, 'bdnf furukawa', { limit: 10 });
    expect(r.find((x) => x.id === 'bdnf')?.command).toBe('kap explain bdnf');
    expect(r.find((x) => x.id === 'furukawa2005')?.command).toBe('kap cite furukawa2005');
    expect(search(reader, 'misuse', { limit: 1 })[0]).toMatchObject({ type: 'section', section: 'Misuse and dependence', command: 'kap explain side-effects' });
  });
});

describe('the best results', () => {
  it('are the first of all of them ranked, for any limit', () => {
    for (const q of ['ketamine', 'nmda receptor', 'ketamine misuse blood', 'glutmate', 'why does ketamine work so fast', 'furukawa 2005 nmda'])
      for (const limit of [1, 2, 3, 5, 8]) expect(search(reader, q, { limit })).toEqual(search(reader, q, { limit: 1000 }).slice(0, limit));
  });

  it('are picked as a sort of them all orders them (rank, then document number), in any order and with ties', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 40 }), fc.integer({ min: 0, max: 12 }), fc.integer(), (ranks, limit, seed) => {
        const rank = Float64Array.from(ranks, (r) => r / 4);
        const docs = ranks.map((_, i) => i).sort((a, b) => ((a * 7919 + seed) % 13) - ((b * 7919 + seed) % 13) || a - b);
        const sorted = [...docs].sort((a, b) => rank[b]! - rank[a]! || a - b);
        expect(topOf(docs, rank, limit)).toEqual(sorted.slice(0, limit));
      }),
    );
  });

  it('break ties by the order of the documents, as a sort of them all does', () => {
    const same = Array.from({ length: 12 }, (_, i) => doc({ type: 'term', id: `t${i}`, module: 'm', title: 'Ketamine', fields: { title: 'Ketamine', summary: i % 3 ? 'ketamine' : 'ketamine dose' } }));
    const files = buildIndex(same);
    const tied = makeReader((p) => files.get(p));
    for (const q of ['ketamine', 'ketamine dose'])
      for (const limit of [1, 3, 4, 7]) {
        const top = search(tied, q, { limit });
        expect(top).toEqual(search(tied, q, { limit: 1000 }).slice(0, limit));
        expect(top.map((r) => r.id)).toEqual(search(tied, q, { limit: 1000 }).map((r) => r.id).slice(0, limit));
      }
  });

  it('read back words and text beyond ASCII as written', () => {
    const files = buildIndex([doc({ type: 'reference', id: 'kolodziej2020', title: 'Kołodziej et al., 2020', fields: { authors: 'Anna Kołodziej', body: 'α-amino… “quoted” › text' } })]);
    const r = search(makeReader((p) => files.get(p)), 'kołodziej', { limit: 3 });
    expect(r.map((x) => [x.id, x.title])).toEqual([['kolodziej2020', 'Kołodziej et al., 2020']]);
    expect(r[0]!.snippet.map((x) => x.text).join('')).toBe('α-amino… “quoted” › text');
  });
});

describe('bare search (what resolution weighs)', () => {
  it('gives the same results, scores and coverage as a full search, without snippets or help', () => {
    for (const q of ['nmda', 'nmda receptor', 'ketamine misuse', 'glutmate', '"nmda receptor"', 'why does ketamine work so fast', 'furukawa 2005', 'qqqq']) {
      const full = search(reader, q, { limit: 10 }).map((r) => ({ ...r, snippet: [], help: [] }));
      expect(search(reader, q, { limit: 10, bare: true })).toEqual(full);
    }
  });
});

describe('typo expansion with the compiled typo tables', () => {
  // An index compiled before the tables (meta without `typo`) scans every term of the letter:
  // the same terms, with the same weights, in the same order.
  const noTables = new Map(files);
  noTables.set('meta.json', JSON.stringify({ ...JSON.parse(files.get('meta.json')!), typo: undefined }));
  const scanning = makeReader((p) => (p.startsWith('typo/') ? undefined : noTables.get(p)));
  it('finds the terms a scan of the vocabulary finds', () => {
    expect(JSON.parse(files.get('meta.json')!).typo).toBe(true);
    for (const word of ['glutmate', 'recpetor', 'neuroplastisity', 'ketamin', 'dependance', 'misuze', 'furukwa', 'gouax', 'interneuron', 'nmad', 'zzzzz'])
      expect([...expandWord(reader, word)]).toEqual([...expandWord(scanning, word)]);
    expect([...expandWord(reader, 'recpetor')].map(([t]) => t)).toContain('receptor');
  });
});
