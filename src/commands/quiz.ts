/** kap quiz [options] and kap quiz export: wires the quiz engine to prompts, scripts and exports. */
import type { Ctx } from '../context.js';
import { NotFoundError, UsageError } from '../errors.js';
import { DIFFICULTIES, type Difficulty } from '../content/model.js';
import { readClaimsOf } from '../store.js';
import { readBank, type BankQuestion } from '../quiz/bank.js';
import { clean, toJson } from '../text/sanitize.js';
import { wrapLines } from '../render/wrap.js';
import { promptStream, withPainted } from '../output-boundary.js';
import { outTarget, writeFileAtomic } from '../atomic-write.js';
import { filterBank, parseAnswer, selectFrom, LETTERS, type QuizItem } from '../quiz/engine.js';
import { quizTopics } from '../quiz/topics.js';
import { MODES, isInterrupt, runSession, type Ask, type Interrupted, type Mode, type QuizResult } from '../quiz/session.js';
import { EXPORTS, FORMATS, companionNote, exportWarnings, toExport } from '../quiz/export/index.js';
import { countQuestions } from '../quiz/export/types.js';
import { noticeText } from '../safety/paint.js';
import { choiceConfig, choiceView, firstFrame, fitsAsIs } from '../quiz/prompt-view.js';

export interface SelectionFlags {
  topic?: string[];
  count?: number;
  seed?: string;
  difficulty?: string[];
  shuffle?: boolean;
}

export interface QuizFlags extends SelectionFlags {
  mode?: string;
  json?: boolean;
  out?: string;
  answers?: string;
  /** false: --no-pause. */
  pause?: boolean;
}

export interface ExportFlags extends SelectionFlags {
  format?: string;
  out?: string;
  title?: string;
  json?: boolean;
}

const list = (values: string[] | undefined) => (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);

/** A short, readable seed (not Math.random: the seed itself is what makes a quiz repeatable). */
export function newSeed(): string {
  const abc = 'abcdefghjkmnpqrstuvwxyz23456789';
  // node:crypto (with node:stream) costs ~5 ms to load: only a run without --seed needs it.
  const { randomBytes } = require('node:crypto') as typeof import('node:crypto');
  return [...randomBytes(6)].map((b) => abc[b % abc.length]).join('');
}

function pick(ctx: Ctx, f: SelectionFlags): { items: QuizItem[]; seed: string } {
  const bank = readBank(ctx.dataDir);
  const topics = quizTopics(bank.entries, ctx.catalog, list(f.topic));
  const difficulty = list(f.difficulty).map((d) => d.toLowerCase());
  const badLevel = difficulty.find((d) => !(DIFFICULTIES as readonly string[]).includes(d));
  if (badLevel) throw new UsageError(`--difficulty: "${clean(badLevel)}" is not one of ${DIFFICULTIES.join(', ')}`);
  if (!filterBank(bank.entries, { topics, difficulty: difficulty as Difficulty[] }).length) throw new NotFoundError('no quiz questions match these --topic and --difficulty options');
  const seed = f.seed ?? newSeed();
  const picked = selectFrom(bank.entries, { topics, difficulty: difficulty as Difficulty[], count: f.count, seed, shuffle: f.shuffle }, bank.choices);
  return { items: picked.map(({ of, order }) => ({ question: bank.question(of), order })), seed };
}

/** Answers given up front (--answers B,A,C or lines on stdin): the quiz runs as a script. */
function scriptedAsk(answers: string[]): Ask {
  let next = 0;
  return {
    echo: true,
    async choose(item, n, total) {
      const raw = answers[next];
      if (raw === undefined) throw new UsageError(`question ${n} of ${total} has no answer: ${answers.length} answer(s) given`, 'Give one answer per question: --answers B,A,C (or one per line on stdin).');
      next++;
      const i = parseAnswer(raw, item.order.length);
      if (i === undefined) throw new UsageError(`answer ${next} "${clean(raw).slice(0, 20)}" is not one of ${LETTERS.slice(0, item.order.length).split('').join(', ')} (or 1-${item.order.length})`);
      return i;
    },
    async pause() {},
    // A script answers one round: the retry of missed questions is for a person at a terminal.
    async confirm() {
      return false;
    },
  };
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** One answer per question: without --count, as many questions as answers; any other mismatch is a usage error. */
export function checkAnswerCount(answers: number, questions: number): void {
  if (answers !== questions)
    throw new UsageError(`${plural(answers, 'answer')} given for ${plural(questions, 'question')}`, 'Give one answer per question: --count N asks N questions; without --count, as many as there are answers.');
}

export async function quiz(ctx: Ctx, f: QuizFlags): Promise<void> {
  const mode = (f.mode ?? 'practice') as Mode;
  if (!MODES.includes(mode)) throw new UsageError(`--mode: "${clean(String(f.mode))}" is not one of ${MODES.join(', ')}`);
  if (f.answers !== undefined && mode === 'present') throw new UsageError('--answers: present mode asks no questions, it shows them with their answers');
  // A --out kap could never write is refused now, not after the quiz was taken.
  if (f.out) outTarget(f.out);
  let answers: string[] | undefined;
  if (f.answers !== undefined) answers = f.answers.split(/[\s,]+/).filter(Boolean);
  else if (!ctx.stdinIsTTY() && mode !== 'present') {
    answers = (await ctx.readStdin()).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (!answers.length)
      throw new UsageError('kap quiz needs a terminal to ask questions', 'Run it in a terminal, or script it: kap quiz --answers B,A,C (or one answer per line on stdin). Handouts: kap quiz export --format markdown');
  }
  if (answers && !answers.length) throw new UsageError('--answers: no answers given', 'Give one answer per question: --answers B,A,C');
  const { items, seed } = pick(ctx, { ...f, count: f.count ?? answers?.length });
  if (answers) checkAnswerCount(answers.length, items.length);
  // With --json, stdout carries only the JSON; everything a person reads goes to stderr.
  const say = f.json ? ctx.err : ctx.out;
  const width = f.json && !answers ? stderrWidth(ctx.width) : ctx.width;
  say(wrapLines(ctx.theme.dim(`kap quiz · ${mode} · ${items.length} question${items.length === 1 ? '' : 's'} · seed ${seed}`), width));
  say(wrapLines(noticeText(ctx.theme), width));
  const ask = answers ? scriptedAsk(answers) : ctx.stdinIsTTY() ? await interactiveAsk(ctx, Boolean(f.json), mode === 'present' ? undefined : items) : scriptedAsk([]);
  const finish = (r: QuizResult) => {
    if (f.out) writeFileAtomic(f.out, `${toJson(r)}\n`);
    if (f.json) ctx.json(r);
  };
  try {
    finish(await runSession(items, ask, { out: say, now: ctx.now }, { mode, seed, view: { theme: ctx.theme, width }, pause: f.pause !== false }));
  } catch (e) {
    if (isInterrupt(e) && (e as Interrupted).quizResult) finish((e as Interrupted).quizResult!);
    throw e;
  }
}

/** With --json a person reads the quiz on stderr, whose terminal may be narrower than the width decided for stdout. */
function stderrWidth(width: number): number {
  const cols = process.stderr.isTTY ? process.stderr.columns : undefined;
  return cols && cols > 0 ? Math.min(width, cols) : width;
}

/** `first`: the questions of a practice or exam round, whose first question is painted before the prompts load. */
async function interactiveAsk(ctx: Ctx, toStderr: boolean, first?: QuizItem[]): Promise<Ask> {
  // Prompts draw on a real stream; this is the one place the quiz touches process streams.
  const prompts = promptStream(toStderr ? process.stderr : process.stdout);
  const frame = first && !toStderr ? await firstQuestion(ctx, prompts, first) : undefined;
  const keys = frame === undefined ? undefined : await (await import('../quiz/first-keys.js')).holdKeys(process.stdin);
  const output = frame === undefined ? prompts : withPainted(prompts, frame);
  const { inquirerAsk } = await import('../quiz/prompt.js');
  return inquirerAsk({ theme: ctx.theme, width: ctx.width, output, isTTY: ctx.isTTY, firstInput: keys });
}

/** The first question's frame as its prompt will draw it (inquirerAsk's width; prompt-view.ts). */
async function firstQuestion(ctx: Ctx, stream: NodeJS.WriteStream, items: QuizItem[]): Promise<string | undefined> {
  const columns = stream.columns;
  const content = choiceView(choiceConfig(items[0]!, 1, items.length, ctx.theme, Math.min(ctx.width, columns || ctx.width)), 0, undefined);
  return firstFrame(content, columns, fitsAsIs(content, columns) ? undefined : (await import('fast-wrap-ansi')).wrapAnsi);
}

export function quizExport(ctx: Ctx, f: ExportFlags): void {
  const format = (f.format ?? 'markdown').toLowerCase();
  const exporter = EXPORTS[format];
  if (!exporter) throw new UsageError(`--format: "${clean(format)}" is not one of ${FORMATS.join(', ')}`);
  if (exporter.binary && !f.out) throw new UsageError(`--format ${format} writes a zip file: give it --out FILE.zip`, `kap quiz export --format ${format} --out quiz.zip`);
  const { items, seed } = pick(ctx, f);
  // Evidence labels need the claims of the questions' own modules only, and only when the bank does not carry them.
  const unlabelled = items.filter((i) => !(i.question as BankQuestion).evidence);
  const qs = toExport(items, unlabelled.length ? readClaimsOf(ctx.dataDir, unlabelled.map((i) => i.question.module)) : []);
  const meta = { title: f.title ?? 'kap quiz', seed };
  const data = exporter.write(qs, meta);
  const warnings = exportWarnings(format, qs);
  for (const w of warnings) ctx.err(`kap: ${w}`);
  const files: string[] = [];
  if (f.out) {
    writeFileAtomic(f.out, data);
    files.push(f.out);
    ctx.err(`kap: wrote ${countQuestions(items.length)} (${format}, seed ${seed}) to ${f.out}`);
    // What the format could not hold, as a note to hand out with it.
    const note = companionNote(format, qs, meta);
    if (note) {
      writeFileAtomic(`${f.out}.notes.txt`, note);
      files.push(`${f.out}.notes.txt`);
      ctx.err(`kap: wrote the notice and help blocks the ${exporter.label} file cannot hold to ${f.out}.notes.txt`);
    }
  }
  // --json: for a script, what was exported; the export itself is in `content` (text formats
  // without --out) or in the files written.
  if (f.json) ctx.json({ format, seed, title: meta.title, questions: items.map((i) => i.question.id), warnings, files, ...(!f.out && { content: data as string }) });
  else if (!f.out) ctx.out(data as string);
}
