/**
 * kap review, the built binary with a fixed clock: a week of daily reviews scheduled as ts-fsrs
 * schedules them; the daily limit; changed questions relearned once, with the reason; history
 * of removed questions kept; --stats, --json, --reset; feedback with help blocks and notice.
 */
import { describe, expect, it } from 'vitest';
import { cpSync, existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createEmptyCard, fsrs, Rating, type Card } from 'ts-fsrs';
import { ROOT } from '../helpers/run-kap.js';
import { FIXTURE_CONTENT, fixtureData } from '../helpers/fixture.js';
import { letterFor, logEntries, predict, readSchedule, review, tempDir } from '../helpers/review.js';

const DAY = 86_400_000;
const T0 = Date.parse('2026-12-01T08:00:00Z');
const iso = (t: number) => new Date(t).toISOString();
/** A copy of a review data folder, to run the same session from it more than once. */
const cpDir = (dir: string) => {
  const to = tempDir();
  cpSync(dir, to, { recursive: true });
  return to;
};

describe('kap review: a week with a fixed clock', () => {
  it('schedules every answer as ts-fsrs does (wrong = Again, right = Good) and keeps the daily limit', () => {
    const dir = tempDir();
    const f = fsrs();
    const ref = new Map<string, Card>();
    let answered = 0;
    for (let day = 0; day < 7; day++) {
      const now = T0 + day * DAY;
      const items = predict(dir, now, 'wk', 4);
      // Day 0: only 4 of the 6 new questions (the limit); later days: what is due, then the rest.
      if (day === 0) expect(items.map((i) => i.question.id)).toEqual(['alpha-01', 'alpha-02', 'beta-01', 'beta-02']);
      const plan = items.map((item, n) => ((day + n) % 3 === 0 ? false : true));
      const letters = items.map((item, n) => letterFor(item, plan[n]!));
      const r = review(dir, ['--now', iso(now), '--seed', 'wk', '--new', '4', '--answers', letters.join(',') || 'A', '--json']);
      expect(r.status, r.stderr).toBe(0);
      expect(r.json.answered.map((a: { id: string }) => a.id)).toEqual(items.map((i) => i.question.id));
      r.json.answered.forEach((a: { id: string; correct: boolean; rating: string; due: number }, n: number) => {
        expect(a.correct).toBe(plan[n]);
        expect(a.rating).toBe(plan[n] ? 'good' : 'again');
        const card = f.next(ref.get(a.id) ?? createEmptyCard(new Date(now)), new Date(now), plan[n] ? Rating.Good : Rating.Again).card;
        ref.set(a.id, card);
        expect(a.due, `${a.id} on day ${day}`).toBe(card.due.getTime());
      });
      answered += items.length;
    }
    const s = readSchedule(dir);
    expect(s.entries).toBe(answered);
    for (const [id, card] of ref) expect(s.cards[id]!.card.due).toBe(card.due.getTime());
    expect(logEntries(dir).entries.length).toBe(answered);
    expect(s.newByDay).toEqual({ '2026-12-01': 4, '2026-12-02': 2 });
  });

  it('shows the notice at the start and on the summary, the quiz feedback, a help block, and when it comes back', () => {
    const dir = tempDir();
    const now = T0;
    const items = predict(dir, now, 's', 10);
    const letters = items.map((i) => letterFor(i, true));
    const r = review(dir, ['--now', iso(now), '--seed', 's', '--answers', letters.join(',')]);
    expect(r.status, r.stderr).toBe(0);
    const notice = 'kap is educational information, not medical advice.';
    expect(r.stdout.indexOf(notice)).toBe(0);
    expect(r.stdout.lastIndexOf(notice)).toBeGreaterThan(r.stdout.indexOf('Reviewed 6: 6 right'));
    expect(r.stdout).toContain('✓ Correct');
    expect(r.stdout).toContain('Read more: kap explain alpha');
    expect(r.stdout).toContain('Comes back in 10 minutes');
    // beta-01 is about suicide: the safety layer's crisis block follows its feedback.
    expect(r.stdout).toContain('If you are thinking about suicide');
  });

  it('--stats (table and --json) before and after; nothing due says when the next is', () => {
    const dir = tempDir();
    const empty = review(dir, ['--stats', '--json', '--now', iso(T0)]);
    expect(empty.status).toBe(0);
    expect(empty.json.totals).toMatchObject({ total: 6, new: 6, learned: 0 });
    const items = predict(dir, T0, 's');
    review(dir, ['--now', iso(T0), '--seed', 's', '--answers', items.map((i) => letterFor(i, true)).join(',')]);
    review(dir, ['--now', iso(T0 + 600_000), '--seed', 's', '--answers', predict(dir, T0 + 600_000, 's').map((i) => letterFor(i, true)).join(',')]);
    const st = review(dir, ['--stats', '--json', '--now', iso(T0 + 700_000)]);
    expect(st.json.totals).toMatchObject({ new: 0, due: 0, learned: 6 });
    expect(st.json.dueThisWeek).toBe(6);
    const table = review(dir, ['--stats', '--now', iso(T0 + 700_000)]).stdout;
    expect(table).toMatch(/Alpha receptor basics\s+██████████\s+0\s+0\s+0\s+2/);
    expect(table).toContain('Due today: 0 · this week: 6');
    const none = review(dir, ['--now', iso(T0 + 700_000), '--answers', 'A']);
    expect(none.status).toBe(0);
    expect(none.stdout).toMatch(/Nothing to review now: the next question is due in \d+ days/);
  });

  it('--topic, --retention and --now are checked', () => {
    const dir = tempDir();
    expect(review(dir, ['--topic', 'bta', '--answers', 'A']).stderr).toContain('Did you mean: beta?');
    const bad = review(dir, ['--retention', '1.5']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('expected a number from 0.70 to 0.99');
    expect(review(dir, ['--now', 'yesterday', '--answers', 'A']).stderr).toContain('--now: "yesterday" is not a date');
    // An answer no question could take: refused before anything is shown or recorded.
    expect(review(dir, ['--now', iso(T0), '--answers', 'A,Z'])).toMatchObject({ status: 2, stdout: '', stderr: expect.stringContaining('answer 2 "Z" is not one of A, B, C, D, E (or 1-5)') });
    const topic = review(dir, ['--topic', 'beta', '--now', iso(T0), '--answers', 'A', '--json', '--retention', '0.95']);
    expect(topic.json.answered[0].id).toBe('beta-01');
    expect(logEntries(dir).entries[0]!.r).toBe(0.95);
  });

  it('--reset asks in a terminal, refuses without --yes otherwise, and keeps the old history', () => {
    const dir = tempDir();
    review(dir, ['--now', iso(T0), '--answers', 'A,B']);
    const refused = review(dir, ['--reset']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('Add --yes');
    expect(logEntries(dir).entries.length).toBe(2);
    const done = review(dir, ['--reset', '--yes']);
    expect(done.status).toBe(0);
    const to = /moved to (\S+)/.exec(done.stderr)![1]!;
    expect(readdirSync(to).sort()).toEqual(['log.jsonl', 'schedule.json']);
    expect(review(dir, ['--stats', '--json']).json.answers).toBe(0);
  });
});

describe('kap review: questions that change', () => {
  it('a cosmetic edit keeps the history; a new key or weaker evidence means relearn, said once; removed questions are counted', () => {
    const dir = tempDir();
    // The fixture as compiled, answered twice (learned), then an edited copy of it.
    const r1 = predict(dir, T0, 's');
    review(dir, ['--now', iso(T0), '--seed', 's', '--answers', r1.map((i) => letterFor(i, true)).join(',')]);
    review(dir, ['--now', iso(T0 + 600_000), '--seed', 's', '--answers', predict(dir, T0 + 600_000, 's').map((i) => letterFor(i, true)).join(',')]);
    const src = join(tempDir(), 'content');
    cpSync(FIXTURE_CONTENT, src, { recursive: true });
    const quiz = join(src, 'quiz', 'alpha.yaml');
    // alpha-01: the key moves to another choice. beta-01: case and punctuation only.
    writeFileSync(quiz, readFileSync(quiz, 'utf8').replace('    - text: Receptor structure\n      correct: true\n    - text: The drug\'s effect on mood\n      why: The paper does not study the drug.', '    - text: Receptor structure\n      why: Changed.\n    - text: The drug\'s effect on mood\n      correct: true'));
    const beta = join(src, 'quiz', 'beta.yaml');
    const betaText = readFileSync(beta, 'utf8');
    writeFileSync(beta, betaText.replace('What does the label say about preventing suicide: is it shown?', 'what does the label say about preventing suicide - is it shown').replace(/- id: beta-04[\s\S]*$/, ''));
    // alpha-02 rests on claim alpha-block (li2010): its certainty goes from low to moderate.
    const mod = join(src, 'modules', 'alpha.md');
    writeFileSync(mod, readFileSync(mod, 'utf8').replace('design: preclinical\n    certainty: low', 'design: preclinical\n    certainty: moderate'));
    const data = join(tempDir(), 'data');
    execFileSync(process.execPath, [join(ROOT, 'dist', 'build-content.mjs'), src, data], { stdio: 'pipe' });

    const later = T0 + 20 * DAY;
    const items = predict(dir, later, 's', 10, data);
    expect(items.slice(0, 2).map((i) => `${i.question.id}:${i.kind}`)).toEqual(['alpha-01:changed', 'alpha-02:changed']);
    expect(items.find((i) => i.question.id === 'beta-01')!.kind).toBe('due');
    const r = review(dir, ['--now', iso(later), '--seed', 's', '--answers', items.map((i) => letterFor(i, true)).join(','), '--json'], { content: data });
    expect(r.status, r.stderr).toBe(0);
    const said = r.stderr.replace(/\s+/g, ' ');
    expect(said).toContain('changed: relearn: its answer changed.');
    expect(said).toContain('changed: relearn: the certainty of claim alpha-block changed from low to moderate.');
    expect(said.match(/changed: relearn/g)!.length).toBe(2);
    const a1 = r.json.answered.find((a: { id: string }) => a.id === 'alpha-01');
    expect(a1.due - later).toBe(10 * 60_000); // relearned from a new card
    const b1 = r.json.answered.find((a: { id: string }) => a.id === 'beta-01');
    expect(b1.kind).toBe('due');
    expect(b1.due - later).toBeGreaterThan(DAY); // its history kept
    const again = review(dir, ['--now', iso(later + 600_000), '--seed', 's', '--answers', predict(dir, later + 600_000, 's', 10, data).map((i) => letterFor(i, true)).join(',')], { content: data });
    expect(again.stdout + again.stderr).not.toContain('changed: relearn');
    const st = review(dir, ['--stats', '--json', '--now', iso(later + 700_000)], { content: data });
    expect(st.json.removed).toEqual({ questions: 1, answers: 2, ids: ['beta-04'] });
    expect(review(dir, ['--stats', '--now', iso(later + 700_000)], { content: data }).stdout).toContain('No longer in the bank: 1 question (their 2 answers are kept)');
    expect(existsSync(join(dir, 'review', 'backups'))).toBe(true);
  });
});

describe('kap review: fingerprints from the compile', () => {
  it('are what it reads (a changed one means relearn); a folder without them is hashed at run time, to the same screens', () => {
    const dir = tempDir();
    review(dir, ['--now', iso(T0), '--seed', 's', '--answers', predict(dir, T0, 's').map((i) => letterFor(i, true)).join(',')]);
    const copy = (edit: (file: string) => void) => {
      const data = join(tempDir(), 'data');
      cpSync(fixtureData(), data, { recursive: true });
      edit(join(data, 'review-fp.json'));
      return data;
    };
    const without = copy((f) => rmSync(f));
    const tampered = copy((f) => writeFileSync(f, readFileSync(f, 'utf8').replace(/"h":"[^"]*"/g, '"h":"x"').replace(/"key":"[^"]*"/g, '"key":"x"')));
    const later = T0 + 20 * DAY;
    const run = (content: string) => review(cpDir(dir), ['--now', iso(later), '--seed', 's', '--answers', 'A,A,A,A,A,A,A,A'], { content });
    const a = run(fixtureData());
    const b = run(without);
    expect(a.status, a.stderr).toBe(0);
    expect(a.stdout).toContain('Question 1 of');
    expect(b.stdout).toBe(a.stdout);
    // The copies' folders (named in the "log was replaced" line: a copy is a new file) differ.
    const folders = (t: string) => t.replace(/kap-review-\w+/g, 'kap-review-X');
    expect(folders(b.stderr)).toBe(folders(a.stderr));
    expect(a.stdout + a.stderr).not.toContain('changed: relearn');
    const t = run(tampered);
    expect((t.stdout + t.stderr).replace(/\s+/g, ' ')).toContain('changed: relearn: its answer changed');
  });
});

