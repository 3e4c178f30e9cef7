/**
 * The handout's text of every question, written by the compile (bank-build.ts) in the written
 * order of its choices: `kap quiz export` in Markdown (the default) arranges these for a seed
 * rather than escaping stems, choices, explanations and sources on every run. The file is a
 * head line saying where each question's texts are, then the texts, UTF-8: read one byte a
 * character (text/utf8-text.ts), each text is a slice of one string, and the handout joined
 * from them leaves kap as bytes. Parsing a JSON line a question, and encoding the handout's
 * 238 KB as text, cost ~7M and ~5M instructions. Data without the file, or a file that does
 * not fit the bank, is exported the usual way.
 */
import { readCompiledLatin1 } from '../compiled-read.js';
import type { MdQuestion } from './export/markdown.js';
import type { Utf8Text } from '../text/utf8-text.js';

export const MARKDOWN_FILE = 'quiz-markdown.txt';
export const MARKDOWN_VERSION = 3;

export interface MarkdownHead {
  version: number;
  /** quiz.json's length in bytes, as the bank's index has it: a file from another compile is not used. */
  bytes: number;
  /** The texts' length in bytes (the file's, after the head line). */
  size: number;
  /** A row per question, in the bank's order: [key, start, then the end of each text] (bank-build.ts markdownBank); null: left to the exporter. */
  at: (number[] | null)[];
}

/** `at`: the questions' places in the bank, `ids` their ids; undefined when the file cannot give them all. */
export function readMarkdownBank(dataDir: string, quizBytes: number, at: number[], ids: string[]): MdQuestion<Utf8Text>[] | undefined {
  const file = readCompiledLatin1(dataDir, MARKDOWN_FILE);
  if (file === undefined) return undefined;
  try {
    const base = file.indexOf('\n') + 1;
    const head = JSON.parse(file.slice(0, base)) as MarkdownHead;
    if (head.version !== MARKDOWN_VERSION || head.bytes !== quizBytes || file.length !== base + head.size) return undefined;
    const out: MdQuestion<Utf8Text>[] = [];
    for (let i = 0; i < at.length; i++) {
      const row = head.at[at[i]!];
      if (!row) return undefined;
      // Text t is [base + row[t + 1], base + row[t + 2]): 0 the id, 1 the question, then the
      // choices, the why-nots, explanation, help, tail. Sliced here, not by a function called
      // for each text: V8 optimises a small function called ~1,800 times (~3.5M instructions);
      // and straight into their places, not from an array of all the texts (~0.3M).
      const n = (row.length - 7) / 2;
      const at0 = base + row[1]!;
      if (file.slice(at0, base + row[2]!) !== ids[i]) return undefined;
      const choices: Utf8Text[] = [];
      const whys: Utf8Text[] = [];
      for (let c = 0; c < n; c++) {
        choices.push(file.slice(base + row[3 + c]!, base + row[4 + c]!) as Utf8Text);
        whys.push(file.slice(base + row[3 + n + c]!, base + row[4 + n + c]!) as Utf8Text);
      }
      const e = 3 + 2 * n;
      out.push({ id: ids[i]!, question: file.slice(base + row[2]!, base + row[3]!) as Utf8Text, choices, whys, key: row[0]!, explanation: file.slice(base + row[e]!, base + row[e + 1]!) as Utf8Text, help: file.slice(base + row[e + 1]!, base + row[e + 2]!) as Utf8Text, tail: file.slice(base + row[e + 2]!, base + row[e + 3]!) as Utf8Text });
    }
    return out;
  } catch {
    return undefined;
  }
}
