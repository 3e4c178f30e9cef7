/** The output boundary's pure parts, and a guard that no source writes around it. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { clean, cleanDeep, oneLine, scrub, toJson } from '../../src/text/sanitize.js';
import { guardStreams, promptStream } from '../../src/output-boundary.js';
import { commanderMessage } from '../../src/program.js';
import { markdownAsText } from '../../src/content/markdown-text.js';
import { environmentError, ExitCode } from '../../src/errors.js';
import { RAW, UNSAFE_POINTS, leaks } from '../helpers/hostile.js';
import { ROOT } from '../helpers/run-kap.js';

describe('sanitize', () => {
  it('clean removes every unsafe code point and shows ESC as ␛; tab and newline stay', () => {
    const s = clean(`a\tb\n${RAW}`);
    expect(leaks(s)).toEqual([]);
    expect(s).toContain('a\tb\n');
    expect(s).toContain('\u241b');
    for (const n of UNSAFE_POINTS) expect(leaks(clean(String.fromCodePoint(n)))).toEqual([]);
  });
  it('scrub keeps only the SGR colours kap uses, and only when asked', () => {
    const kapColour = '\u001b[1mbold\u001b[22m \u001b[36mcyan\u001b[39m \u001b[0m';
    expect(scrub(kapColour, 'sgr')).toBe(kapColour);
    expect(scrub(kapColour, 'none')).not.toContain('\u001b');
    expect(scrub('\u001b[5mblink\u001b[8mhidden\u001b[2J\u001b]0;t\u0007', 'sgr')).not.toContain('\u001b');
    expect(scrub('\u001b[1m\u001b]8;;https://x\u001b\\link', 'sgr')).toBe('\u001b[1m␛]8;;https://x␛\\link');
    expect(scrub('\u001b[2K\u001b[1A\u001b[?25l \u001b]0;t\u0007 \u009b2J', 'csi')).toBe('\u001b[2K\u001b[1A\u001b[?25l ␛]0;t 2J');
  });
  it('oneLine shows line breaks instead of obeying them', () => {
    expect(oneLine('a\nkap: forged\r\nb\rc\u2028d')).toBe('a␤kap: forged␤b␤c␤d');
  });
  it('cleanDeep and toJson: every string and key, prototype keys dropped', () => {
    const v = JSON.parse('{"a\\u001b":"x\\u001b[2J","__proto__":{"p":1},"l":["\\u202e",1,null]}');
    expect(cleanDeep(v)).toEqual({ 'a␛': 'x␛[2J', l: ['', 1, null] });
    expect(toJson(v)).not.toMatch(/\\u00|\u202e/);
  });
});

describe('the boundary', () => {
  it('wraps writes; colour passes only once decided on', () => {
    const seen: string[] = [];
    const w = { write: (s: string) => void seen.push(s), isTTY: true, columns: 99 };
    const b = guardStreams(w, w);
    b.stdout.write('\u001b[1mx\u001b[22m\u001b]0;t\u0007');
    b.setColor(true);
    b.stderr.write('\u001b[1mx\u001b[22m\u001b]0;t\u0007');
    expect(seen).toEqual(['␛[1mx␛[22m␛]0;t', '\u001b[1mx\u001b[22m␛]0;t']);
    expect(b.stdout.isTTY).toBe(true);
    expect(b.stdout.columns).toBe(99);
  });
  it('promptStream scrubs what the prompt library writes, keeping its cursor moves', () => {
    const seen: string[] = [];
    const fake = { write: (s: string) => (seen.push(s), true), columns: 80 } as unknown as NodeJS.WriteStream;
    const p = promptStream(fake);
    p.write('\u001b[2K\u001b[G? \u001b]0;t\u0007\u202e');
    expect(seen).toEqual(['\u001b[2K\u001b[G? ␛]0;t']);
    expect(p.columns).toBe(80);
  });
  it("commander's message: one line, its own suggestion kept", () => {
    expect(commanderMessage("error: unknown command 'x\nkap: forged'\n(Did you mean list?)\n")).toBe("kap: unknown command 'x␤kap: forged'\n(Did you mean list?)\n");
    expect(commanderMessage("error: unknown option '--a\u001b[2J'\n")).toBe("kap: unknown option '--a␛[2J'\n");
  });
  it('faults of the machine are exit 5, naming the path; other errors are not', () => {
    const e = Object.assign(new Error('x'), { code: 'ENOSPC', syscall: 'write', path: '/tmp/f' });
    expect(environmentError(e)).toMatchObject({ exitCode: ExitCode.Environment, message: 'cannot write /tmp/f: the disk is full (ENOSPC)' });
    expect(environmentError(Object.assign(new Error('x'), { code: 'EROFS', syscall: 'mkdir', path: '/m' }))?.message).toBe('cannot create the folder /m: the file system is read-only (EROFS)');
    expect(environmentError(new TypeError('bug'))).toBeUndefined();
  });
});

describe('raw HTML in Markdown is text', () => {
  it('tags, comments and unsafe character references; not code, fences or autolinks', () => {
    const md = ['a <script>x</script> <img src=x> <!-- c --> </div> <?php ?> <https://e.org> <a@b.c> &#x1b;[2J &#8238; &rlm; &amp; &#x41;', '`<b>code</b>`', '```', '<script>fenced</script>', '```', 'after <b>'].join('\n');
    expect(markdownAsText(md)).toBe(['a &lt;script>x&lt;/script> &lt;img src=x> &lt;!-- c --> &lt;/div> &lt;?php ?> <https://e.org> <a@b.c> [2J   &amp; &#x41;', '`<b>code</b>`', '```', '<script>fenced</script>', '```', 'after &lt;b>'].join('\n'));
  });
});

describe('nothing writes around the boundary', () => {
  const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : e.name.endsWith('.ts') ? [join(dir, e.name)] : []));
  const src = files(join(ROOT, 'src')).map((f) => [f.slice(ROOT.length), readFileSync(f, 'utf8')] as const);
  it('process.stdout/stderr, console and fd writes only in the files that build the boundary', () => {
    // main.ts opens the real streams (handed to cli.ts, which wraps them); output.ts writes them;
    // the quiz gives its prompts promptStream(process.stdout); the compiler is a separate program
    // whose stderr kap parses and re-reports.
    const allowed = new Set(['src/main.ts', 'src/output.ts', 'src/commands/quiz.ts', 'src/commands/review.ts', 'src/build-content.ts']);
    const offenders = src.filter(([f, t]) => !allowed.has(f) && /process\.(stdout|stderr)|console\.(log|error|warn|info)|writeSync\(\s*[12]\b/.test(t)).map(([f]) => f);
    expect(offenders).toEqual([]);
    expect(readFileSync(join(ROOT, 'src/commands/quiz.ts'), 'utf8')).toMatch(/promptStream\(toStderr \? process\.stderr : process\.stdout\)/);
    // kap review's prompts too: every process stream it names is inside promptStream().
    const review = readFileSync(join(ROOT, 'src/commands/review.ts'), 'utf8');
    expect(review).toMatch(/promptStream\(process\.stderr\)/);
    expect(review.replace(/promptStream\([^()]*\)/g, '')).not.toMatch(/process\.(stdout|stderr)/);
  });
  it('commands print JSON with ctx.json (strings cleaned), never JSON.stringify of their own', () => {
    expect(src.filter(([f, t]) => f.startsWith('src/commands/') && /JSON\.stringify/.test(t)).map(([f]) => f)).toEqual([]);
  });
  it('files for the user are written by atomic-write.ts (scrubbed) only', () => {
    expect(src.filter(([f, t]) => f.startsWith('src/commands/') && /writeFileSync|createWriteStream|appendFileSync/.test(t)).map(([f]) => f)).toEqual([]);
  });
});
