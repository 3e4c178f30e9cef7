/** The safety layer's detection: what must trigger which help, and what must not (the specification of src/safety/detect.ts). */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { blocksFor, helpNeeded, mayNeedCrisis, needsCrisis, normalise, unionHelp, matches } from '../../src/safety/index.js';

const CRISIS = [
  'suicide',
  'Suicidal ideation',
  'SUICIDALITY',
  'people who die by suicide',
  'the 988 Suicide & Crisis Lifeline',
  'self-harm',
  'self harm',
  'Self-Harming',
  'selfharm',
  'self‐harm (a Unicode hyphen)',
  'self-\nharm',
  'self\n  harm',
  'non-suicidal self-injury',
  'I want to kill myself',
  'thoughts of killing\nthemselves',
  'kill **myself**',
  'I want to end my life',
  'ending their own lives',
  'took his own life',
  'I just want to die',
  'better off dead',
  'sui\u00adcide (a soft hyphen)',
];

const EMERGENCY = [
  'overdose',
  'an overdose of ketamine',
  'Overdosed',
  'over-dose',
  'an OD',
  'she ODd', // not a word: see must-not below; 'OD'd' is
  "he OD'd last year",
  'ODing',
  'OD',
  'od on ketamine',
  'not breathing',
  'stopped\nbreathing',
  'slowed breathing',
  'respiratory depression',
  'Respiratory\ndepression',
  'respiratory arrest',
  'unresponsive',
  'cannot be woken',
  "can't be woken up",
  'loss of consciousness',
  'LOSS OF\nCONSCIOUSNESS',
  'lost consciousness',
  'misuse',
  'abuse and misuse',
  'misused',
  'drug abuse',
  'alcohol abuse',
  'dependence',
  'alcohol dependence',
  'drug dependency',
  'alcohol-dependent patients',
  'addiction',
  'addicted to ketamine',
  'substance use disorder',
  'substance-use disorders',
].filter((t) => t !== 'she ODd');

const NEITHER = [
  'method',
  'methods of the trial',
  'odd',
  'an odd result',
  'period',
  'episode',
  'a periodic review',
  'code',
  'modest',
  'Odysseus',
  '20 mg OD', // once daily
  '2 tablets OD',
  '50 \u00b5g OD',
  'she ODd',
  'ODD (oppositional defiant disorder)',
  'an O.D. (optometrist)',
  'dependent variable',
  'dose-dependent effects',
  'mTOR-dependent synapse formation',
  'independence',
  'the unconscious mind',
  'slow breathing exercises',
  'breathing',
  'harm reduction',
  'do no harm',
  'self-help',
  'self-esteem',
  'child abuse',
  'abuse',
  'gambling addiction',
  'internet addiction',
  'pass out the handouts',
  'a kill switch',
  'killing time',
  'the end of life care',
  'depression',
  'adults with alcohol use disorder in a relapse-prevention programme',
  'major depressive disorder',
  'use',
  'disorder',
  'consciousness',
  'altered states of consciousness',
  'responsive to treatment',
  'woken',
  '',
];

describe('helpNeeded', () => {
  it.each(CRISIS)('crisis: %j', (t) => expect(helpNeeded(t)).toContain('crisis'));
  it.each(EMERGENCY)('emergency: %j', (t) => expect(helpNeeded(t)).toEqual(['emergency']));
  it.each(NEITHER)('neither: %j', (t) => expect(helpNeeded(t)).toEqual([]));

  it('self-harm and suicide need crisis help only', () => {
    for (const t of ['suicide', 'self-harm', 'kill myself']) expect(helpNeeded(t)).toEqual(['crisis']);
  });

  it('crisis before emergency, each once, over several texts', () => {
    expect(helpNeeded('an overdose', 'suicidal thoughts', 'misuse', 'suicide')).toEqual(['crisis', 'emergency']);
    expect(helpNeeded()).toEqual([]);
  });

  it('words split across texts still count (texts are shown together)', () => {
    expect(helpNeeded('respiratory', 'depression')).toEqual(['emergency']);
  });

  it('is cheap: 20,000 typical sentences in well under a second', () => {
    const text = 'Ketamine blocks NMDA receptors; the evidence is of low certainty and trials were small. '.repeat(4);
    const t0 = performance.now();
    for (let i = 0; i < 20_000; i++) helpNeeded(text);
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('the words every pattern needs (kindsOf runs no pattern without one)', () => {
  it('answers as running every pattern does, for text made of the lists above, cut, joined and re-cased', () => {
    const every = (t: string) => [...new Set(matches(t).map((m) => m.kind))];
    const piece = fc.oneof(fc.constantFrom(...CRISIS, ...EMERGENCY, ...NEITHER, 'ketamine', 'a dose of', '20 mg', '**', '-\n', '\u00ad'), fc.string({ maxLength: 6 }));
    const cut = (s: string, a: number, b: number) => s.slice(Math.min(a, b) % (s.length + 1), Math.max(a, b) % (s.length + 1) || undefined);
    fc.assert(
      fc.property(fc.array(fc.tuple(piece, fc.nat(40), fc.nat(40), fc.boolean()), { maxLength: 6 }), fc.constantFrom(' ', '\n', '', '-'), (parts, sep) => {
        const text = parts.map(([p, a, b, up]) => (up ? cut(p, a, b).toUpperCase() : cut(p, a, b))).join(sep);
        expect(helpNeeded(text)).toEqual(every(text));
        expect(needsCrisis(text)).toBe(every(text).includes('crisis'));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('mayNeedCrisis (the content check asks it of every line before the patterns)', () => {
  it.each(CRISIS)('true for every crisis example: %j', (t) => expect(mayNeedCrisis(t)).toBe(true));
  it('false for text none of the crisis patterns can match', () => {
    for (const t of ['Ketamine blocks NMDA receptors.', 'An overdose needs emergency help.', 'Harm reduction'] as const) expect(mayNeedCrisis(t)).toBe(false);
  });
});

describe('normalise', () => {
  // As it was written first, one replace per rule: the faster whitespace rule must give the same text.
  const reference = (text: string) =>
    text
      .replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/[*_`~]+/g, '')
      .replace(/-\s*\n\s*/g, '-')
      .replace(/\s+/g, ' ');
  it('gives the text of the six rules, on text made of spaces, breaks, hyphens and marks', () => {
    const pieces = [' ', '  ', '\n', '\t', '\r', '\u00a0', '\u2028', '\u3000', '-', '\u2013', '*', '_', '~', '`', '\u00ad', "'", '\u2019', 'a', 'self', 'é', ' \n ', '- \n'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(normalise(text)).toBe(reference(text));
      }),
      { numRuns: 5000 },
    );
  });
});

describe('matches, blocksFor, unionHelp', () => {
  it('says which words matched', () => {
    expect(matches('thoughts of self-\nharm and an OD')).toEqual([
      { kind: 'crisis', words: 'self-harm' },
      { kind: 'emergency', words: 'OD' },
    ]);
  });
  it('blocks in the fixed order, each once', () => {
    expect(blocksFor(['emergency', 'crisis', 'emergency']).map((b) => b.kind)).toEqual(['crisis', 'emergency']);
    expect(unionHelp(['emergency'], undefined, ['crisis'], [])).toEqual(['crisis', 'emergency']);
  });
});
