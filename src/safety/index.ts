/**
 * The safety layer: which help a piece of shown text needs, and the help itself. Every surface
 * (explain, quiz, exports, search, claims, review, lint, ...) asks here; no view decides alone.
 * Blocks are plain text with **bold** marks; each surface paints them for its format.
 *
 * API (stable; other work builds on it):
 *   helpNeeded(...texts) -> HelpKind[]   ('crisis' before 'emergency', each at most once)
 *   HELP_BLOCKS[kind]     -> { kind, title, lines }
 *   NOTICE                -> the not-medical-advice notice, one line
 *   blocksFor(kinds), unionHelp(...lists); per content item: ./items.ts; painting: ./paint.ts
 */
import { kindsOf } from './detect.js';

export type HelpKind = 'crisis' | 'emergency';

export interface HelpBlock {
  kind: HelpKind;
  title: string;
  /** Plain text; `**…**` marks what to emphasise. */
  lines: string[];
}

export const NOTICE = 'kap is educational information, not medical advice. Talk to a qualified clinician about your own care.';

export const HELP_BLOCKS: Record<HelpKind, HelpBlock> = {
  crisis: {
    kind: 'crisis',
    title: 'If you are thinking about suicide',
    lines: [
      '**If you are thinking about suicide or about harming yourself, help is available, and reaching out works.**',
      'In the US and Canada, call or text **988** (US: Suicide & Crisis Lifeline; Canada: Suicide Crisis Helpline). Elsewhere, find a helpline at **findahelpline.com**.',
      'In an emergency, call your local emergency number.',
    ],
  },
  emergency: {
    kind: 'emergency',
    title: 'In an emergency, or for help with substance use',
    lines: [
      '**If someone is very drowsy, cannot be woken or is breathing slowly, call your local emergency number now.**',
      'Help with substance use: in the US, the SAMHSA National Helpline, **1-800-662-4357** (free, confidential, 24/7). Elsewhere, find a helpline at **findahelpline.com**.',
    ],
  },
};

/** The help that shown text needs, in a fixed order (detection: ./detect.ts; its tests list what triggers and what must not). */
export function helpNeeded(...texts: string[]): HelpKind[] {
  return kindsOf(texts.join('\n'));
}

/** The blocks for some kinds, in the layer's order (crisis first), each once. */
export function blocksFor(kinds: readonly HelpKind[]): HelpBlock[] {
  return unionHelp(kinds).map((k) => HELP_BLOCKS[k]);
}

/** Several items' help as one list: what a screen showing all of them needs. */
export function unionHelp(...lists: readonly (readonly HelpKind[] | undefined)[]): HelpKind[] {
  const all = lists.flatMap((l) => l ?? []);
  return (['crisis', 'emergency'] as const).filter((k) => all.includes(k));
}

export { kindsOf, matches, mayNeedCrisis, needsCrisis, normalise } from './detect.js';
