/** kap quiz export --json: what was exported, for scripts; the export itself unchanged. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kap } from '../helpers/run-kap.js';
import { fixtureData } from '../helpers/fixture.js';

const fx = { env: { KAP_DATA: fixtureData() } };

describe('kap quiz export --json', () => {
  it('to stdout: the format, seed, question ids, warnings and the text itself', () => {
    const plain = kap(['quiz', 'export', '--format', 'gift', '--seed', 'x'], fx);
    const r = kap(['quiz', 'export', '--format', 'gift', '--seed', 'x', '--json'], fx);
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ format: 'gift', seed: 'x', title: 'kap quiz', files: [] });
    expect(j.questions.length).toBeGreaterThan(0);
    expect(j.content.trimEnd()).toBe(plain.stdout.trimEnd());
  });
  it('with --out: the files written, no content; Aiken says what it cannot hold', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'kap-export-json-')), 'q.txt');
    const r = kap(['quiz', 'export', '--format', 'aiken', '--seed', 'x', '--out', out, '--json'], fx);
    expect(r.status, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.content).toBeUndefined();
    expect(j.files[0]).toBe(out);
    expect(j.warnings.join(' ')).toMatch(/notice/);
    expect(readFileSync(out, 'utf8')).toMatch(/^ANSWER: [A-E]$/m);
  });
});
