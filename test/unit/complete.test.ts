import { describe, expect, it } from 'vitest';
import { complete, contentFlags } from '../../src/completion/complete.js';
import { COMMANDS, GLOBAL_OPTIONS } from '../../src/command-table.js';

const names = { topics: (typed: string[]) => (typed.length ? (typed.join(' ') === 'nmda' ? ['receptor'] : []) : ['glutamate', 'glumate', 'gaba', 'nmda']), modules: () => ['glutamate', 'dissociation'], references: () => ['furukawa2005', 'zanos2018'] };
const at = (line: string) => complete(line.split(' '), COMMANDS, GLOBAL_OPTIONS, names);

describe('complete: candidates at the cursor', () => {
  it('commands (not hidden ones), then subcommands', () => {
    expect(at('').words).toEqual(['check', 'cite', 'claims', 'completion', 'explain', 'help', 'lint', 'list', 'paths', 'quiz', 'refs', 'review', 'search']);
    expect(at('quiz ').words).toEqual(['export']);
    expect(at('--no-color ex').words).toEqual(['explain']);
  });
  it("a command's options and the global ones", () => {
    expect(at('list --').words).toEqual(['--content', '--help', '--json', '--no-color', '--no-pager', '--source', '--width']);
  });
  it('option values: choices, values, content names; skipping values already given', () => {
    expect(at('quiz --mode ').words).toEqual(['exam', 'practice', 'present']);
    expect(at('quiz --mode=pr').words).toEqual(['--mode=practice', '--mode=present']);
    expect(at('quiz --mode = e').words).toEqual(['exam']);
    expect(at('claims --verdict p').words).toEqual(['partly-supported']);
    expect(at('refs --claims z').words).toEqual(['zanos2018']);
    expect(at('quiz --seed x --topic d').words).toEqual(['dissociation']);
    expect(at('--width 40 explain g').words).toEqual(['gaba', 'glumate', 'glutamate']);
    expect(at('explain --json glu').words).toEqual(['glumate', 'glutamate']);
  });
  it('arguments: topics for explain (every word), references for cite, file names for check', () => {
    expect(at('explain nmda r').words).toEqual(['receptor']);
    expect(at('explain gaba g').words).toEqual([]);
    expect(at('cite fur').words).toEqual(['furukawa2005']);
    expect(at('check ')).toEqual({ words: [], files: 'dirs' });
    expect(at('quiz export --out ')).toEqual({ words: [], files: 'files' });
    expect(at('completion ').words).toEqual(['bash', 'fish', 'zsh']);
    expect(at('help quiz ').words).toEqual(['export']);
    expect(at('list ').words).toEqual([]);
  });
  it('finds the packs named on the line', () => {
    expect(contentFlags(['--content', 'a', 'explain', '--content=b', 'x'])).toEqual(['a', 'b']);
    expect(contentFlags(['--content', 'a'])).toEqual([]);
  });
});
