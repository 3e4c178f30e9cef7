/**
 * The safety layer: which help a piece of shown text needs, and the help itself. Every surface
 * (explain, quiz, exports, search, claims, review, lint, ...) asks here; no view decides alone.
 * Blocks are plain text with **bold** marks; each surface paints them for its format.
 *
 * API (stable; other work builds on it):
 *   helpNeeded(...texts) -> HelpKind[]   ('crisis' before 'emergency', each at most once)
 *   HELP_BLOCKS[kind]     -> { kind, title, lines }
 *   NOTICE                -> the not-medical-advice notice, one line
 */
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
      '**If you are thinking about suicide, help is available, and reaching out works.**',
      'In the US and Canada, call or text **988** (Suicide & Crisis Lifeline). Elsewhere, find a helpline at **findahelpline.com**.',
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

const CRISIS = /suicid|self[\s-]*harm/i;
const EMERGENCY = /overdos|respiratory\s+depression/i;

/** The help that shown text needs, in a fixed order. (First version; the safety work refines detection.) */
export function helpNeeded(...texts: string[]): HelpKind[] {
  const all = texts.join('\n');
  const kinds: HelpKind[] = [];
  if (CRISIS.test(all)) kinds.push('crisis');
  if (EMERGENCY.test(all)) kinds.push('emergency');
  return kinds;
}
