import { describe, expect, it } from 'vitest';
import { findReferences, tokens, type Findable } from '../../src/cite/lookup.js';

const REFS: Findable[] = [
  { key: 'furukawa2005', authors: ['Furukawa', 'Singh', 'Mancusso', 'Gouaux'], year: '2005', doi: '10.1038/nature04089' },
  { key: 'rush2018', authors: ['Rush', 'Thase'], year: '2018', doi: '10.1176/appi.ajp.2018.18040398' },
  { key: 'rush2006', authors: ['Rush', 'Trivedi'], year: '2006' },
  { key: 'psychologytoday_ketamine_basics', authors: ['Psychology Today'], year: 'n.d.' },
  { key: 'muller2020', authors: ['Müller'], year: '2020' },
];
const find = (...words: string[]) => findReferences(REFS, words);

describe('findReferences', () => {
  it.each([
    [['furukawa2005'], ['furukawa2005']],
    [['FURUKAWA2005'], ['furukawa2005']],
    [['furukawa', '2005'], ['furukawa2005']],
    [['Furukawa et al., 2005'], ['furukawa2005']],
    [['10.1038/nature04089'], ['furukawa2005']],
    [['https://doi.org/10.1038/NATURE04089'], ['furukawa2005']],
    [['doi:10.1176/appi.ajp.2018.18040398'], ['rush2018']],
    [['rush', '2006', 'furukawa2005'], ['rush2006', 'furukawa2005']],
    [['rush'], ['rush2018', 'rush2006']],
    [['thase', '2018'], ['rush2018']],
    [['muller', '2020'], ['muller2020']],
    [['rush2018', 'RUSH2018'], ['rush2018']],
    [['Rush & Thase, 2018'], ['rush2018']],
    [['psychology', 'today', 'n.d.'], ['psychologytoday_ketamine_basics']],
    [['Psychology Today'], ['psychologytoday_ketamine_basics']],
    [['rush', 'thase'], ['rush2018']],
    [['rush', 'trivedi', '2006', 'furukawa', '2005'], ['rush2006', 'furukawa2005']],
  ])('%j → %j', (words, keys) => {
    expect(find(...words)).toEqual({ keys, missing: [] });
  });

  it('a typo of a key suggests the key', () => {
    expect(find('furukawa2006')).toEqual({ keys: [], missing: [{ query: 'furukawa2006', suggestions: ['furukawa2005'] }] });
    expect(find('furukwa').missing[0]!.suggestions).toEqual(['furukawa2005']);
    // Through a co-author the key alone would not show why: the name is said.
    expect(find('trivdi').missing[0]!.suggestions).toEqual(['rush2006 (Trivedi)']);
    expect(find('thse').missing[0]!.suggestions).toEqual(['rush2018 (Thase)']);
  });

  it('a known author with a year they did not publish in suggests their references', () => {
    expect(find('rush', '1999')).toEqual({ keys: [], missing: [{ query: 'rush 1999', suggestions: ['rush2018', 'rush2006'] }] });
  });

  it('nothing close: no suggestions', () => {
    expect(find('zzzzzzzz')).toEqual({ keys: [], missing: [{ query: 'zzzzzzzz', suggestions: [] }] });
  });

  it('tokens drop "et al." and "and", keep DOIs whole', () => {
    expect(tokens(['Rush and Thase,', '2018'])).toEqual(['Rush', 'Thase', '2018']);
    expect(tokens(['10.1016/S0140-6736(10)60000-0'])).toEqual(['10.1016/S0140-6736(10)60000-0']);
  });
});
