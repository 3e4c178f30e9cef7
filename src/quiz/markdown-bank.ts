/**
 * The handout's text of every question, written by the compile (bank-build.ts) in the written
 * order of its choices: `kap quiz export` in Markdown (the default) arranges these for a seed
 * rather than escaping stems, choices, explanations and sources on every run. A line per
 * question, and a head line saying where each is: a run parses only the questions it shows.
 * Data without the file, or a file that does not fit the bank, is exported the usual way.
 */
import { readCompiled } from '../compiled-read.js';
import type { MdQuestion } from './export/markdown.js';

export const MARKDOWN_FILE = 'quiz-markdown.json';
export const MARKDOWN_VERSION = 2;

export interface MarkdownHead {
  version: number;
  /** quiz.json's length in bytes, as the bank's index has it: a file from another compile is not used. */
  bytes: number;
  /** Each question's line: [start, end) in bytes, in the bank's order. */
  at: [number, number][];
}

/** `at`: the questions' places in the bank, `ids` their ids; undefined when the file cannot give them all. */
export function readMarkdownBank(dataDir: string, quizBytes: number, at: number[], ids: string[]): MdQuestion[] | undefined {
  // Read as text, not bytes: the file is ASCII (bank-build.ts), so its characters are its bytes
  // and a span is sliced from one string; a Buffer decoded a question at a time cost ~60,000
  // instructions a question. A file that is not ASCII is not the compile's: its length in
  // characters then falls short of the end its head gives, and it is not used.
  const file = readCompiled(dataDir, MARKDOWN_FILE);
  if (file === undefined) return undefined;
  try {
    const head = JSON.parse(file.slice(0, file.indexOf('\n'))) as MarkdownHead;
    if (head.version !== MARKDOWN_VERSION || head.bytes !== quizBytes || file.length !== (head.at.at(-1)?.[1] ?? -1) + 1) return undefined;
    const out: MdQuestion[] = [];
    for (let i = 0; i < at.length; i++) {
      const span = head.at[at[i]!];
      const q = span && (JSON.parse(file.slice(span[0], span[1])) as Omit<MdQuestion, 'help'> & { help: string | null });
      // A question whose help depends on the order of its choices is left to the exporter.
      if (!q || q.id !== ids[i] || q.help === null) return undefined;
      out.push(q as MdQuestion);
    }
    return out;
  } catch {
    return undefined;
  }
}
