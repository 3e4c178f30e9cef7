import { describe, expect, it } from 'vitest';
import { quizTopics } from '../../src/quiz/topics.js';
import { memoryCatalog, type Catalog } from '../../src/store.js';
import { BANK } from './quiz-bank.js';

const catalog: Catalog = memoryCatalog(
  [],
  [
    { id: 'widget', term: 'Widget receptor', aliases: [], definition: 'A fixture term.', module: 'alpha', sources: [] },
    { id: 'gadget', term: 'Gadget', aliases: [], definition: 'A term of a module without questions.', module: 'gamma', sources: [] },
  ],
  { alpha: 'm:alpha', 'alpha receptor basics': 'm:alpha', 'first topic': 'm:alpha', beta: 'm:beta', 'widget receptor': 't:widget', gamma: 'm:gamma', gadget: 't:gadget' },
);
const topics = (...values: string[]) => quizTopics(BANK, () => catalog, values);

describe('quiz --topic', () => {
  it('takes module ids and tags of the bank as they are, in any case', () => {
    expect(topics('beta', 'Mechanism')).toEqual(['beta', 'mechanism']);
  });

  it('takes what kap explain takes: a title, an alias, a glossary term (its module)', () => {
    expect(topics('Alpha Receptor Basics', 'first-topic', 'widget receptor')).toEqual(['alpha', 'alpha', 'alpha']);
  });

  it('does not read the catalog for a plain module id or tag', () => {
    expect(quizTopics(BANK, () => { throw new Error('read'); }, ['alpha', 'mood'])).toEqual(['alpha', 'mood']);
  });

  it('an unknown topic: exit 3 with the nearest topics that have questions', () => {
    expect(() => topics('alfa')).toThrow(expect.objectContaining({ exitCode: 3, message: 'no quiz questions on "alfa"', hint: expect.stringContaining('Did you mean: --topic alpha?') }));
  });

  it('a topic kap knows whose module has no questions says so', () => {
    expect(() => topics('gadget')).toThrow(expect.objectContaining({ exitCode: 3, message: expect.stringContaining('its module, gamma, has none') }));
  });
});
