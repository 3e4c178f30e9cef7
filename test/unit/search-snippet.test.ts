import { describe, expect, it } from 'vitest';
import { plain, snippet } from '../../src/search/snippet.js';
import { stem } from '../../src/search/tokenize.js';

const hitsOf = (...ws: string[]) => new Set(ws.map(stem));

describe('search snippets', () => {
  it('marks matched words, in any form, as hits', () => {
    expect(snippet('Ketamine blocks NMDA receptors.', hitsOf('receptor', 'nmda'))).toEqual([
      { text: 'Ketamine blocks ', hit: false },
      { text: 'NMDA', hit: true },
      { text: ' ', hit: false },
      { text: 'receptors', hit: true },
      { text: '.', hit: false },
    ]);
  });

  it('cuts a long text around the matches, at word boundaries, with ellipses', () => {
    const text = `${'filler words here '.repeat(20)}the bladder can be harmed ${'more filler text '.repeat(20)}`;
    const s = snippet(text, hitsOf('bladder'), 80);
    const p = plain(s);
    expect(p.startsWith('…')).toBe(true);
    expect(p.endsWith('…')).toBe(true);
    expect(p.length).toBeLessThanOrEqual(82);
    expect(s.filter((x) => x.hit).map((x) => x.text)).toEqual(['bladder']);
  });

  it('starts at the beginning when nothing matched', () => {
    expect(plain(snippet('Short text.', new Set()))).toBe('Short text.');
  });
});
