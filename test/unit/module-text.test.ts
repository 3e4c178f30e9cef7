/**
 * The texts the compile paints for a piped `kap explain` (render/module-text.ts) are what the
 * run would paint itself: every shipped module, with --brief and without.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { paintBlocks } from '../../src/render/blocks.js';
import { moduleTextFile, PIPED_WIDTH } from '../../src/render/module-text.js';
import { readModuleView } from '../../src/store.js';
import { decideWidth } from '../../src/terminal.js';
import { ROOT } from '../helpers/run-kap.js';

const data = `${ROOT}dist/content`;

describe('module texts painted by the compile', () => {
  it('are the run-time paint of every shipped module at the width of a pipe', () => {
    expect(decideWidth(undefined, { isTTY: false, env: {} })).toBe(PIPED_WIDTH);
    const ids = readdirSync(`${data}/modules`).filter((f) => f.endsWith('.data.json')).map((f) => f.slice(0, -'.data.json'.length));
    expect(ids.length).toBeGreaterThan(20);
    for (const id of ids) {
      const m = readModuleView(data, id);
      for (const brief of [false, true]) {
        const painted = paintBlocks((brief ? m.briefBlocks : m.blocks).plain, { width: PIPED_WIDTH, color: false }).trimEnd();
        expect([id, brief, readFileSync(`${data}/${moduleTextFile(id, brief)}`, 'utf8')]).toEqual([id, brief, painted]);
      }
    }
  });
});
