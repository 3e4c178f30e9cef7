/**
 * The shipped content as the surface test sees it: every module, term, question and claim in
 * dist/content, each with the help its shown text needs, asked of the safety layer's detector
 * afresh from the text (never from the flags the build stored, so a build that forgot a flag
 * is caught).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-kap.js';
import { helpNeeded, type HelpKind } from '../../src/safety/index.js';
import { questionTexts, termTexts } from '../../src/safety/items.js';
import type { CatalogFile, CatalogModule, ClaimsFile, CompiledQuiz, ModuleData, ModuleView } from '../../src/store.js';

export const DATA = join(ROOT, 'dist', 'content');
const json = <T>(path: string): T => JSON.parse(readFileSync(join(DATA, path), 'utf8')) as T;
/** A JSON-lines file (the search index's documents). */
const lines = <T>(path: string): T[] => readFileSync(join(DATA, path), 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);

export interface Item {
  id: string;
  help: HelpKind[];
}

/** One module and everything shown with it. */
export interface Group {
  module: Item;
  terms: Item[];
  questions: Item[];
  claims: Item[];
}

let cached: Group[] | undefined;

export function groups(): Group[] {
  if (cached) return cached;
  const catalog = { modules: json<CatalogModule[]>('modules.json'), terms: json<CatalogFile>('catalog.json').terms };
  const quiz = json<CompiledQuiz>('quiz.json').questions;
  const claims = json<ClaimsFile>('claims.json').claims;
  const claimTexts = (c: { text: string; article?: { quote: string; correction: string } }) => [c.text, c.article?.quote ?? '', c.article?.correction ?? ''];
  cached = catalog.modules.map((cm) => {
    const view = json<ModuleView>(`modules/${cm.id}.json`);
    const data = json<ModuleData>(`modules/${cm.id}.data.json`);
    const texts = [
      view.meta.title, view.meta.summary, data.brief, ...data.sections.map((s) => s.markdown),
      ...data.claims.flatMap(claimTexts), ...data.citations.map((c) => c.reference),
    ];
    return {
      module: { id: cm.id, help: helpNeeded(...texts) },
      terms: catalog.terms.filter((t) => t.module === cm.id).map((t) => ({ id: t.id, help: helpNeeded(...termTexts(t)) })),
      questions: quiz.filter((q) => q.module === cm.id).map((q) => ({ id: q.id, help: helpNeeded(...questionTexts(q)) })),
      claims: claims.filter((c) => c.module === cm.id).map((c) => ({ id: c.id, help: helpNeeded(...claimTexts(c)) })),
    };
  });
  return cached;
}

/** Search queries: the words people use for each kind of help, and a few that need none. */
export const QUERIES: string[] = [
  'suicide', 'suicidal thoughts', 'self-harm', 'kill myself', 'boxed warning',
  'overdose', 'an OD', 'not breathing', 'respiratory depression', 'loss of consciousness', 'misuse', 'dependence', 'addiction',
  'glutamate', 'neuroplasticity', 'blood pressure', 'furukawa 2005',
];

/** The search index's stored documents by type and id, for the help a shown result needs. */
export function searchDocText(): Map<string, string> {
  const meta = json<{ docs: number; docsPerShard: number }>('search/meta.json');
  const out = new Map<string, string>();
  for (let s = 0; s * meta.docsPerShard < meta.docs; s++)
    for (const d of lines<{ type: string; id: string; title: string; text: string; more: string }>(`search/docs/${s}.jsonl`))
      out.set(`${d.type}:${d.id}`, `${d.title}\n${d.text}\n${d.more}`);
  return out;
}
