/** Read a content folder from disk into parsed data plus every problem found. */
import { statSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import type { Problem } from '../errors.js';
import { Sink, unsafeCode } from './fields.js';
import { listPackDir, readPackFile, realRoot, type Read } from './pack-file.js';
import { readDigest, type PackReads } from './pack-key.js';
import { UNSAFE_CHAR, clean } from '../text/sanitize.js';
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

function readText(root: string, path: string, shown: string, problems: Problem[], seen: (r: Read) => void): string | undefined {
  const r = readPackFile(root, path);
  seen(r);
  if ('problem' in r) {
    problems.push({ file: shown, line: 1, severity: 'error', message: r.problem });
    return undefined;
  }
  const text = new TextDecoder('utf-8', { fatal: false }).decode(r.bytes).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const bad = text.indexOf('\uFFFD');
  if (bad >= 0) {
    const line = text.slice(0, bad).split('\n').length;
    problems.push({ file: shown, line, severity: 'error', message: 'invalid UTF-8: save the file as UTF-8' });
    return undefined;
  }
  // A pack must not reach the terminal with escape sequences: control, bidi and zero-width
  // characters are reported and removed here, before anything parses or compiles the text
  // (fields.ts does the same for the ones a YAML or JSON escape spells out).
  const code = unsafeCode(text);
  if (code) {
    const line = text.slice(0, UNSAFE_CHAR.exec(text)!.index).split('\n').length;
    problems.push({ file: shown, line, severity: 'warning', message: `control character ${code} removed (terminal escape sequences, bidi controls and zero-width characters are not allowed in content)` });
    return clean(text);
  }
  return text;
}

/** The lines of a loaded file, split once per file (checks look up many items' lines in the same file). */
export function fileLinesOf(set: ContentSet): (file: string) => string[] {
  const cache = new Map<string, string[]>();
  return (file) => cache.get(file) ?? (cache.set(file, (set.texts.get(file) ?? '').replace(/\r\n?/g, '\n').split('\n')), cache.get(file)!);
}

/**
 * Load every file of a content folder. `shownBase` is what file names are shown relative to;
 * `reads`, when given, gets every file's digest as read (the compiler's cache key: pack-key.ts).
 */
export function loadContent(dir: string, shownBase?: string, reads?: PackReads): ContentSet {
  const problems: Problem[] = [];
  const texts = new Map<string, string>();
  // Files are named as the user named the folder: relative to the working folder, or absolute.
  const shown = (p: string) => (shownBase !== undefined ? relative(shownBase, p) || p : isAbsolute(dir) ? p : relative(process.cwd(), p) || p);
  const root = realRoot(dir);
  const listFiles = (d: string, ext: string) => {
    const r = listPackDir(d, ext);
    if (r.problem && d !== dir) problems.push({ file: shown(d), line: 1, severity: 'error', message: r.problem });
    return r.names;
  };
  const withSink = <T>(path: string, fn: (text: string, sink: Sink) => T): T | undefined => {
    const text = readText(root, path, shown(path), problems, (r) => reads?.set(relative(dir, path).split(sep).join('/'), readDigest(r)));
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
  // Within one folder an id names one thing. (Across packs a repeated id is an override: see merge.ts.)
  const firstAt = new Map<string, string>();
  const once = (kind: string, id: string, file: string, line: number) => {
    const key = `${kind}:${id}`;
    const first = firstAt.get(key);
    if (first) problems.push({ file, line, severity: 'error', message: `${id}: duplicate ${kind} id (first at ${first})` });
    else firstAt.set(key, `${file}:${line}`);
  };
  for (const t of terms) once('term', t.term.id, t.file, t.line);
  for (const q of questions) once('question', q.question.id, q.file, q.line);
  return { dir, modules, terms, questions, errata, references: { ...references, file: shown(refPath) }, problems, texts };
}
