/**
 * The words to put in place of a certainty word, for a claim of a given certainty: a fix that
 * reads right where it goes ("works" → "may work", "has been shown to" → "may"), not the content
 * guide's bare verb dropped in ("Ketamine may by blocking…"). Undefined where no short
 * replacement fits (very-low certainty: the sentence needs rewriting as "it is uncertain
 * whether…", which the message says).
 */
import type { Certainty } from '../content/model.js';

type Hedged = Partial<Record<Certainty, string>>;

/** By the certainty word as matched, lower-cased (rules.ts CERTAIN). */
const BY_WORD: Record<string, Hedged> = {
  will: { moderate: 'will probably', low: 'may' },
  works: { moderate: 'probably works', low: 'may work' },
  'work for': { moderate: 'probably work for', low: 'may work for' },
  'is effective': { moderate: 'is probably effective', low: 'may be effective' },
  'are effective': { moderate: 'are probably effective', low: 'may be effective' },
  definitely: { moderate: 'probably', low: 'possibly' },
  certainly: { moderate: 'probably', low: 'possibly' },
  undoubtedly: { moderate: 'probably', low: 'possibly' },
  clearly: { moderate: 'probably', low: 'possibly' },
  always: { moderate: 'usually', low: 'sometimes' },
  eliminates: { moderate: 'probably reduces', low: 'may reduce' },
  eliminate: { moderate: 'probably reduce', low: 'may reduce' },
  ensures: { moderate: 'probably helps', low: 'may help' },
  ensure: { moderate: 'probably help', low: 'may help' },
  'shown to': { moderate: 'likely to', low: 'thought to' },
  'has been shown to': { moderate: 'probably', low: 'may' },
  'have been shown to': { moderate: 'probably', low: 'may' },
  'is shown to': { moderate: 'probably', low: 'may' },
  'are shown to': { moderate: 'probably', low: 'may' },
  'has been demonstrated': { moderate: 'is likely', low: 'has been suggested' },
  established: { moderate: 'likely', low: 'suggested' },
};

/** The replacement for `matched` (as the writer wrote it) at `certainty`, in the writer's first-letter case. */
export function hedgedWords(matched: string, certainty: Certainty): string | undefined {
  const key = matched.toLowerCase().replace(/\s+/g, ' ');
  const study = /^(as )?(studies|research|trials|evidence|science) (?:have |has )?(shown|shows|proved|confirmed|confirms)$|^as (studies|research|trials) (?:have )?(shown|show)$/.exec(key);
  let out: string | undefined;
  if (study) {
    // "studies have shown" → "studies suggest"; "research shows" → "research suggests".
    const who = study[2] ?? study[4]!;
    const plural = who === 'studies' || who === 'trials';
    out = certainty === 'very-low' ? undefined : `${key.startsWith('as ') ? 'as ' : ''}${who} ${certainty === 'moderate' ? (plural ? 'indicate' : 'indicates') : plural ? 'suggest' : 'suggests'}`;
  } else out = BY_WORD[key]?.[certainty];
  if (!out) return undefined;
  return /^[A-Z]/.test(matched) ? out[0]!.toUpperCase() + out.slice(1) : out;
}
