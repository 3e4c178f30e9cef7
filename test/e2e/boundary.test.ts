/**
 * The output boundary: every command of the command table, and every export, run over packs
 * with every unsafe character (C0 but tab and newline, ESC sequences, DEL, C1, bidi, zero-width)
 * in every field, raw and as YAML/JSON escapes, with colour and without: none of them reaches
 * stdout, stderr, a --out file or a JSON string. Kap's own colour (SGR) is all that may pass.
 */
import { writeFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, type CommandSpec } from '../../src/command-table.js';
import { FORMATS as CITE_FORMATS, STYLES } from '../../src/cite/styles.js';
import { spawnSync } from 'node:child_process';
import { BIN, cleanEnv, kap } from '../helpers/run-kap.js';
import { RAW_ARG, jsonLeaks, leaks, writeBadNamesPack, writeHostilePack, type Mode } from '../helpers/hostile.js';

const SLOW = 300_000;
const STACK = /\n\s+at .+:\d+:\d+/;
const tmp = mkdtempSync(join(tmpdir(), 'kap-boundary-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Every command and subcommand of the table, by its full name ("quiz export"). */
function commandNames(list: readonly CommandSpec[], prefix = ''): string[] {
  return list.flatMap((c) => [`${prefix}${c.name}`, ...commandNames(c.subcommands ?? [], `${prefix}${c.name} `)]);
}
const optionsOf = (name: string): CommandSpec['options'] => {
  let list = COMMANDS;
  let spec: CommandSpec | undefined;
  for (const part of name.split(' ')) list = (spec = list.find((c) => c.name === part))?.subcommands ?? [];
  return spec!.options;
};
const exportFormats = (optionsOf('quiz export').find((o) => o.flags.startsWith('--format'))?.choices ?? []) as string[];

/**
 * How each command shows content. A command added to the table without a line here fails the
 * first test: say how it shows the hostile pack.
 */
const RUNS: Record<string, (out: string) => string[][]> = {
  explain: () => [['explain', 'hostile'], ['explain', 'hostile', '--raw'], ['explain', 'hostile', '--json'], ['explain', 'hostile', '--brief'], ['explain', 'hostile-term'], ['explain', 'hostile-term', '--json']],
  claims: () => [['claims'], ['claims', 'hostile'], ['claims', 'hostile', '--json'], ['claims', '--source', 'hostref2026'], ['claims', '--verdict', 'any']],
  search: () => [['search', 'hostile'], ['search', 'hostile', '--json'], ['search', 'hostile', '--type', 'reference'], ['search', 'hostile', '--type', 'term']],
  list: () => [['list'], ['list', '--source'], ['list', '--json']],
  quiz: (out) => [['quiz', '--topic', 'hostile', '--seed', 'x', '--answers', 'A,B'], ['quiz', '--topic', 'hostile', '--seed', 'x', '--answers', 'A,B', '--json', '--out', join(out, 'results.json'), '--force']],
  // A QTI package is a zip: written only with --out (to stdout it is a usage error).
  'quiz export': (out) => exportFormats.flatMap((f) => [...(f === 'qti' ? [] : [['quiz', 'export', '--topic', 'hostile', '--format', f, '--seed', 'x']]), ['quiz', 'export', '--topic', 'hostile', '--format', f, '--seed', 'x', '--out', join(out, `export.${f}`), '--force', '--title', RAW_ARG]]),
  cite: () => [...STYLES.map((s) => ['cite', 'hostref2026', '--style', s]), ...CITE_FORMATS.map((f) => ['cite', 'hostref2026', '--format', f]), ['cite', 'hostref2026', '--in-text'], ['cite', '--all', '--format', 'html']],
  refs: () => [['refs'], ['refs', '--json'], ['refs', '--topic', 'hostile'], ['refs', '--errata'], ['refs', '--errata', '--json'], ['refs', '--claims', 'hostref2026'], ['refs', '--claims', 'hostref2026', '--json']],
  paths: () => [['paths'], ['paths', '--json']],
  check: () => [], // run on the pack itself below
  // A draft that cites the hostile reference, misspells it and names the hostile topic: the
  // findings quote pack text (corrections, references) and the draft's own.
  lint: (out) => {
    const draft = join(out, 'draft.md');
    writeFileSync(draft, `# Hostile topic ${RAW_ARG}\n\nThe hostile topic is explained here [@hostref2026]. See [@hostref2025] and [@nosuch${RAW_ARG}].\n\nPeople with suicidal thoughts read this.\n`);
    return [['lint', draft], ['lint', '--json', draft], ['lint', '--format', 'sarif', draft]];
  },
  // A first review session in a history folder of its own (the runs set KAP_DATA_DIR to out/).
  review: () => [['review', '--topic', 'hostile', '--answers', 'A', '--now', '2026-12-01'], ['review', '--topic', 'hostile', '--answers', 'A', '--now', '2026-12-02', '--json'], ['review', '--stats'], ['review', '--stats', '--json']],
  help: () => [['help', 'explain'], ['help', 'quiz', 'export']],
  completion: () => [['completion', 'bash'], ['completion', 'zsh'], ['completion', 'fish']],
  __complete: () => [['__complete', '--', 'explain', 'host'], ['__complete', '--', 'cite', 'host']],
};

/** The first run over a pack compiles it: longer than run-kap's limit on a loaded machine. */
function compile(pack: string, cache: string) {
  return spawnSync(process.execPath, [BIN, '--content', pack, 'list'], { env: cleanEnv({ KAP_CACHE_DIR: cache }), encoding: 'utf8', timeout: SLOW });
}

interface Finding {
  run: string;
  where: string;
  leaked: string[];
}

/** Run kap and report every leak on stdout, stderr, JSON strings and --out files. */
function probe(args: string[], env: Record<string, string>, color: boolean): { findings: Finding[]; status: number | null; stderr: string } {
  const r = kap(args, { env });
  const run = `kap ${args.map((a) => (a.length > 30 ? `${a.slice(0, 10)}…` : a)).join(' ')} (${color ? 'colour' : 'no colour'})`;
  const findings: Finding[] = [];
  const add = (where: string, leaked: string[]) => leaked.length && findings.push({ run, where, leaked });
  add('stdout', leaks(r.stdout, color));
  add('stderr', leaks(r.stderr, color));
  if (args.includes('--json') && r.status === 0) add('JSON strings', jsonLeaks(r.stdout));
  const out = args.indexOf('--out');
  if (out >= 0 && r.status === 0) {
    const bytes = readFileSync(args[out + 1]!);
    // A QTI package is a zip: what reaches a reader is its files' text (unzip -p prints them all).
    const file = bytes.subarray(0, 4).toString('latin1') === 'PK\x03\x04' ? spawnSync('unzip', ['-p', args[out + 1]!], { encoding: 'utf8' }).stdout : bytes.toString('utf8');
    add('--out file', leaks(file));
    if (file.trimStart().startsWith('{')) add('--out JSON strings', jsonLeaks(file));
  }
  if (STACK.test(r.stderr)) findings.push({ run, where: 'stderr', leaked: ['a stack trace'] });
  return { findings, status: r.status, stderr: r.stderr };
}

it('every command of the table has its runs here (a new command cannot be forgotten)', () => {
  expect(commandNames(COMMANDS).filter((n) => !RUNS[n])).toEqual([]);
  expect(exportFormats.length).toBeGreaterThan(3);
});

describe.each(['raw', 'escaped'] as Mode[])('a pack with every unsafe character in every field, %s', (mode) => {
  const pack = join(tmp, `pack-${mode}`);
  const out = join(tmp, `out-${mode}`);
  const cache = join(tmp, `cache-${mode}`);
  beforeAll(() => {
    writeHostilePack(pack, mode);
    rmSync(out, { recursive: true, force: true });
    mkdirSync(out, { recursive: true });
    const r = compile(pack, cache);
    expect(r.status, r.stderr).toBe(0);
  }, SLOW);

  it('kap check reports the characters it removed (warnings), with no leak itself', () => {
    for (const color of [false, true]) {
      const p = probe(['check', pack], color ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' }, color);
      expect(p.status, p.stderr).toBe(0);
      expect(p.stderr).toMatch(/hostile\.md:\d+: warning: .*control character U\+/);
      expect(p.findings).toEqual([]);
    }
  });

  it('every command and export, with and without colour: nothing gets through', () => {
    const findings: Finding[] = [];
    let runs = 0;
    for (const name of commandNames(COMMANDS))
      for (const args of RUNS[name]?.(out) ?? [])
        for (const color of [false, true]) {
          const p = probe(['--content', pack, ...args], { KAP_CACHE_DIR: cache, KAP_DATA_DIR: join(out, 'review-data'), ...(color ? { FORCE_COLOR: '1' } : { NO_COLOR: '1' }) }, color);
          runs++;
          // Content is shown (exit 0); kap lint's draft has error findings on purpose (exit 6).
          if (p.status !== 0 && !(args[0] === 'lint' && p.status === 6)) findings.push({ run: args.join(' '), where: `exit ${p.status}`, leaked: [p.stderr.slice(0, 200)] });
          findings.push(...p.findings);
        }
    expect(findings).toEqual([]);
    expect(runs).toBeGreaterThan(80);
  }, SLOW);

  it('the shown text keeps its words: the payload is removed, not the field', () => {
    const r = kap(['--content', pack, 'explain', 'hostile', '--brief'], { env: { KAP_CACHE_DIR: cache } });
    expect(r.stdout).toMatch(/^Hostile topic/);
    expect(r.stdout).toContain('The body starts here.');
    expect(r.stdout).toContain('\u241b'); // ESC shown as ␛, so a reader sees something was there
  });
});

describe('ids, keys and file names carrying the payload', () => {
  it.each(['raw', 'escaped'] as Mode[])('%s: kap check and a command over the pack say what is wrong, without a leak or a forged line', (mode) => {
    const pack = join(tmp, `names-${mode}`);
    writeBadNamesPack(pack, mode);
    expect(compile(pack, join(tmp, 'cache-names')).status).toBe(4);
    for (const args of [['check', pack], ['--content', pack, 'list']]) {
      const p = probe(args, { KAP_CACHE_DIR: join(tmp, 'cache-names'), FORCE_COLOR: '1' }, true);
      expect(p.status).toBe(4);
      expect(p.findings).toEqual([]);
      expect(p.stderr).not.toMatch(/^kap: forged/m);
      expect(p.stderr).toMatch(/must be letters, digits/);
      expect(p.stderr).toMatch(/__proto__: not a CSL field/);
    }
  }, SLOW);
});

describe('arguments echoed back', () => {
  // An argument cannot hold NUL; everything else goes.
  const payload = `${RAW_ARG}\nkap: forged line\r\nforged too`;
  const cases: string[][] = [[payload], ['--width', payload, 'list'], ['--no-such-option', payload], [`--${payload}`], ['help', payload]];
  for (const name of commandNames(COMMANDS)) {
    const words = name.split(' ');
    cases.push([...words, payload], [...words, `--${payload}`]);
    for (const o of optionsOf(name)) if (o.flags.includes('<')) cases.push([...words, o.flags.split(' ')[0]!, payload]);
  }
  it(`${cases.length} command lines with the payload as an argument, an option and an option's value`, () => {
    const findings: Finding[] = [];
    for (const args of cases) {
      const p = probe(args, { FORCE_COLOR: '1' }, true);
      findings.push(...p.findings);
      if (/^(kap: )?forged/m.test(p.stderr)) findings.push({ run: args.join(' '), where: 'stderr', leaked: ['a forged line'] });
      if (p.status === 1) findings.push({ run: args.join(' '), where: 'exit 1', leaked: [p.stderr.slice(0, 200)] });
    }
    expect(findings).toEqual([]);
    expect(cases.length).toBeGreaterThan(40);
  }, SLOW);
});
