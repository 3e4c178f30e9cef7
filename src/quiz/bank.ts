/**
 * The question bank as `kap quiz` and `kap quiz export` read it. The compile writes quiz.json
 * (every question) and beside it quiz-index.json (bank-build.ts): what selecting needs of each
 * question, where it sits in quiz.json, and what the exports would otherwise compute per run
 * (its evidence labels, from its module's claims; the help its shown text needs). A run parses
 * only the questions it shows, each when first shown: parsing the whole bank, and the garbage
 * collections its objects cost, was most of a short quiz's start-up. Data without the index
 * (compiled by an older kap) is read whole, with the same results.
 */
import { CompiledParts, parseOptional, readCompiled } from '../compiled-read.js';
import { CompiledContentError } from '../errors.js';
import { readQuiz, type CompiledQuestion } from '../store.js';
import type { Difficulty } from '../content/model.js';
import type { HelpKind } from '../safety/index.js';
import type { Selectable } from './engine.js';

export const QUIZ_FILE = 'quiz.json';
export const INDEX_FILE = 'quiz-index.json';
export const INDEX_VERSION = 2;

/** One question as the index describes it. */
export interface IndexEntry {
  id: string;
  module: string;
  tags: string[];
  difficulty: Difficulty;
  /** How many choices: selection shuffles them without reading the question. */
  choices: number;
  help: HelpKind[];
  /** Its JSON in quiz.json: [start, end) in bytes. */
  start: number;
  end: number;
  /** The evidence labels exports show (export/types.ts evidenceLabels over its module's claims). */
  evidence: string[];
  /** The help its shown text needs whatever the order of its choices (export/help.ts); null: ask at run time. */
  shown: HelpKind[] | null;
}

/**
 * quiz-index.json: a row per question, the lists that many questions share (a module's tags,
 * evidence labels) written once.
 */
export interface QuizIndex {
  version: number;
  /** quiz.json's length in bytes: an index that does not fit the file is not used. */
  bytes: number;
  tags: string[][];
  evidence: string[][];
  /** Lists of help kinds (a handful for the whole bank): a row's help and shown name theirs by number. */
  help: HelpKind[][];
  /** [id, module, tags (index), difficulty, choices, help (index), start, end, evidence (index), shown (index, or null)] */
  questions: [string, string, number, Difficulty, number, number, number, number, number, number | null][];
}

export function toRow(e: IndexEntry, tags: number, evidence: number, help: (l: HelpKind[]) => number): QuizIndex['questions'][number] {
  return [e.id, e.module, tags, e.difficulty, e.choices, help(e.help), e.start, e.end, evidence, e.shown && help(e.shown)];
}

/** A compiled question, with what the index adds when the bank has one. */
export interface BankQuestion extends CompiledQuestion {
  evidence?: string[];
  shownHelp?: HelpKind[];
}

export interface Bank<E extends Selectable = Selectable> {
  entries: E[];
  /** quiz.json's length in bytes, when read through the index (files compiled with it can say they fit). */
  quizBytes?: number;
  choices(e: E): number;
  /** The question of an entry: parsed when a field beyond the entry's is first read. */
  question(e: E): BankQuestion;
}

export function readBank(dataDir: string): Bank {
  const indexed = readIndexed(dataDir);
  if (indexed) return indexed;
  const questions: BankQuestion[] = readQuiz(dataDir).questions;
  return { entries: questions, choices: (q) => (q as CompiledQuestion).choices.length, question: (q) => q as BankQuestion };
}

function readIndexed(dataDir: string): Bank | undefined {
  const index = parseOptional(readCompiled(dataDir, INDEX_FILE)) as QuizIndex | undefined;
  if (index?.version !== INDEX_VERSION || !Array.isArray(index.questions) || !Array.isArray(index.help)) return undefined;
  // Read a question at a time, and only those a run shows: a quiz shows a few, a Markdown
  // handout none (its text is the compile's, markdown-bank.ts).
  const quiz = CompiledParts.open(dataDir, QUIZ_FILE);
  // A bank whose quiz.json is not the one indexed (or none) is read whole instead.
  if (!quiz?.hasSize(index.bytes)) return undefined;
  const load = (e: IndexEntry): CompiledQuestion => {
    let q: CompiledQuestion | undefined;
    try {
      q = JSON.parse(quiz.text(e.start, e.end) ?? '') as CompiledQuestion;
    } catch {
      /* reported below */
    }
    if (q?.id !== e.id) throw new CompiledContentError(`compiled quiz at ${dataDir} has an unknown format`);
    return q;
  };
  // Rows read by index, not destructured: an array pattern runs the array iterator, which in a
  // fresh process cost ~9,000 instructions a row (1.3M for the bank).
  const entries = index.questions.map((r): IndexEntry => {
    // One shape for every row (shown null rather than absent), no [start, end] pair.
    return { id: r[0], module: r[1], tags: index.tags[r[2]]!, difficulty: r[3], choices: r[4], help: index.help[r[5]]!, start: r[6], end: r[7], evidence: index.evidence[r[8]]!, shown: r[9] === null ? null : index.help[r[9]]! };
  });
  return {
    entries,
    quizBytes: index.bytes,
    choices: (e) => (e as IndexEntry).choices,
    question: (entry) => new LazyQuestion(entry as IndexEntry, load),
  };
}

/**
 * The entry's own fields at once, the rest from quiz.json on first use. A class, not an object
 * literal with getters: a literal defines its five getters anew for every question (~30,000
 * instructions each time in a fresh process; an export of all 149 paid 5M), a class once.
 */
class LazyQuestion implements BankQuestion {
  // Declared, not class fields: a field would be an own property even when undefined (shownHelp).
  declare readonly id: string;
  declare readonly module: string;
  declare readonly tags: string[];
  declare readonly difficulty: Difficulty;
  declare readonly help: HelpKind[];
  declare readonly evidence: string[];
  declare readonly shownHelp?: HelpKind[];

  // Private: the own enumerable fields are the entry's, as they were on the literal.
  readonly #entry: IndexEntry;
  readonly #load: (e: IndexEntry) => CompiledQuestion;
  #full: CompiledQuestion | undefined;

  constructor(entry: IndexEntry, load: (e: IndexEntry) => CompiledQuestion) {
    this.#entry = entry;
    this.#load = load;
    this.id = entry.id;
    this.module = entry.module;
    this.tags = entry.tags;
    this.difficulty = entry.difficulty;
    this.help = entry.help;
    this.evidence = entry.evidence;
    if (entry.shown) this.shownHelp = entry.shown;
  }

  get #question(): CompiledQuestion {
    return (this.#full ??= this.#load(this.#entry));
  }
  get moduleTitle() {
    return this.#question.moduleTitle;
  }
  get question() {
    return this.#question.question;
  }
  get choices() {
    return this.#question.choices;
  }
  get explanation() {
    return this.#question.explanation;
  }
  get sources() {
    return this.#question.sources;
  }
}
