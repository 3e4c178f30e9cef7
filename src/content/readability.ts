/**
 * Reading grade (Flesch-Kincaid) of plain-language text. Syllables come from the `syllable`
 * package (the counter the December 2026 content review measured with), so kap's grades and
 * an independent measurement agree; a vowel-group heuristic counted fewer on long words.
 */
import { syllable } from 'syllable';
import { replaceClusters } from './citations.js';

/** Counted words: the same words recur in every text (counting them again was an eighth of a 1,000-module compile's CPU profile). */
const counted = new Map<string, number>();

/** Syllables in one English word; a number counts as one. */
export function syllables(word: string): number {
  const w = word.toLowerCase().replace(/[^a-z]/g, '');
  if (!w) return /\d/.test(word) ? 1 : 0;
  let n = counted.get(w);
  if (n === undefined) counted.set(w, (n = Math.max(1, syllable(w))));
  return n;
}

/** Markdown to the words a reader reads: citations, links, emphasis and code marks removed. */
export function plainText(markdown: string): string {
  return replaceClusters(markdown, () => '')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[*_`]+/g, '')
    .replace(/^[ \t]*(?:>|[-+]|\d+\.)[ \t]+/gm, '')
    .replace(/\s+([.,;:!?])/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

export interface TextStats {
  words: number;
  sentences: number;
  syllables: number;
}

const WORD = /[A-Za-z0-9]+(?:['\u2019-][A-Za-z0-9]+)*/g;

export function textStats(text: string): TextStats {
  const words = text.match(WORD) ?? [];
  const sentences = Math.max(1, (text.match(/[.!?]+(?=\s|$)/g) ?? []).length);
  const syl = words.reduce((n, w) => n + w.split(/['\u2019-]/).reduce((k, part) => k + syllables(part), 0), 0);
  return { words: words.length, sentences, syllables: syl };
}

/** Flesch-Kincaid grade level, one decimal; 0 for text without words. */
export function fleschKincaid(text: string): number {
  const s = textStats(text);
  if (!s.words) return 0;
  const grade = 0.39 * (s.words / s.sentences) + 11.8 * (s.syllables / s.words) - 15.59;
  return Math.round(grade * 10) / 10;
}
