/**
 * The help each kind of content item needs, from every text of it that kap shows. The build
 * stores the answer in compiled content (`help` on modules, terms, questions, claims and search
 * documents), so run time only reads flags; the fallbacks compute it for data without flags.
 * The shapes are structural: source items (content/model.ts) and compiled ones both fit.
 */
import { helpNeeded, type HelpKind } from './index.js';

interface ClaimLike {
  text: string;
  article?: { quote?: string; correction?: string };
}
interface ModuleLike {
  title: string;
  summary: string;
  body: string;
  claims: ClaimLike[];
}
interface TermLike {
  term: string;
  aliases: string[];
  definition: string;
}
interface QuestionLike {
  question: string;
  explanation: string;
  choices: { text: string; why?: string }[];
  /** Compiled questions carry their formatted sources (feedback shows them); source files only keys. */
  sources?: readonly (string | { reference: string })[];
}
type Flagged = { help?: HelpKind[] };
interface ErratumLike {
  articleText: string;
  inText: string;
  errors: string[];
  citedFor: string;
}

const claimTexts = (c: ClaimLike) => [c.text, c.article?.quote ?? '', c.article?.correction ?? ''];

/** Title, summary, body and claims (with the article's quote and the correction). */
export function moduleTexts(m: ModuleLike): string[] {
  return [m.title, m.summary, m.body, ...m.claims.flatMap(claimTexts)];
}
export const termTexts = (t: TermLike): string[] => [t.term, ...t.aliases, t.definition];
/** The question, every choice and its "why not", the explanation and its formatted sources: what feedback shows. */
export const questionTexts = (q: QuestionLike): string[] => [
  q.question, q.explanation, ...q.choices.flatMap((c) => [c.text, c.why ?? '']),
  ...(q.sources ?? []).map((s) => (typeof s === 'string' ? '' : s.reference)),
];

/** `references`: the formatted sources the module lists (their titles are shown text too). */
export const helpForModule = (m: ModuleLike, references: string[] = []): HelpKind[] => helpNeeded(...moduleTexts(m), ...references);
export const helpForTerm = (t: TermLike & Flagged): HelpKind[] => t.help ?? helpNeeded(...termTexts(t));
export const helpForQuestion = (q: QuestionLike & Flagged): HelpKind[] => q.help ?? helpNeeded(...questionTexts(q));
/** How the article cited a reference wrongly, as `kap refs` shows it (asked at run time: few, short texts). */
export const erratumTexts = (e: ErratumLike): string[] => [e.articleText, e.inText, ...e.errors, e.citedFor];
export const helpForClaim = (c: ClaimLike & Flagged): HelpKind[] => c.help ?? helpNeeded(...claimTexts(c));
