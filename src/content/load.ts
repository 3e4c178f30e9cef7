/** Read a content folder from disk into parsed data plus every problem found. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Problem } from '../errors.js';
import { Sink } from './fields.js';
import { parseModuleFile, type ParsedModule } from './module-file.js';
import { parseGlossary, type ParsedTerm } from './glossary-file.js';
import { parseQuizFile, type ParsedQuestion } from './quiz-file.js';
import { parseErrata } from './errata-file.js';
import { parseReferences, type ParsedReferences } from './references-file.js';
import type { Erratum } from './model.js';

export interface ContentSet {
  dir: string;
  modules: ParsedModule[];
  terms: (ParsedTerm & { file: string })[];
  questions: ParsedQuestion[];
  errata: { erratum: Erratum; line: number; file: string }[];
  references: ParsedReferences & { file: string };
  problems: Problem[];
  /** Each file's text as read (by shown name), for checks that point at a line. */
  texts: Map<string, string>;
}

/** Largest file we read; a bigger one is reported, not loaded. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

function readText(path: string, shown: string, problems: Problem[]): string | undefined {
  try {
    if (statSync(path).size > MAX_FILE_BYTES) {
      problems.push({ file: shown, line: 1, severity: 'error', message: `file is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB` });
      return undefined;
    }
    const buf = readFileSync(path);
    const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
    const bad = text.indexOf('\uFFFD');
    if (bad >= 0) {
      const line = text.slice(0, bad).split('\n').length;
      problems.push({ file: shown, line, severity: 'error', message: 'invalid UTF-8: save the file as UTF-8' });
      return undefined;
    }
    return text.replace(/^\uFEFF/, '');
  } catch (e) {
    problems.push({ file: shown, line: 1, severity: 'error', message: `cannot read: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}` });
    return undefined;
  }
}

function listFiles(dir: string, ext: string): string[] {
  try {
    return readdirSync(dir).filter((f) => f.endsWith(ext)).sort();
  } catch {
    return [];
  }
}

/** Load every file of a content folder. `shownBase` is what file names are shown relative to. */
export function loadContent(dir: string, shownBase = process.cwd()): ContentSet {
  const problems: Problem[] = [];
  const texts = new Map<string, string>();
  const shown = (p: string) => relative(shownBase, p) || p;
  const withSink = <T>(path: string, fn: (text: string, sink: Sink) => T): T | undefined => {
    const text = readText(path, shown(path), problems);
    if (text === undefined) return undefined;
    texts.set(shown(path), text);
    const sink = new Sink(shown(path));
    const out = fn(text, sink);
    problems.push(...sink.problems);
    return out;
  };

  try {
    if (!statSync(dir).isDirectory()) throw new Error('not a folder');
  } catch (e) {
    problems.push({ file: shown(dir), line: 1, severity: 'error', message: `content folder not found or not readable (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` });
  }

  const modules: ParsedModule[] = [];
  for (const f of listFiles(join(dir, 'modules'), '.md')) {
    const m = withSink(join(dir, 'modules', f), (t, s) => parseModuleFile(shown(join(dir, 'modules', f)), t, s));
    if (m) modules.push(m);
  }
  const glossaryPath = join(dir, 'glossary.yaml');
  const terms = listFiles(dir, '.yaml').includes('glossary.yaml')
    ? (withSink(glossaryPath, parseGlossary) ?? []).map((t) => ({ ...t, file: shown(glossaryPath) }))
    : [];
  const questions: ParsedQuestion[] = [];
  for (const f of listFiles(join(dir, 'quiz'), '.yaml')) {
    const p = join(dir, 'quiz', f);
    questions.push(...(withSink(p, (t, s) => parseQuizFile(shown(p), t, s)) ?? []));
  }
  const errataPath = join(dir, 'errata.yaml');
  const errata = listFiles(dir, '.yaml').includes('errata.yaml')
    ? (withSink(errataPath, parseErrata) ?? []).map((e) => ({ ...e, file: shown(errataPath) }))
    : [];
  const refPath = join(dir, 'references.json');
  const references = listFiles(dir, '.json').includes('references.json')
    ? (withSink(refPath, parseReferences) ?? { items: [], lines: new Map() })
    : { items: [], lines: new Map<string, number>() };
  return { dir, modules, terms, questions, errata, references: { ...references, file: shown(refPath) }, problems, texts };
}
