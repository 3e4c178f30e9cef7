/** kap review: spaced repetition of the quiz bank; wires the review core to the files, prompts and output. */
import type { Ctx } from '../context.js';
import { promptStream } from '../output-boundary.js';
import { safetyFields } from '../safety/paint.js';
import { NotFoundError, UsageError } from '../errors.js';
import { readClaimsOf, readQuiz, type CompiledQuestion } from '../store.js';
import { readCompiled } from '../compiled-read.js';
import { nearest } from '../text/distance.js';
import { clean } from '../text/sanitize.js';
import { LETTERS, answerProblem, filterBank, parseAnswer, unknownTopics } from '../quiz/engine.js';
import { isInterrupt } from '../quiz/session.js';
import type { Fingerprint } from '../review/changes.js';
import { FP_FILE, compiledFingerprints } from '../review/fingerprints-file.js';
import { buildQueue, DEFAULT_NEW_PER_DAY, staleReason } from '../review/queue.js';
import { checkWritable, loadSchedule, refresh, resetHistory, reviewFiles, writeSchedule, type ReviewFiles } from '../review/store.js';
import { appendEntry } from '../review/log.js';
import { computeStats } from '../review/stats.js';
import { OutOfAnswers, runReview, type Interrupted, type ReviewResult } from '../review/session.js';
import { noticeView, startView, statsView, summaryView, inWords } from '../review/view.js';
import type { ReviewAsk } from '../review/prompt.js';
import type { Stepper } from '../review/state.js';
import { isFsError } from '../review/fault.js';

export interface ReviewFlags {
  new?: number;
  topic?: string[];
  retention?: number;
  stats?: boolean;
  json?: boolean;
  reset?: boolean;
  yes?: boolean;
  answers?: string;
  now?: string;
  seed?: string;
}

const DEFAULT_RETENTION = 0.9;
const list = (values: string[] | undefined) => (values ?? []).flatMap((v) => v.split(',')).map((v) => v.trim().toLowerCase()).filter(Boolean);
const stepper = async (): Promise<Stepper> => (await import('../review/schedule.js')).stepper;

function clock(ctx: Ctx, now: string | undefined): () => number {
  if (now === undefined) return ctx.now;
  const t = Date.parse(now);
  if (!Number.isFinite(t)) throw new UsageError(`--now: "${clean(now).slice(0, 40)}" is not a date`, 'Give an ISO date: --now 2026-12-01 or --now 2026-12-01T09:00');
  return () => t;
}

function topicBank(bank: CompiledQuestion[], topics: string[]): CompiledQuestion[] {
  const unknown = unknownTopics(bank, topics);
  if (unknown.length) {
    const names = [...new Set(bank.flatMap((q) => [q.module, ...q.tags]))].sort();
    throw new NotFoundError(`no quiz questions on "${clean(unknown[0]!).slice(0, 60)}"`, nearest(unknown[0]!, names.map((n) => [n, n] as [string, string])), { then: `Topics are module ids or tags: ${names.join(', ')}` });
  }
  return filterBank(bank, { topics });
}

function scriptedAsk(answers: string[]): ReviewAsk {
  let next = 0;
  return {
    echo: true,
    exhausted: () => next >= answers.length,
    async choose(item) {
      const raw = answers[next];
      if (raw === undefined) throw new OutOfAnswers();
      next++;
      const problem = answerProblem(clean(raw).slice(0, 20), raw, item.order.length);
      if (problem) throw new UsageError(`answer ${next} ${problem}`);
      return { chosen: parseAnswer(raw, item.order.length)!, changed: false };
    },
    async confirm() {
      return false;
    },
  };
}

/** The fingerprints of a folder compiled without them, worked out as the compile does. */
async function hashed(dataDir: string, bank: CompiledQuestion[]): Promise<Fingerprint[]> {
  const { claimsByModule, fingerprint } = await import('../review/fingerprint.js');
  const byModule = claimsByModule(readClaimsOf(dataDir, bank.map((q) => q.module)));
  return bank.map((q) => fingerprint(q, byModule.get(q.module)));
}

async function reset(ctx: Ctx, files: ReviewFiles, f: ReviewFlags, now: number): Promise<void> {
  if (!f.yes) {
    if (!ctx.stdinIsTTY()) throw new UsageError('kap review --reset asks before it forgets your history, and there is no terminal to ask in', 'Add --yes to reset without asking.');
    const { inquirerReviewAsk } = await import('../review/prompt.js');
    const ask = inquirerReviewAsk({ theme: ctx.theme, width: ctx.width, output: promptStream(process.stderr) });
    if (!(await ask.confirm(`Forget your review history in ${files.dir}? (it is moved aside, not deleted)`))) return void ctx.err('kap: nothing was reset');
  }
  const to = resetHistory(files, now);
  ctx.err(to ? `kap: review history reset; the old history was moved to ${to}` : `kap: no review history in ${files.dir}: nothing to reset`);
}

export async function review(ctx: Ctx, f: ReviewFlags, dataDir: string): Promise<void> {
  const now = clock(ctx, f.now);
  const files = reviewFiles(dataDir);
  if (f.reset) return reset(ctx, files, f, now());
  const retention = f.retention ?? DEFAULT_RETENTION;
  const whole = readQuiz(ctx.dataDir).questions;
  const bank = topicBank(whole, list(f.topic));
  const fps = compiledFingerprints(readCompiled(ctx.dataDir, FP_FILE), bank) ?? (await hashed(ctx.dataDir, bank));
  const say = f.json ? ctx.err : ctx.out;
  const loaded = await loadSchedule(files, now(), stepper);
  for (const m of loaded.messages) ctx.err(`kap: ${m}`);
  const s = loaded.schedule;

  // Saving what loading rebuilt is only a head start: the log has it all.
  const saveRebuilt = (warn: boolean) => {
    if (!loaded.stale) return;
    try {
      writeSchedule(files, s);
    } catch (e) {
      if ((e as Error).name !== 'DataDirFault') throw e;
      if (warn) ctx.err(`kap: ${(e as Error).message}`);
    }
  };
  if (f.stats) {
    // --stats only reads: a folder it cannot write still shows the progress.
    saveRebuilt(false);
    const stats = computeStats(bank, fps, s, now(), new Set(whole.map((q) => q.id)));
    if (f.json) ctx.json({ version: 1, dataDir, ...stats });
    else ctx.out(statsView(stats, { theme: ctx.theme, width: ctx.width }));
    return;
  }

  let answers: string[] | undefined;
  if (f.answers !== undefined) answers = f.answers.split(/[\s,]+/).filter(Boolean);
  else if (!ctx.stdinIsTTY()) {
    answers = (await ctx.readStdin()).split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    if (!answers.length) throw new UsageError('kap review needs a terminal to ask questions', 'Run it in a terminal, or script it: kap review --answers B,A,C (or one answer per line on stdin).');
  }
  // An answer no question could take (a review's questions have up to five choices) is refused
  // before anything is shown; one its own question cannot take is refused when it is asked.
  answers?.forEach((raw, i) => {
    const problem = answerProblem(clean(raw).slice(0, 20), raw, LETTERS.length);
    if (problem) throw new UsageError(`answer ${i + 1} ${problem}`);
  });
  checkWritable(files);
  saveRebuilt(true);
  // Tells this session's answers from another's in the log: unique, not secret (node:crypto costs ~5 ms to load).
  const session = `${process.pid.toString(36)}-${Math.floor(Math.random() * 0x1_0000_0000).toString(16).padStart(8, '0')}`;
  const seed = f.seed ?? session;
  const newPerDay = f.new ?? DEFAULT_NEW_PER_DAY;
  const queue = buildQueue(bank, fps, s, { now: now(), newPerDay, seed });
  const view = { theme: ctx.theme, width: ctx.width };
  say(noticeView(view));
  say(startView(queue, retention, view));
  // Queued questions another session answered first (see stale below).
  let skipped = 0;
  const finish = (results: ReviewResult[], interrupted: boolean) => {
    const stats = computeStats(bank, fps, s, now());
    const left = queue.items.length - results.length - skipped;
    say(`\n${summaryView(results.map((r) => ({ correct: r.correct, grade: r.rating, due: r.due })), stats, view, left)}`);
    const help = (['crisis', 'emergency'] as const).filter((k) => results.some((r) => r.help.includes(k)));
    const json = { version: 1, now: now(), retention, seed, session, interrupted, left, skipped, answered: results, stats: { ...stats, modules: undefined }, ...safetyFields(help) };
    if (f.json) ctx.json(json);
  };
  if (!queue.items.length) {
    const next = computeStats(bank, fps, s, now()).totals.nextDue;
    say(`Nothing to review now${next === null ? '' : `: the next question is due ${inWords(next - now())}`}.`);
    return finish([], false);
  }
  const ask = answers ? scriptedAsk(answers) : await interactiveAsk(ctx, Boolean(f.json));
  let backedUp = false;
  // Another terminal's session may have answered from the same queue since it was built.
  const stale = async (item: (typeof queue.items)[number]) => {
    const r = await refresh(files, s, stepper);
    for (const m of r.messages) ctx.err(`kap: ${m}`);
    const why = staleReason(item, s, now(), newPerDay);
    if (why) skipped++;
    return why;
  };
  const save = async (entry: Parameters<typeof appendEntry>[1]) => {
    appendEntry(files, entry);
    const r = await refresh(files, s, stepper);
    for (const m of r.messages) ctx.err(`kap: ${m}`);
    if (!s.cards[entry.q]) throw new Error(`the answer to ${entry.q} is in the log but not in the schedule`);
    writeSchedule(files, s);
    if (!backedUp) {
      backedUp = true;
      await backup(ctx, files, entry.t);
    }
    return s.cards[entry.q]!;
  };
  try {
    finish(await runReview(queue.items, ask, { out: say, now, save, stale }, { retention, session, view }), false);
  } catch (e) {
    if (isInterrupt(e)) finish((e as Interrupted).reviewResults ?? [], true);
    throw e;
  }
}

/** Today's backup; a failure is said, not fatal: the answer itself is saved. */
async function backup(ctx: Ctx, files: ReviewFiles, t: number): Promise<void> {
  try {
    (await import('../review/backup.js')).backUp(files.backups, files, t);
  } catch (e) {
    if (!isFsError(e)) throw e;
    ctx.err(`kap: could not write today's backup in ${files.backups} (${(e as NodeJS.ErrnoException).code}); your answers are saved`);
  }
}

async function interactiveAsk(ctx: Ctx, toStderr: boolean): Promise<ReviewAsk> {
  const { inquirerReviewAsk } = await import('../review/prompt.js');
  return inquirerReviewAsk({ theme: ctx.theme, width: ctx.width, output: promptStream(toStderr ? process.stderr : process.stdout) });
}

