import { describe, expect, expectTypeOf, it } from 'vitest';
import { collect, defineCommand, wholeNumber, type OptsOf } from '../../src/command-def.js';

// The checks that matter here are tsc's (`npm run typecheck` covers test/): every expected
// error below fails the type check if the mismatch it marks were accepted.
describe('defineCommand infers option and argument types from the declarations', () => {
  it('types each option by its flags, choices, parser and default', () => {
    const options = [
      { flags: '--json', description: '' },
      { flags: '--no-shuffle', description: '' },
      { flags: '--in-text', description: '' },
      { flags: '--mode <mode>', description: '', choices: ['practice', 'exam'], default: 'practice' },
      { flags: '--limit <n>', description: '', parse: wholeNumber(1) },
      { flags: '--topic <topic>', description: '', parse: collect },
      { flags: '--tag <tag>', description: '' },
    ] as const;
    type O = OptsOf<typeof options>;
    expectTypeOf<O['json']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<O['shuffle']>().toEqualTypeOf<boolean>();
    expectTypeOf<O['inText']>().toEqualTypeOf<boolean | undefined>();
    expectTypeOf<O['mode']>().toEqualTypeOf<'practice' | 'exam'>();
    expectTypeOf<O['limit']>().toEqualTypeOf<number | undefined>();
    expectTypeOf<O['topic']>().toEqualTypeOf<string[] | undefined>();
    expectTypeOf<O['tag']>().toEqualTypeOf<string | undefined>();
  });

  it('rejects a run that expects other options or arguments than declared', () => {
    const wantsNumber = (_o: { limit?: number }) => {};
    const wantsString = (_o: { limit?: string }) => {};
    const spec = defineCommand({
      name: 't',
      description: '',
      args: [{ syntax: '<words...>', description: '' }, { syntax: '[dir]', description: '' }],
      options: [{ flags: '--limit <n>', description: '', parse: wholeNumber(1) }],
      run: async (c) => {
        wantsNumber(c.opts);
        // @ts-expect-error --limit parses to a number
        wantsString(c.opts);
        // @ts-expect-error no such option declared
        void c.opts.brief;
        expectTypeOf(c.args[0]).toEqualTypeOf<string[]>();
        expectTypeOf(c.args[1]).toEqualTypeOf<string | undefined>();
      },
    });
    expect(spec.name).toBe('t');
    defineCommand({
      name: 'u',
      description: '',
      args: [],
      // @ts-expect-error a choice's value must be a string
      options: [{ flags: '--mode <m>', description: '', choices: [1, 2] }],
      run: async () => {},
    });
  });
});

describe('OptionSpec.meant', () => {
  it('names only options its own command does not have (else the suggestion could never be made)', async () => {
    const { COMMANDS } = await import('../../src/command-table.js');
    const walk = (specs: readonly (typeof COMMANDS)[number][]): [string, string][] =>
      specs.flatMap((c) => [
        ...c.options.flatMap((o) => (o.meant ?? []).filter((m) => c.options.some((p) => p.flags.split(' ')[0] === m)).map((m): [string, string] => [c.name, m])),
        ...walk(c.subcommands ?? []),
      ]);
    expect(walk(COMMANDS)).toEqual([]);
    expect(COMMANDS.some((c) => c.options.some((o) => o.meant?.length))).toBe(true);
  });
});
