/**
 * The first question of a terminal quiz is painted before inquirer loads (prompt-view.ts
 * firstFrame) and inquirer's own first write is then dropped when it is the same frame
 * (output-boundary.ts withPainted). If the two ever differ, the screen is drawn twice: these
 * check that the frame is byte for byte what inquirer writes, at many widths and texts.
 */
import { describe, expect, it } from 'vitest';
import { PassThrough, Writable } from 'node:stream';
import { choicePrompt } from '../../src/quiz/prompt.js';
import { wrapAnsi } from 'fast-wrap-ansi';
import { choiceView, firstFrame, fitsAsIs, type ChoiceConfig } from '../../src/quiz/prompt-view.js';
import { makeTheme } from '../../src/render/theme.js';
import { withPainted } from '../../src/output-boundary.js';

/** What inquirer writes first for the prompt, on a terminal `columns` wide. */
async function inquirerFirstWrite(config: ChoiceConfig, columns: number): Promise<string> {
  const writes: string[] = [];
  const output = Object.assign(new Writable({ write: (c, _e, done) => (writes.push(String(c)), done()) }), { columns, rows: 40, isTTY: true });
  const input = new PassThrough();
  const answer = choicePrompt(config, { input, output: output as unknown as NodeJS.WritableStream });
  await new Promise((r) => setTimeout(r, 5));
  (answer as Promise<number> & { cancel(): void }).cancel();
  await answer.catch(() => {});
  return writes[0]!;
}

const texts = [
  ['Which receptor does ketamine block?', ['NMDA', 'GABA-A', 'Mu-opioid']],
  ['A question long enough to be wrapped at forty columns, and at sixty, with a "quote" and an apostrophe\'s', ['A choice that is itself long enough to need a second line at forty columns', 'Short', 'Another, with café and ✓ in it', 'The fourth one']],
  ['“Curly” quotes – dashes — an ellipsis… ‘and’ ✗ naïve Ærø', ['x² ± ½', 'Zanos & Gould (2018)', 'A very long choice without spaces: aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa']],
  ['🧠 質問：ケタミンはどの受容体を遮断しますか？ mixed with English words', ['NMDA受容体（グルタミン酸受容体の一つ）🧠 the glutamate receptor', 'GABA-A受容体 💤', 'μオピオイド受容体 💊', 'None', 'All']],
] as const;

describe('the first question painted before inquirer loads', () => {
  let asIs = 0;
  for (const color of [false, true])
    for (const [question, choices] of texts)
      it(`is inquirer's first frame (colour ${color}, ${choices.length} choices: ${question.slice(0, 20)})`, async () => {
        const theme = makeTheme(color);
        for (const columns of [20, 24, 39, 40, 41, 43, 44, 45, 60, 80, 100, 200]) {
          const config: ChoiceConfig = { message: `\n${theme.dim('Question 1 of 9 · Topic · easy')}\n${theme.bold(question)}`, choices: [...choices], theme, width: columns };
          const content = choiceView(config, 0, undefined);
          const drawn = await inquirerFirstWrite(config, columns);
          expect(firstFrame(content, columns, wrapAnsi), `${columns} columns`).toBe(drawn);
          // Without inquirer's line breaking: when kap's wrapping already fits the terminal.
          if (fitsAsIs(content, columns)) {
            expect(firstFrame(content, columns), `${columns} columns, as is`).toBe(drawn);
            asIs++;
          }
        }
      });

  it('the frames without inquirer\'s line breaking were among those checked', () => expect(asIs).toBeGreaterThan(20));

  it('a first write that is not the painted frame is drawn over it; later writes pass as they are', () => {
    const writes: string[] = [];
    const s = { write: (c: string) => (writes.push(c), true) } as unknown as NodeJS.WriteStream;
    const out = withPainted(s, 'line 1\nline 2\u001b[7G');
    out.write('line 1\nline 2\u001b[7G');
    out.write('next');
    expect(writes).toEqual(['line 1\nline 2\u001b[7G', 'next']);
    const other: string[] = [];
    const o = withPainted({ write: (c: string) => (other.push(c), true) } as unknown as NodeJS.WriteStream, 'a\nb\u001b[2G');
    o.write('changed');
    expect(other).toEqual(['a\nb\u001b[2G', '\u001b[2K\u001b[1A\u001b[2K\u001b[Gchanged']);
  });
});
