import { describe, expect, it } from 'vitest';
import { quickParse } from '../../src/argv.js';
import { COMMANDS, GLOBAL_OPTIONS, type Call, type CommandSpec, type OptionSpec } from '../../src/command-table.js';
import { buildProgram } from '../../src/program.js';
import type { Io } from '../../src/cli.js';

/** What commander makes of a command line: the command it runs and its call, or undefined on an error/help. */
async function viaCommander(argv: string[]): Promise<{ name: string; call: Call } | undefined> {
  const quiet = { write: () => true };
  const io = { argv, env: {}, stdout: quiet, stderr: quiet, stdinIsTTY: () => false, bundleDir: '', home: () => '' } as Io;
  let got: { name: string; call: Call } | undefined;
  try {
    await buildProgram(io, async (command, call) => void (got = { name: command.name, call })).parseAsync(argv, { from: 'user' });
  } catch {
    return undefined;
  }
  return got;
}

/** JSON with keys in order: the parsers may set the same options in another order. */
const canonical = (v: unknown): string =>
  JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => (a < b ? -1 : 1))) : x));

const quick = (argv: string[]) => {
  const q = quickParse(argv);
  return q && { name: q.command.name, call: q.call };
};

/** Values worth trying for an option: valid ones, invalid ones, one that looks like an option. */
function valuesFor(o: OptionSpec): string[] {
  if (!o.flags.includes('<')) return [];
  return [...(o.choices?.slice(0, 2) ?? ['5', 'abc']), '0', '101', '-x', ''];
}

/** Command lines built from the table: each option alone and in pairs, in every position, both `--x v` and `--x=v`. */
function commandLines(): string[][] {
  const lines: string[][] = [];
  const forms = (o: OptionSpec): string[][] => {
    const long = o.flags.split(' ')[0]!;
    const vs = valuesFor(o);
    if (!vs.length) return [[long], [`${long}=1`]];
    return [...vs.map((v) => [long, v]), ...vs.map((v) => [`${long}=${v}`]), [long]];
  };
  for (const c of COMMANDS as CommandSpec[]) {
    const argSets = [[], ['nmda'], ['furukawa', '2005'], ['explain'], ['-'], ['-', 'x']];
    const options = [...c.options, ...GLOBAL_OPTIONS];
    for (const args of argSets) {
      lines.push([c.name, ...args]);
      for (const o of options)
        for (const f of forms(o)) {
          lines.push([c.name, ...args, ...f], [c.name, ...f, ...args], [...f, c.name, ...args]);
          for (const o2 of options.slice(0, 4)) for (const f2 of forms(o2).slice(0, 2)) lines.push([c.name, ...f, ...args, ...f2]);
        }
    }
    lines.push([c.name, '--', 'x'], [c.name, '-h'], [c.name, 'x', '--help'], [c.name, '--unknown'], ['help', c.name], [c.name, '-x']);
    // A subcommand: its options, the parent's and the global ones, before and after its name.
    for (const sub of c.subcommands ?? []) {
      const subOptions = [...sub.options, ...c.options, ...GLOBAL_OPTIONS];
      for (const args of [[], ['x']]) {
        lines.push([c.name, sub.name, ...args], [c.name, ...args, sub.name], [sub.name, c.name]);
        for (const o of subOptions)
          for (const f of forms(o)) {
            lines.push([c.name, sub.name, ...args, ...f], [c.name, ...f, sub.name, ...args], [...f, c.name, sub.name, ...args]);
            for (const o2 of subOptions.filter((_, i) => i % 3 === 0)) for (const f2 of forms(o2).slice(0, 2)) lines.push([c.name, ...f, sub.name, ...f2], [c.name, sub.name, ...f, ...f2]);
          }
      }
      lines.push([c.name, sub.name, '--help'], [c.name, sub.name, '--', 'x'], [c.name, sub.name, sub.name]);
    }
  }
  lines.push([], ['--version'], ['-V'], ['explian', 'x'], ['quiz', 'export'], ['--no-color'], ['--width', '40']);
  return lines;
}

describe('quick argv parser', () => {
  it('agrees with commander on every command line it parses, and parses the common ones', async () => {
    const lines = commandLines();
    let parsed = 0;
    const disagreements: string[] = [];
    for (const argv of lines) {
      const q = quick(argv);
      if (!q) continue;
      parsed++;
      const c = await viaCommander(argv);
      if (canonical(c) !== canonical(q)) disagreements.push(`${argv.join(' ')}\n  quick:     ${JSON.stringify(q)}\n  commander: ${JSON.stringify(c)}`);
    }
    expect(disagreements.slice(0, 5)).toEqual([]);
    // Not vacuous: most generated lines are ordinary ones it must take.
    expect(lines.length).toBeGreaterThan(2000);
    expect(parsed).toBeGreaterThan(4000);
  });

  it('parses what people type most', () => {
    expect(quick(['explain', 'glutamate'])).toEqual({
      name: 'explain',
      call: { args: [['glutamate']], opts: {}, globals: { color: true, pager: true }, parentOpts: {} },
    });
    expect(quick(['--no-color', 'search', 'why', 'so', 'fast', '--limit=3', '--width', '60'])).toEqual({
      name: 'search',
      call: { args: [['why', 'so', 'fast']], opts: { limit: 3 }, globals: { color: false, width: 60, pager: true }, parentOpts: {} },
    });
    expect(quick(['cite', 'furukawa2005', '--in-text', '--content', 'a', '--content', 'b'])?.call).toEqual({
      args: [['furukawa2005']], opts: { style: 'apa', format: 'text', inText: true }, globals: { color: true, content: ['a', 'b'], pager: true }, parentOpts: {},
    });
    expect(quick(['list'])?.name).toBe('list');
    // kap quiz and its export: without commander (~4 ms) and with the parent's options as commander hands them over.
    expect(quick(['quiz', '--seed', 'x', '--answers', 'B,A'])).toEqual({
      name: 'quiz',
      call: { args: [], opts: { seed: 'x', answers: 'B,A', shuffle: true, mode: 'practice', pause: true }, globals: { color: true, pager: true }, parentOpts: {} },
    });
    expect(quick(['quiz', 'export', '--format', 'gift', '--seed', 'x', '--no-shuffle'])).toEqual({
      name: 'export',
      call: { args: [], opts: { format: 'gift', title: 'kap quiz' }, globals: { color: true, pager: true }, parentOpts: { seed: 'x', shuffle: false, mode: 'practice', pause: true } },
    });
  });

  it('leaves help, version, errors and unusual forms to commander', () => {
    for (const argv of [[], ['--help'], ['explain', '-h'], ['help', 'search'], ['-V'], ['--version'], ['explian', 'x'], ['explain'],
      ['search', 'x', '--limit', '0'], ['search', 'x', '--type', 'book'], ['search', '--', '--json'], ['list', 'extra'],
      ['list', '--brief'], ['explain', 'x', '--json=1'], ['quiz', 'x'], ['quiz', '--format', 'gift', 'export'], ['quiz', 'export', 'x'],
      ['quiz', 'export', '--mode', 'nope'], ['search', 'x', '--tag', '-y']])
      expect(quickParse(argv), argv.join(' ')).toBeUndefined();
  });
});

describe('the command table', () => {
  it('uses only option syntax the quick parser reads: --long or --long <value>', () => {
    const all = [...GLOBAL_OPTIONS, ...COMMANDS.flatMap((c) => [...c.options, ...(c.subcommands ?? []).flatMap((s) => s.options)])];
    for (const o of all) expect(o.flags, o.flags).toMatch(/^--[a-z][a-z-]*( <[a-z]+>)?$/);
  });
});

describe('choices spelled out in the command table (so the core loads nothing else)', () => {
  it('search --type offers exactly the document types the index has', async () => {
    const { DOC_TYPES } = await import('../../src/search/documents.js');
    const type = COMMANDS.find((c) => c.name === 'search')!.options.find((o) => o.flags.startsWith('--type'))!;
    expect([...type.choices!].sort()).toEqual([...DOC_TYPES].sort());
  });
});
