/**
 * What kap review reads instead of working out on every run: the compile's fingerprints
 * (review-fp.json) equal the ones hashed from the compiled bank and claims, a file that cannot
 * answer for every question is not used, and the summary's date is the one ICU would write.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../helpers/run-kap.js';
import { claimsByModule, fingerprint, fingerprintsFile } from '../../src/review/fingerprint.js';
import { FP_FILE, compiledFingerprints } from '../../src/review/fingerprints-file.js';
import { dateTime } from '../../src/review/view.js';

const content = join(ROOT, 'dist', 'content');
const read = (f: string) => JSON.parse(readFileSync(join(content, f), 'utf8'));

describe('review-fp.json', () => {
  const questions = read('quiz.json').questions;
  const byModule = claimsByModule(read('claims.json').claims);
  const hashed = questions.map((q: any) => fingerprint(q, byModule.get(q.module)));

  it('the built content has every question fingerprinted as kap review would hash it', () => {
    const text = readFileSync(join(content, FP_FILE), 'utf8');
    expect(questions.length).toBeGreaterThan(100);
    expect(compiledFingerprints(text, questions)).toEqual(hashed);
    // Any order of the bank (a --topic bank is a subset, in its own order).
    const some = [questions[5], questions[0], questions[77]];
    expect(compiledFingerprints(text, some)).toEqual([hashed[5], hashed[0], hashed[77]]);
  });

  it('is not used when it cannot answer for every question', () => {
    const good = fingerprintsFile(questions.slice(0, 3), read('claims.json').claims);
    expect(compiledFingerprints(good, questions.slice(0, 3))).toEqual(hashed.slice(0, 3));
    expect(compiledFingerprints(good, questions.slice(0, 4))).toBeUndefined();
    expect(compiledFingerprints(undefined, questions)).toBeUndefined();
    expect(compiledFingerprints('{"version":1,"fps":', questions)).toBeUndefined();
    expect(compiledFingerprints(good.replace('"version":1', '"version":2'), questions.slice(0, 3))).toBeUndefined();
    expect(compiledFingerprints('{"version":1,"fps":null}', questions.slice(0, 1))).toBeUndefined();
    expect(compiledFingerprints(`{"version":1,"fps":{"${questions[0].id}":{"h":1}}}`, questions.slice(0, 1))).toBeUndefined();
    // An entry without what changeReasons reads (its sources, its evidence) is not used either.
    expect(compiledFingerprints(`{"version":1,"fps":{"${questions[0].id}":{"h":"x","stem":"s","key":"k","sources":[]}}}`, questions.slice(0, 1))).toBeUndefined();
    // An id like a property of every object is not taken for a fingerprint.
    expect(compiledFingerprints(good, [{ id: 'constructor' }])).toBeUndefined();
  });
});

describe('the summary date', () => {
  const icu = (ms: number) => new Date(ms).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

  it('is what ICU writes for en-GB, in every month, hour and minute, in several time zones', () => {
    const tz = process.env.TZ;
    try {
      for (const zone of ['UTC', 'Europe/London', 'America/New_York', 'Asia/Kolkata', 'Pacific/Chatham']) {
        process.env.TZ = zone;
        for (let i = 0; i < 2000; i++) {
          // Spread over 1990-2090, minutes included.
          const ms = Date.UTC(1990, 0, 1) + Math.floor(((i * 7919) % 2000) / 2000 * 100 * 365.25 * 86_400_000) + i * 60_000;
          expect(dateTime(ms), `${zone} ${new Date(ms).toISOString()}`).toBe(icu(ms));
        }
      }
    } finally {
      if (tz === undefined) delete process.env.TZ;
      else process.env.TZ = tz;
    }
  });

  it('outside years 1000-9999 is what ICU writes, by ICU', () => {
    const ms = Date.UTC(12026, 0, 6, 23, 59);
    expect(dateTime(ms)).toBe(icu(ms));
  });
});
