import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentTable, readmeTable, replaceTable } from '../../src/cli-docs.js';
import { COMMANDS } from '../../src/command-table.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

describe("the README's command table", () => {
  it('is the one the command definitions make (run `npm run readme` after changing a definition)', () => {
    expect(currentTable(readme)).toBe(readmeTable());
  });

  it('names every visible command and each of its options', () => {
    const table = readmeTable();
    for (const c of COMMANDS.filter((c) => !c.hidden)) {
      expect(table).toContain(`\`kap ${c.name}`);
      for (const o of c.options) expect(table, `${c.name} ${o.flags}`).toContain(o.flags.split(' ')[0]);
    }
    // A definition changed and the README not: the test above fails.
    const changed = COMMANDS.map((c) => (c.name === 'list' ? { ...c, options: [...c.options, { flags: '--new', description: 'x' }] } : c));
    expect(readmeTable(changed)).not.toBe(currentTable(readme));
  });

  it('is replaced between its markers, the rest of the README kept', () => {
    const again = replaceTable(readme, readmeTable());
    expect(again).toBe(replaceTable(again, readmeTable()));
    expect(again.slice(0, 200)).toBe(readme.slice(0, 200));
  });
});
