import { describe, expect, it } from 'vitest';
import { resolveTopic } from '../../src/resolve.js';
import { editDistance, nearest } from '../../src/text/distance.js';
import { normalizeKey } from '../../src/content/normalize.js';
import { decideColor, decideWidth } from '../../src/terminal.js';
import { memoryCatalog, type Catalog, type CatalogModule, type CatalogTerm } from '../../src/store.js';

/** A catalog from its names, as the compile holds it (names.ts memoryNames). */
const cat = (c: { modules: CatalogModule[]; terms: CatalogTerm[]; keys: Record<string, string> }): Catalog => memoryCatalog(c.modules, c.terms, c.keys);

const base = {
  modules: [] as CatalogModule[],
  terms: [{ id: 'bdnf', term: 'BDNF', aliases: [], definition: 'A growth factor.', module: 'neuroplasticity', sources: [] }],
  keys: { glutamate: 'm:glutamate', 'nmda receptor': 'm:glutamate', neuroplasticity: 'm:neuroplasticity', dissociation: 'm:dissociation', bdnf: 't:bdnf' } as Record<string, string>,
};
const catalog = cat(base);

describe('normalizeKey', () => {
  it('folds case, accents, hyphens, underscores and spacing', () => {
    expect(normalizeKey('  NMDA-Receptor ')).toBe('nmda receptor');
    expect(normalizeKey('nmda_receptor')).toBe('nmda receptor');
    expect(normalizeKey('Dépersonalisation')).toBe('depersonalization');
    expect(normalizeKey('(R)-ketamine')).toBe('r ketamine');
  });
});

describe('editDistance', () => {
  it.each([
    ['glutamte', 'glutamate', 1],
    ['neuroplastisity', 'neuroplasticity', 1],
    ['nmda', 'nmad', 1],
    ['abc', 'abc', 0],
    ['kitten', 'sitting', 3],
  ])('%s → %s = %i', (a, b, d) => expect(editDistance(a, b)).toBe(d));
  it('stops early past the budget', () => expect(editDistance('aaaaaaa', 'bbbbbbb', 2)).toBe(3));
});

describe('nearest', () => {
  it('lists each target once, best first', () => {
    expect(nearest('glutamte', [['glutamate', 'glutamate'], ['glutamate gaba', 'glutamate'], ['gaba', 'glutamate']])).toEqual(['glutamate']);
  });
  it('suggests names the input is a prefix of', () => {
    expect(nearest('neuroplast', [['neuroplasticity', 'neuroplasticity'], ['dissociation', 'dissociation']])).toEqual(['neuroplasticity']);
  });
});

describe('resolveTopic', () => {
  it('joins words and resolves aliases to modules', () => {
    expect(resolveTopic(catalog, ['NMDA', 'receptor'])).toEqual({ type: 'module', id: 'glutamate', how: 'name' });
  });
  it('calls lookingFurther once when the words are not a name, never for a name', () => {
    let calls = 0;
    const lookingFurther = () => void calls++;
    resolveTopic(catalog, ['NMDA', 'receptor'], undefined, { lookingFurther });
    expect(calls).toBe(0);
    // A corrected question ("glutamte dissociashun") is resolved again, without a second call.
    resolveTopic(catalog, ['glutamte', 'dissociashun'], () => [], { lookingFurther });
    expect(calls).toBe(1);
  });
  it('resolves glossary terms', () => {
    expect(resolveTopic(catalog, ['bdnf'])).toMatchObject({ type: 'term', term: { id: 'bdnf' } });
  });
  it('opens a typo with one clear answer, and says how it was found', () => {
    expect(resolveTopic(catalog, ['glutamte'])).toEqual({ type: 'module', id: 'glutamate', how: 'typo', matched: 'glutamate' });
    expect(resolveTopic(catalog, ['neuroplastisity'])).toMatchObject({ type: 'module', id: 'neuroplasticity', how: 'typo' });
  });
  it('suggests when a typo is as near two topics', () => {
    const two = cat({ ...base, keys: { alphas: 'm:alpha', alphos: 'm:alpho' } });
    expect(resolveTopic(two, ['alphxs'])).toEqual({ type: 'none', suggestions: ['alpha', 'alpho'] });
    expect(resolveTopic(two, ['alpho'])).toMatchObject({ type: 'module', id: 'alpho', how: 'word' });
  });
  it('US and UK spellings are one name; a unique word of a name opens it', () => {
    const uk = cat({ ...base, keys: { [normalizeKey('depersonalisation')]: 't:bdnf', [normalizeKey('ampa receptor')]: 'm:glutamate', [normalizeKey('lateral habenula')]: 'm:x' } });
    expect(resolveTopic(uk, ['depersonalization'])).toMatchObject({ type: 'term', how: 'name' });
    expect(resolveTopic(uk, ['ampa'])).toMatchObject({ type: 'module', id: 'glutamate', how: 'word', matched: 'ampa receptor' });
    expect(resolveTopic(uk, ['habenula'])).toMatchObject({ type: 'module', id: 'x', how: 'word' });
    for (const [uk2, us] of <[string, string][]>[['anaesthetic', 'anesthetic'], ['behaviour', 'behavior'], ['randomised', 'randomized'], ['centre', 'center'], ['haemorrhage', 'hemorrhage'], ['analyse', 'analyze'], ['dialogue', 'dialog']])
      expect(normalizeKey(uk2)).toBe(normalizeKey(us));
  });
  it('searches a question, and opens only a clear winner that matched every word', () => {
    const hits = (module: string, score: number, coverage = 1) => ({ type: 'section', id: `${module}#x`, module, score, coverage });
    const q = (hs: ReturnType<typeof hits>[]) => resolveTopic(catalog, ['why', 'so', 'fast'], () => hs);
    expect(q([hits('a', 10), hits('a', 8), hits('b', 3)])).toEqual({ type: 'module', id: 'a', how: 'search' });
    expect(q([hits('a', 10), hits('b', 9)])).toMatchObject({ type: 'none' });
    expect(q([hits('a', 10, 0.5), hits('a', 9, 0.5)])).toMatchObject({ type: 'none', suggestions: [] });
  });
  it('a question that names two topics opens neither, and suggests both', () => {
    const r = resolveTopic(catalog, ['glutamate', 'and', 'dissociation']);
    expect(r.type).toBe('none');
    expect(r.type === 'none' && r.suggestions).toEqual(expect.arrayContaining(['glutamate', 'dissociation']));
  });
  it('survives hostile input: empty, regex characters, huge, emoji', () => {
    for (const w of [[''], ['.*+?^${}()|[]\\'], ['x'.repeat(10_000)], ['🧠 ketamine'], ['كيتامين']])
      expect(resolveTopic(catalog, w).type).toBe('none');
  });
});

describe('terminal decisions', () => {
  const tty = { isTTY: true, columns: 120, env: {} };
  const pipe = { isTTY: false, env: {} };
  it('colour: --no-color > NO_COLOR > FORCE_COLOR > TTY (not dumb)', () => {
    expect(decideColor(undefined, tty)).toBe(true);
    expect(decideColor(undefined, pipe)).toBe(false);
    expect(decideColor(false, tty)).toBe(false);
    expect(decideColor(undefined, { ...tty, env: { NO_COLOR: '1' } })).toBe(false);
    expect(decideColor(undefined, { ...pipe, env: { FORCE_COLOR: '1' } })).toBe(true);
    expect(decideColor(undefined, { ...tty, env: { FORCE_COLOR: '0' } })).toBe(false);
    expect(decideColor(undefined, { ...tty, env: { TERM: 'dumb' } })).toBe(false);
  });
  it('width: --width > terminal > COLUMNS > 80, clamped', () => {
    expect(decideWidth(50, tty)).toBe(50);
    expect(decideWidth(undefined, tty)).toBe(120);
    expect(decideWidth(undefined, { ...pipe, env: { COLUMNS: '66' } })).toBe(66);
    expect(decideWidth(undefined, { ...pipe, env: { COLUMNS: 'x' } })).toBe(80);
    expect(decideWidth(undefined, { isTTY: true, columns: 5, env: {} })).toBe(20);
  });
});

describe('soleCommand', () => {
  it('names the command a run needs, past global options and their values', async () => {
    const { soleCommand } = await import('../../src/program.js');
    expect(soleCommand(['explain', 'glutamate'])).toBe('explain');
    expect(soleCommand(['--width', '40', '--content', 'pack', 'list'])).toBe('list');
    expect(soleCommand(['--no-color', 'quiz', 'export'])).toBe('quiz');
  });
  it('builds them all for help, an unknown command, or none', async () => {
    const { soleCommand } = await import('../../src/program.js');
    expect(soleCommand(['explain', '--help'])).toBeUndefined();
    // `kap help …` is a command of its own, which builds the whole program itself.
    expect(soleCommand(['help', 'explain'])).toBe('help');
    expect(soleCommand(['explian'])).toBeUndefined();
    expect(soleCommand([])).toBeUndefined();
  });
});

describe('resolveTopic: questions around shared words', () => {
  // "drug" names 6 topics (and is itself one), "mood" names 5 (and is one): both are dropped from a question's core.
  const keys: Record<string, string> = { drug: 'm:drug', mood: 'm:mood', addiction: 'm:misuse' };
  for (const [i, t] of ['a', 'b', 'c', 'd', 'e'].entries()) keys[`drug ${t}`] = `m:d${i}`;
  for (const [i, t] of ['f', 'g', 'h', 'i'].entries()) keys[`mood ${t}`] = `m:m${i}`;
  const shared = cat({ modules: [], terms: [], keys });
  const hit = (module: string) => () => [{ type: 'module', id: module, module, score: 1, coverage: 0.5 }];
  it('a question around one word resolves as that word, typos included', () => {
    expect(resolveTopic(shared, 'is drug addictive'.split(' '))).toEqual({ type: 'module', id: 'misuse', how: 'typo', matched: 'addiction' });
  });
  it('the rarer shared name opens when search agrees', () => {
    expect(resolveTopic(shared, 'can drug cure mood'.split(' '), hit('mood'))).toEqual({ type: 'module', id: 'mood', how: 'word', matched: 'mood' });
  });
  it('opens nothing when search disagrees, or with one shared name only', () => {
    expect(resolveTopic(shared, 'can drug cure mood'.split(' '), hit('drug')).type).toBe('none');
    expect(resolveTopic(shared, 'drug pizza'.split(' '), hit('drug')).type).toBe('none');
  });
});
