/**
 * A module as `kap explain` prints it to a pipe (no colour, 80 columns: decideWidth's default),
 * painted by the compile: such a run reads one text file instead of parsing the module's
 * blocks and wrapping them. Every other width and colour is painted at run time, the same way.
 */
import { paintBlocks } from './blocks.js';
import type { ModuleView } from '../store.js';

export const PIPED_WIDTH = 80;
/** Up to this many modules of a compile get their text (the shipped content, packs): at 10,000 it would add minutes of painting. */
export const MODULE_TEXTS_MAX = 1000;

export const moduleTextFile = (id: string, brief: boolean): string => `modules/${id}${brief ? '.brief' : ''}.txt`;

/** What `kap explain <id>` (and `--brief`) writes at PIPED_WIDTH without colour, as files to write. */
export function moduleTexts(m: ModuleView): [string, string][] {
  const text = (blocks: ModuleView['blocks']) => paintBlocks(blocks.plain, { width: PIPED_WIDTH, color: false }).trimEnd();
  return [
    [moduleTextFile(m.meta.id, false), text(m.blocks)],
    [moduleTextFile(m.meta.id, true), text(m.briefBlocks)],
  ];
}
