/**
 * kap review never loses history: damaged, truncated, empty and newer schedule files are moved
 * aside (never overwritten) and rebuilt from the log; a cut log line is skipped; sessions run
 * at once lose no answer; kill -9 at random moments of a session loses at most the answer
 * being written; a full, read-only or blocked data folder gives a clear message and changes
 * nothing.
 */
import { describe, expect, it } from 'vitest';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { BIN, cleanEnv } from '../helpers/run-kap.js';
import { keep } from '../../src/review/backup.js';
import { files, logEntries, readSchedule, review, tempDir } from '../helpers/review.js';

const T0 = Date.parse('2026-12-01T08:00:00Z');
const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString();
const answers = (n: number, letter = 'A') => Array.from({ length: n }, () => letter).join(',');

/** A folder with some history: 6 answers on day 0, 6 on day 1. */
function withHistory(): string {
  const dir = tempDir();
  expect(review(dir, ['--now', iso(T0), '--answers', answers(6)]).status).toBe(0);
  expect(review(dir, ['--now', iso(T0 + DAY), '--answers', answers(6, 'B')]).status).toBe(0);
  return dir;
}

const statsOf = (dir: string, now = T0 + DAY) => review(dir, ['--stats', '--json', '--now', iso(now)]);

describe('damaged files are moved aside and rebuilt from the log', () => {
  const cases: [string, (text: string) => string][] = [
    ['corrupted', (t) => t.replace(/"due":\d+/, '"due":"oops"')],
    ['truncated', (t) => t.slice(0, Math.floor(t.length / 2))],
    ['empty', () => ''],
    ['garbage', () => '\u0000\u0001 not json at all'],
    ['from a newer kap', (t) => t.replace('"version":1', '"version":7')],
  ];
  for (const [name, damage] of cases)
    it(`${name} schedule`, () => {
      const dir = withHistory();
      const before = statsOf(dir).json;
      const original = readFileSync(files(dir).schedule, 'utf8');
      const damaged = damage(original);
      writeFileSync(files(dir).schedule, damaged);
      const r = statsOf(dir);
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).toMatch(/could not be used: .+\. It was moved to \S+, and the schedule is rebuilt from the review log/);
      const moved = /moved to (\S+),/.exec(r.stderr)![1]!;
      expect(readFileSync(moved, 'utf8')).toBe(damaged); // kept byte for byte
      if (name === 'from a newer kap') expect(r.stderr).toContain('written by a newer kap (format version 7');
      expect(r.json.totals).toEqual(before.totals);
      expect(r.json.answers).toBe(12);
      expect(readSchedule(dir).entries).toBe(12); // rebuilt and saved
      expect(statsOf(dir).stderr).toBe(''); // said once
    });

  it('a log line cut short (a crash mid-write) is skipped, and the next answer starts a line of its own', () => {
    const dir = withHistory();
    appendFileSync(files(dir).log, '{"v":1,"t":17961');
    writeFileSync(files(dir).schedule, ''); // force a rebuild that reads the whole log
    const r = review(dir, ['--now', iso(T0 + 2 * DAY), '--answers', 'A']);
    expect(r.status, r.stderr).toBe(0);
    const log = logEntries(dir);
    expect(log.entries.length).toBe(13);
    expect(log.bad).toBe(1);
    const again = statsOf(dir, T0 + 2 * DAY);
    expect(again.json.answers).toBe(13);
    writeFileSync(files(dir).schedule, '');
    expect(statsOf(dir, T0 + 2 * DAY).stderr).toContain('1 line of');
  });

  it('a missing schedule is rebuilt from the log; a log shorter than the schedule records keeps the schedule aside', () => {
    const dir = withHistory();
    const before = statsOf(dir).json.totals;
    const sched = readFileSync(files(dir).schedule);
    spawnSync('rm', [files(dir).schedule]);
    const r = statsOf(dir);
    expect(r.stderr).toContain('was not found: rebuilt it from the 12 answers in the review log');
    expect(r.json.totals).toEqual(before);
    const log = readFileSync(files(dir).log, 'utf8');
    writeFileSync(files(dir).log, log.split('\n').slice(0, 3).join('\n') + '\n');
    writeFileSync(files(dir).schedule, sched);
    const short = statsOf(dir);
    expect(short.stderr).toMatch(/is shorter than the schedule records .+ moved to (\S+), and rebuilt from the log/);
    expect(short.json.answers).toBe(3);
  });

  it('answers written by a newer kap are skipped and kept', () => {
    const dir = withHistory();
    const first = readFileSync(files(dir).log, 'utf8').split('\n')[0]!;
    appendFileSync(files(dir).log, `${first.replace('"v":1', '"v":2')}\n`);
    const r = statsOf(dir);
    expect(r.stderr).toContain('1 answer in');
    expect(r.stderr).toContain('written by a newer kap and skipped (kept in the file)');
    expect(r.json.answers).toBe(12);
  });
});

describe('a data folder kap cannot use', () => {
  const noBug = (r: { stderr: string }) => expect(r.stderr).not.toMatch(/internal error|bug in kap|\bat .+:\d+/);

  it('a full disk (the log on /dev/full): a clear message, nothing written', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'review'));
    symlinkSync('/dev/full', files(dir).log);
    const r = review(dir, ['--now', iso(T0), '--answers', 'A']);
    expect(r.status).toBe(5);
    expect(r.stderr).toContain(`kap: cannot save your answer to ${files(dir).log}: the disk is full (ENOSPC). This answer was not saved.`);
    expect(r.stderr).toContain('set KAP_DATA_DIR to a folder kap can write');
    noBug(r);
    expect(readdirSync(join(dir, 'review'))).toEqual(['log.jsonl']);
  });

  it('a file where the data folder should be', () => {
    const parent = tempDir();
    const file = join(parent, 'data');
    writeFileSync(file, 'not a folder');
    const r = review(file, ['--now', iso(T0), '--answers', 'A']);
    expect(r.status).toBe(5);
    expect(r.stderr).toMatch(/cannot use .+: a file is in the way where a folder should be \((ENOTDIR|EEXIST)\)/);
    noBug(r);
    expect(readFileSync(file, 'utf8')).toBe('not a folder');
    const stats = review(file, ['--stats', '--json', '--now', iso(T0)]);
    expect(stats.status).toBe(0); // reading needs no folder
  });

  it('the schedule path is a folder', () => {
    const dir = withHistory();
    spawnSync('rm', [files(dir).schedule]);
    mkdirSync(files(dir).schedule);
    const r = review(dir, ['--now', iso(T0 + 2 * DAY), '--answers', 'A']);
    expect(r.status).toBe(5);
    expect(r.stderr).toMatch(/a folder is in the way where a file should be \(EISDIR\)/);
    noBug(r);
    expect(logEntries(dir).entries.length).toBe(12);
  });

  // A read-only and a really full file system, each a tmpfs mounted in a user namespace of its own.
  const canMount = spawnSync('unshare', ['-rm', 'sh', '-c', 'mount -t tmpfs -o size=64k tmpfs /tmp && echo ok'], { encoding: 'utf8' }).stdout?.includes('ok');
  const inNamespace = (script: string, env: Record<string, string>) =>
    spawnSync('unshare', ['-rm', 'sh', '-ec', script], { encoding: 'utf8', env: cleanEnv({ ...env, KAP: `${process.execPath} ${BIN}`, TZ: 'UTC', NO_COLOR: '1' }) });

  it.runIf(canMount)('a read-only file system: a clear message; --stats still works', () => {
    const dir = withHistory();
    const mnt = tempDir();
    const r = inNamespace(
      `mount -t tmpfs -o size=1m tmpfs "$M"; cp -a "$D/review" "$M/"; mount -o remount,ro "$M"
       $KAP review --now ${iso(T0 + 2 * DAY)} --answers A > "$OUT/a.out" 2> "$OUT/a.err" || echo "exit=$?" >> "$OUT/a.err"
       $KAP review --stats --json --now ${iso(T0 + 2 * DAY)} > "$OUT/s.out" 2> "$OUT/s.err"`,
      { M: mnt, D: dir, OUT: dir, KAP_DATA_DIR: mnt, KAP_DATA: process.env.KAP_TEST_FIXTURE_DATA! },
    );
    expect(r.status, r.stderr).toBe(0);
    const err = readFileSync(join(dir, 'a.err'), 'utf8');
    expect(err).toContain('the file system is read-only (EROFS)');
    expect(err).toContain('exit=5');
    noBug({ stderr: err });
    expect(JSON.parse(readFileSync(join(dir, 's.out'), 'utf8')).answers).toBe(12);
  });

  it.runIf(canMount)('a disk that fills up between the log and the schedule: the answer is in the log and counted next time', () => {
    const dir = withHistory();
    const mnt = tempDir();
    const r = inNamespace(
      `mount -t tmpfs -o size=256k tmpfs "$M"; cp -a "$D/review" "$M/"; rm -rf "$M/review/backups"
       $KAP review --stats --now ${iso(T0 + 2 * DAY)} > /dev/null 2>&1
       cat /dev/zero > "$M/fill" 2>/dev/null || true
       $KAP review --now ${iso(T0 + 2 * DAY)} --answers A > "$OUT/a.out" 2> "$OUT/a.err" || echo "exit=$?" >> "$OUT/a.err"
       rm "$M/fill"
       $KAP review --stats --json --now ${iso(T0 + 2 * DAY)} > "$OUT/s.out" 2> "$OUT/s.err"`,
      { M: mnt, D: dir, OUT: dir, KAP_DATA_DIR: mnt, KAP_DATA: process.env.KAP_TEST_FIXTURE_DATA! },
    );
    expect(r.status, r.stderr).toBe(0);
    const err = readFileSync(join(dir, 'a.err'), 'utf8');
    noBug({ stderr: err });
    expect(err).toContain('(ENOSPC)');
    const answers = JSON.parse(readFileSync(join(dir, 's.out'), 'utf8')).answers;
    // Either the log took the answer (it fits in the log's last page) and it is counted, or
    // nothing was written at all; the message says which.
    if (err.includes('This answer was not saved')) expect(answers).toBe(12);
    else {
      expect(err).toContain('Your answers are saved in the review log');
      expect(answers).toBe(13);
    }
  });
});

/** Start kap review in the background; resolves with its output when it ends. */
function start(dir: string, args: string[]) {
  const child = spawn(process.execPath, [BIN, 'review', ...args], { env: cleanEnv({ KAP_DATA_DIR: dir, TZ: 'UTC', NO_COLOR: '1' }), stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const done = new Promise<{ status: number | null; signal: string | null }>((res) => child.on('close', (status, signal) => res({ status, signal })));
  return { child, done, out: () => stdout, err: () => stderr };
}

describe('dated backups', () => {
  it('one a day, pruned to the daily/weekly/monthly pattern; each holds the schedule and the log of its day', () => {
    const dir = tempDir();
    const days: string[] = [];
    for (let d = 0; d < 45; d += 1 + (d % 3)) {
      const now = T0 + d * DAY;
      days.push(iso(now).slice(0, 10));
      expect(review(dir, ['--now', iso(now), '--answers', 'A,A'], { content: null }).status).toBe(0);
      review(dir, ['--now', iso(now + 3_600_000), '--answers', 'A'], { content: null }); // a second session the same day: no second backup
    }
    const backups = join(dir, 'review', 'backups');
    const made = readdirSync(backups).sort();
    expect(made).toEqual([...keep(days)].sort());
    expect(made.length).toBeLessThan(days.length);
    const last = made[made.length - 1]!;
    expect(readdirSync(join(backups, last)).sort()).toEqual(['log.jsonl.gz', 'schedule.json']);
    const backedLog = gunzipSync(readFileSync(join(backups, last, 'log.jsonl.gz'))).toString('utf8');
    expect(readFileSync(files(dir).log, 'utf8').startsWith(backedLog)).toBe(true);
    expect(backedLog.trim().split('\n').length).toBeGreaterThan(0);
  }, 120_000);
});

describe('sessions at once', () => {
  it('four sessions answering the whole bank at the same time lose no answer, and skip what another answered first', async () => {
    const dir = tempDir();
    const n = 94;
    // A day apart and started in reverse order: their answers reach the log interleaved and out
    // of time order. (What each asks depends on what the others have answered by its start.)
    const runs = [3, 2, 1, 0].map((i) => start(dir, ['--now', iso(T0 + i * DAY), '--new', String(n), '--answers', answers(2 * n, 'AB'[i % 2])]));
    const ends = await Promise.all(runs.map((r) => r.done));
    ends.forEach((e, i) => expect(e.status, runs[i]!.err()).toBe(0));
    const count = (r: (typeof runs)[number], re: RegExp) => (r.out().match(re) ?? []).length;
    const told = runs.reduce((a, r) => a + count(r, /Comes back /g), 0);
    const log = logEntries(dir);
    expect(log.bad).toBe(0);
    expect(log.entries.length).toBe(told);
    // Every question is answered; one another session answered first is skipped, not asked
    // again, so each session goes through its whole queue, asked or skipped.
    expect(new Set(log.entries.map((e) => e.q)).size).toBeGreaterThanOrEqual(n);
    for (const r of runs) expect(count(r, /Comes back /g) + count(r, /:\sskipped,\s/g), r.out().slice(-1500)).toBe(Number(/Question 1 of (\d+)/.exec(r.out())?.[1]));
    expect(runs.reduce((a, r) => a + count(r, /:\sskipped,\s/g), 0)).toBeGreaterThan(0);
    // The sessions really ran at once: their lines alternate in the log.
    const switches = log.entries.filter((e, i) => i > 0 && e.s !== log.entries[i - 1]!.s).length;
    expect(switches).toBeGreaterThan(3);
    const st = review(dir, ['--stats', '--json', '--now', iso(T0 + 5 * DAY)], { content: null });
    expect(st.json.answers).toBe(told);
    // The snapshot agrees with a rebuild from the log.
    writeFileSync(files(dir).schedule, '');
    const rebuilt = review(dir, ['--stats', '--json', '--now', iso(T0 + 5 * DAY)], { content: null });
    expect(rebuilt.json.totals).toEqual(st.json.totals);
  }, 120_000);
});

describe('kill -9 during saves', () => {
  it('at random moments, many times: the state always loads and loses at most the answer being written', async () => {
    const dir = tempDir();
    const runs = 30;
    // How long one whole session takes here, so that kills land anywhere in one.
    const probe = tempDir();
    const t = Date.now();
    await start(probe, ['--now', iso(T0), '--new', '94', '--answers', answers(94)]).done;
    const whole = Date.now() - t;
    let expected = 0;
    let killedMidSession = 0;
    for (let i = 0; i < runs; i++) {
      const now = T0 + i * DAY;
      const r = start(dir, ['--now', iso(now), '--new', '94', '--answers', answers(94, 'AB'[i % 2])]);
      await new Promise((res) => setTimeout(res, Math.floor(Math.random() * whole)));
      r.child.kill('SIGKILL');
      const end = await r.done;
      if (end.signal === 'SIGKILL') killedMidSession++;
      const acknowledged = (r.out().match(/Comes back /g) ?? []).length;
      const log = logEntries(dir);
      // Every answer whose feedback was shown is in the log; at most one more (being written).
      expect(log.entries.length).toBeGreaterThanOrEqual(expected + acknowledged);
      expect(log.entries.length).toBeLessThanOrEqual(expected + acknowledged + 1);
      expected = log.entries.length;
      const st = review(dir, ['--stats', '--json', '--now', iso(now)], { content: null });
      expect(st.status, st.stderr).toBe(0);
      expect(st.stderr).not.toContain('could not be used');
      expect(st.json.answers).toBe(expected);
    }
    expect(killedMidSession).toBeGreaterThan(runs / 2);
    // No temporary files left behind after the next session cleans up.
    review(dir, ['--now', iso(T0 + runs * DAY), '--answers', 'A'], { content: null });
    expect(readdirSync(join(dir, 'review')).filter((f) => f.includes('.tmp-'))).toEqual([]);
    console.log(`kill -9: ${runs} runs (a whole session takes ${whole} ms), ${killedMidSession} killed mid-session, ${expected} answers kept, none lost`);
  }, 600_000);
});

