/** Helpers for kap review's end-to-end tests: run it on a data folder, read its files, predict its queue. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kap, type RunResult } from './run-kap.js';
import { fixtureData } from './fixture.js';
import { parseSchedule, emptySchedule, parseEntry, type Schedule, type LogEntry } from '../../src/review/state.js';
import { buildQueue, type ReviewItem } from '../../src/review/queue.js';
import { claimsByModule, fingerprint } from '../../src/review/fingerprint.js';
import type { ClaimRow, CompiledQuestion } from '../../src/store.js';

export const tempDir = (name = 'kap-review-') => mkdtempSync(join(tmpdir(), name));

export interface ReviewRun extends RunResult {
  json?: any;
}

/** kap review on a data folder (TZ=UTC, no colour); `content` is a compiled content folder (default: the fixture). */
export function review(dataDir: string, args: string[], opts: { content?: string | null; input?: string; env?: Record<string, string> } = {}): ReviewRun {
  const env: Record<string, string> = { KAP_DATA_DIR: dataDir, TZ: 'UTC', NO_COLOR: '1', ...opts.env };
  if (opts.content !== null) env.KAP_DATA = opts.content ?? fixtureData();
  const r: ReviewRun = kap(['review', ...args], { env, input: opts.input });
  if (args.includes('--json') && r.status === 0) r.json = JSON.parse(r.stdout);
  return r;
}

export const files = (dataDir: string) => ({ schedule: join(dataDir, 'review', 'schedule.json'), log: join(dataDir, 'review', 'log.jsonl') });

export function readSchedule(dataDir: string): Schedule {
  const r = parseSchedule(readFileSync(files(dataDir).schedule, 'utf8'));
  if (!r.ok) throw new Error(`schedule unreadable: ${r.detail}`);
  return r.schedule;
}

export function logEntries(dataDir: string): { entries: LogEntry[]; bad: number } {
  let text = '';
  try {
    text = readFileSync(files(dataDir).log, 'utf8');
  } catch {
    return { entries: [], bad: 0 };
  }
  const entries: LogEntry[] = [];
  let bad = 0;
  for (const line of text.split('\n')) {
    if (!line.trim()) continue;
    const r = parseEntry(line);
    if (r.ok) entries.push(r.entry);
    else bad++;
  }
  return { entries, bad };
}

export function bank(content = fixtureData()): { questions: CompiledQuestion[]; fps: ReturnType<typeof fingerprint>[] } {
  const questions = (JSON.parse(readFileSync(join(content, 'quiz.json'), 'utf8')) as { questions: CompiledQuestion[] }).questions;
  const by = claimsByModule((JSON.parse(readFileSync(join(content, 'claims.json'), 'utf8')) as { claims: ClaimRow[] }).claims);
  return { questions, fps: questions.map((q) => fingerprint(q, by.get(q.module))) };
}

/** The questions a run will ask, in order, with their shown choice order (to answer right or wrong on purpose). */
export function predict(dataDir: string, now: number, seed: string, newPerDay = 10, content = fixtureData()): ReviewItem[] {
  let s: Schedule;
  try {
    s = readSchedule(dataDir);
  } catch {
    s = emptySchedule();
  }
  const b = bank(content);
  return buildQueue(b.questions, b.fps, s, { now, newPerDay, seed }).items;
}

/** The letter of the key (right) or of the first other choice (wrong). */
export function letterFor(item: ReviewItem, right: boolean): string {
  const key = item.order.findIndex((i) => item.question.choices[i]!.correct);
  return 'ABCDE'[right ? key : key === 0 ? 1 : 0]!;
}
