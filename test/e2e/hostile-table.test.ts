/**
 * The hostile-input table: content, arguments, terminals, signals, file types, disks and
 * concurrency, each case a run of the real binary. Every outcome is tallied (crashes, stack
 * traces, escape leaks, wrong or stale content, lost data) and the last test prints the counts.
 * Disks are simulated without root's immunity: /dev/full, a tiny tmpfs or a read-only mount in
 * a private mount namespace (unshare -m), a file where a folder is expected, and runs as
 * `nobody` (setpriv) for permissions.
 */
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, cleanEnv, kap, sh, type RunResult } from '../helpers/run-kap.js';
import { FIXTURE_CONTENT } from '../helpers/fixture.js';
import { RAW_ARG, leaks } from '../helpers/hostile.js';
import { which } from '../helpers/oracle.js';

const SLOW = 300_000;
const STACK = /\n\s+at .+:\d+:\d+/;
const tmp = mkdtempSync(join(tmpdir(), 'kap-hostile-'));
chmodSync(tmp, 0o755); // `nobody` runs read it
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

const tally = { cases: 0, crashes: 0, stackTraces: 0, escapeLeaks: 0, wrongOrStale: 0, lostData: 0 };
type Kind = keyof Omit<typeof tally, 'cases'>;

interface Want {
  status?: number | number[];
  stderr?: RegExp;
  stdout?: RegExp;
  notOut?: RegExp;
  color?: boolean;
}

/** Tally one run against what it should do; return what went wrong. */
function judge(r: RunResult, want: Want): string[] {
  const bad: string[] = [];
  const count = (k: Kind, why: string) => (tally[k]++, bad.push(`${k}: ${why}`));
  if (r.status === 1 || r.status === null) count('crashes', `exit ${r.status} ${r.signal ?? ''} ${r.stderr.slice(0, 300)}`);
  if (STACK.test(r.stderr)) count('stackTraces', r.stderr.slice(0, 300));
  const leaked = [...leaks(r.stdout, want.color), ...leaks(r.stderr, want.color)];
  if (leaked.length) count('escapeLeaks', leaked.join(' '));
  const statuses = want.status === undefined ? [0] : ([] as number[]).concat(want.status);
  if (r.status !== null && r.status !== 1 && !statuses.includes(r.status)) count('wrongOrStale', `exit ${r.status}, wanted ${statuses.join('/')}: ${r.stderr.slice(0, 300)}`);
  if (want.stderr && !want.stderr.test(r.stderr)) count('wrongOrStale', `stderr ${JSON.stringify(r.stderr.slice(0, 300))} does not match ${want.stderr}`);
  if (want.stdout && !want.stdout.test(r.stdout)) count('wrongOrStale', `stdout ${JSON.stringify(r.stdout.slice(0, 200))} does not match ${want.stdout}`);
  if (want.notOut && (want.notOut.test(r.stdout) || want.notOut.test(r.stderr))) count('wrongOrStale', `output matches ${want.notOut}`);
  return bad;
}

const run = (args: string[], env: Record<string, string> = {}, timeout = 20_000, input = ''): RunResult => {
  const r = spawnSync(process.execPath, [BIN, ...args], { env: cleanEnv(env), encoding: 'utf8', timeout, input });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status, signal: r.signal };
};
/** As `nobody`: root reads and writes through any permission. */
const asNobody = (args: string[], env: Record<string, string> = {}): RunResult => {
  const r = spawnSync('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', process.execPath, BIN, ...args], { env: cleanEnv({ HOME: tmp, ...env }), encoding: 'utf8', timeout: 60_000 });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status, signal: r.signal };
};
/** In a private mount namespace, after `setup` (shell) ran there. */
const inNamespace = (setup: string, args: string[], env: Record<string, string> = {}): RunResult => {
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
  const r = spawnSync('unshare', ['-m', 'sh', '-c', `${setup} && exec ${quoted}`], { env: cleanEnv(env), encoding: 'utf8', timeout: SLOW });
  return { stdout: r.stdout ?? '', stderr: r.stderr ?? '', status: r.status, signal: r.signal };
};

let packN = 0;
/** A copy of the fixture content with one change. */
function pack(change: (dir: string) => void): string {
  const dir = join(tmp, `pack-${++packN}`);
  cpSync(FIXTURE_CONTENT, dir, { recursive: true });
  change(dir);
  return dir;
}
const edit = (file: string, fn: (t: string) => string) => writeFileSync(file, fn(readFileSync(file, 'utf8')));
const refs = (d: string, fn: (items: Record<string, unknown>[]) => unknown) =>
  writeFileSync(join(d, 'references.json'), JSON.stringify(fn(JSON.parse(readFileSync(join(d, 'references.json'), 'utf8')))));
const SECRET = join(tmp, 'private-notes.txt');
writeFileSync(SECRET, 'my private notes: the secret word is xyzzy-41\n');

type Case = [name: string, go: () => string[]];
const table = (title: string, cases: Case[], timeout = 60_000) =>
  describe(title, () => {
    it.each(cases)('%s', (_n, go) => {
      tally.cases++;
      expect(go()).toEqual([]);
    }, timeout);
  });

const checkCase = (name: string, change: (d: string) => void, want: Want & { stderr: RegExp }): Case => [name, () => judge(run(['check', pack(change)]), { status: 4, notOut: /xyzzy-41|root:x:0/, ...want })];

table('content: file types, links, sizes, schemas', [
  checkCase('a module that is a symlink to /etc/passwd', (d) => symlinkSync('/etc/passwd', join(d, 'modules', 'passwd.md')), { stderr: /modules\/passwd\.md:1: error: a symbolic link to a file outside the content folder/ }),
  checkCase("a module that is a symlink to a user's private notes", (d) => symlinkSync(SECRET, join(d, 'modules', 'notes.md')), { stderr: /notes\.md:1: error: a symbolic link to a file outside/ }),
  checkCase('modules/ itself a symlink to a folder outside the pack', (d) => { rmSync(join(d, 'modules'), { recursive: true }); mkdirSync(join(tmp, `outside-${packN}`)); writeFileSync(join(tmp, `outside-${packN}`, 'x.md'), readFileSync(join(FIXTURE_CONTENT, 'modules', 'alpha.md'))); symlinkSync(join(tmp, `outside-${packN}`), join(d, 'modules')); }, { stderr: /modules\/x\.md:1: error: a symbolic link to a file outside/ }),
  checkCase('a FIFO as a quiz file (no writer: must not hang)', (d) => void spawnSync('mkfifo', [join(d, 'quiz', 'fifo.yaml')]), { stderr: /quiz\/fifo\.yaml:1: error: not a regular file/ }),
  checkCase('glossary.yaml a symlink to /dev/zero', (d) => { rmSync(join(d, 'glossary.yaml')); symlinkSync('/dev/zero', join(d, 'glossary.yaml')); }, { stderr: /glossary\.yaml:1: error: a symbolic link to a file outside/ }),
  checkCase('references.json a symlink to /dev/urandom', (d) => { rmSync(join(d, 'references.json')); symlinkSync('/dev/urandom', join(d, 'references.json')); }, { stderr: /references\.json:1: error: a symbolic link to a file outside/ }),
  checkCase('a module that is a folder', (d) => mkdirSync(join(d, 'modules', 'folder.md')), { stderr: /folder\.md:1: error: cannot read: EISDIR/ }),
  checkCase('modules/ is a file', (d) => { rmSync(join(d, 'modules'), { recursive: true }); writeFileSync(join(d, 'modules'), 'x'); }, { stderr: /modules:1: error: cannot list the folder: ENOTDIR/ }),
  checkCase('a 3 MB module', (d) => edit(join(d, 'modules', 'beta.md'), (t) => t + 'word '.repeat(600_000)), { stderr: /beta\.md:1: error: file is larger than 2 MB/ }),
  ['a symlink to a file inside the pack is fine', () => judge(run(['check', pack((d) => { cpSync(join(d, 'modules', 'beta.md'), join(d, 'beta-source.md')); rmSync(join(d, 'modules', 'beta.md')); symlinkSync('../beta-source.md', join(d, 'modules', 'beta.md')); })]), { status: 0 })],
  checkCase('a YAML alias bomb', (d) => writeFileSync(join(d, 'glossary.yaml'), `a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\ng: [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n`), { stderr: /glossary\.yaml:\d+: error: / }),
  checkCase('YAML nested 10,000 deep', (d) => writeFileSync(join(d, 'glossary.yaml'), `${'['.repeat(10_000)}${']'.repeat(10_000)}\n`), { stderr: /glossary\.yaml:\d+: error: / }),
  checkCase('invalid UTF-8 in a quiz file', (d) => writeFileSync(join(d, 'quiz', 'alpha.yaml'), Buffer.from([0x2d, 0x20, 0xff, 0xfe])), { stderr: /alpha\.yaml:1: error: invalid UTF-8/ }),
  ['a BOM and CRLF line ends are fine', () => judge(run(['check', pack((d) => edit(join(d, 'glossary.yaml'), (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`))]), { status: 0 })],
  checkCase('a reference with a __proto__ member', (d) => writeFileSync(join(d, 'references.json'), readFileSync(join(d, 'references.json'), 'utf8').replace('"id": "furukawa2005",', '"id": "furukawa2005", "__proto__": {"polluted": true},')), { stderr: /furukawa2005\.__proto__: not a CSL field/ }),
  checkCase('a reference with a constructor member', (d) => refs(d, (r) => (Reflect.set(r[0]!, 'constructor', 'x'), r)), { stderr: /\.constructor: not a CSL field/ }),
  checkCase('a reference id ../../x', (d) => refs(d, (r) => ((r[0]!.id = '../../x'), r)), { stderr: /\[0\]\.id: "\.\.\/\.\.\/x" must be letters, digits/ }),
  checkCase('a reference id __proto__', (d) => refs(d, (r) => ((r[0]!.id = '__proto__'), r)), { stderr: /\[0\]\.id: "__proto__" must be letters/ }),
  checkCase('a reference title that is a number list', (d) => refs(d, (r) => ((r[0]!.title = [1, 2]), r)), { stderr: /\.title: expected text or a number, got a list/ }),
  checkCase('authors as a string', (d) => refs(d, (r) => ((r[0]!.author = 'Furukawa'), r)), { stderr: /\.author: expected a list of names/ }),
  checkCase('an author with a number for a family name', (d) => refs(d, (r) => ((r[0]!.author = [{ family: 7 }]), r)), { stderr: /\.author\[0\]\.family: expected text, got number/ }),
  checkCase('issued as a string', (d) => refs(d, (r) => ((r[0]!.issued = '2005'), r)), { stderr: /\.issued: expected a date/ }),
  checkCase('date-parts with junk', (d) => refs(d, (r) => ((r[0]!.issued = { 'date-parts': [['x', {}]] }), r)), { stderr: /\.issued\.date-parts: each date is/ }),
  checkCase('"et al." in a title, which MLA would print "et Al."', (d) => refs(d, (r) => ((r[0]!.title = 'A reply to Smith et al.'), r)), { stderr: /\.title: "et al\." is title-cased by MLA and Chicago/ }),
  checkCase('an unknown CSL type', (d) => refs(d, (r) => ((r[0]!.type = 'spaceship'), r)), { stderr: /\.type: "spaceship" is not a CSL type/ }),
  checkCase('a nested object where text belongs', (d) => refs(d, (r) => ((r[0]!['container-title'] = { a: { b: 1 } }), r)), { stderr: /container-title: expected text or a number, got an object/ }),
  checkCase('references.json is an object', (d) => writeFileSync(join(d, 'references.json'), '{"id": "x"}'), { stderr: /references\.json:1: error: expected a JSON array/ }),
  checkCase('a reference record that is a list', (d) => refs(d, (r) => [...r, [1, 2]]), { stderr: /\[\d+\]: expected a CSL-JSON record \(an object\), got a list/ }),
  checkCase('a glossary id __proto__', (d) => edit(join(d, 'glossary.yaml'), (t) => t.replace('- id: gizmo', '- id: __proto__')), { stderr: /\[1\]\.id: "__proto__" must be letters/ }),
  checkCase('a question id with a slash', (d) => edit(join(d, 'quiz', 'alpha.yaml'), (t) => t.replace('- id: alpha-01', '- id: ../alpha-01')), { stderr: /\[0\]\.id: "\.\.\/alpha-01" must be letters/ }),
  checkCase('a file named with escape sequences and a newline', (d) => writeFileSync(join(d, 'modules', 'x\u001b]0;t\u0007\nkap: forged.md'), '---\nid: x\n---\n'), { stderr: /modules\/x␛\]0;t␤kap: forged\.md:\d+: error/ }),
  ['kap explain constructor / __proto__ / toString: no prototype lookups', () => ['constructor', '__proto__', 'toString', 'hasOwnProperty'].flatMap((w) => judge(run(['explain', w]), { status: 3, stderr: /no topic/ }))],
  ['kap refs --topic constructor and --claims __proto__', () => [...judge(run(['refs', '--topic', 'constructor']), { status: 3 }), ...judge(run(['refs', '--claims', '__proto__']), { status: 3 })]],
  ['a pack with over 1 MiB of warnings and one error: the error is listed, not lost in a full pipe', () => {
    const d = pack((x) => {
      const terms = Array.from({ length: 4000 }, (_, i) => `- id: noisy-${i}\n  term: "Noisy \\e[2J term ${i}"\n  definition: "A \\u202e definition."\n  module: alpha\n`);
      writeFileSync(join(x, 'glossary.yaml'), terms.join(''));
      edit(join(x, 'modules', 'beta.md'), (t) => t.replace('[@rush2006]', '[@nobody1999]'));
    });
    return judge(run(['--content', d, 'list'], { KAP_CACHE_DIR: join(tmp, 'cache-noisy') }, SLOW), { status: 4, stderr: /beta\.md:\d+: error: body: unknown citation key "@nobody1999"/ });
  }],
  ['an unlistable modules/ folder names the permission problem (as nobody)', () => {
    const d = pack((x) => chmodSync(join(x, 'modules'), 0o000));
    return judge(asNobody(['check', d]), { status: 4, stderr: /modules:1: error: cannot list the folder: EACCES/ });
  }],
  ['an unreadable module (as nobody)', () => judge(asNobody(['check', pack((x) => chmodSync(join(x, 'modules', 'beta.md'), 0o000))]), { status: 4, stderr: /beta\.md:1: error: cannot read: EACCES/ })],
], 60_000);

const ESC_ARG = '\u001b]0;x\u0007\u001b[2J';
table('arguments', [
  ['an unknown command made of escapes', () => judge(run([ESC_ARG]), { status: 2, stderr: /unknown command '␛\]0;x␛\[2J'/ })],
  ['a newline in --width forges no line', () => judge(run(['--width', '3\nkap: forged', 'list']), { status: 2, stderr: /argument '3␤kap: forged' is invalid/, notOut: /^kap: forged/m })],
  ['a newline in a topic forges no line', () => judge(run(['explain', 'x\nkap: forged']), { status: 3, notOut: /^kap: forged/m })],
  ['an option name with escapes', () => judge(run(['list', `--${ESC_ARG}`]), { status: 2, stderr: /unknown option/ })],
  ['a seed with escapes is shown clean in the quiz header and the export', () => [...judge(run(['quiz', '--seed', ESC_ARG, '--count', '1', '--answers', 'A']), { status: 0, stdout: /seed ␛\]0;x␛\[2J/ }), ...judge(run(['quiz', 'export', '--seed', ESC_ARG, '--count', '1']), { status: 0 })]],
  ['--title with every unsafe character, in every export format', () => ['markdown', 'gift', 'aiken', 'anki', 'quizlet', 'html'].flatMap((f) => judge(run(['quiz', 'export', '--format', f, '--title', RAW_ARG, '--count', '2', '--seed', 'x']), { status: 0 }))],
  ['a 100 kB argument (Linux takes at most 128 kB in one)', () => judge(run(['search', 'x'.repeat(100_000)]), { status: [0, 3] })],
  ['bidi overrides in a search', () => judge(run(['search', '\u202enmda\u2066']), { status: [0, 3] })],
  ['a cite key with a newline and escapes', () => judge(run(['cite', `a\n${ESC_ARG}`]), { status: 3, notOut: /^\u001b/m })],
  ['--content naming a folder with escapes', () => judge(run(['--content', join(tmp, ESC_ARG), 'list']), { status: 4, stderr: /content pack not found: .*␛\]0;x␛\[2J/ })],
  ['KAP_CACHE_DIR with escapes, in kap paths and --json', () => [...judge(run(['paths'], { KAP_CACHE_DIR: join(tmp, ESC_ARG) }), { stdout: /␛\]0;x/ }), ...judge(run(['paths', '--json'], { KAP_CACHE_DIR: join(tmp, ESC_ARG) }), { notOut: /\\u001b/ })]],
  ['kap help with escapes', () => judge(run(['help', ESC_ARG]), { status: [0, 2] })],
  ['--difficulty, --mode, --format values with escapes', () => [...judge(run(['quiz', '--difficulty', ESC_ARG, '--answers', 'A']), { status: 2 }), ...judge(run(['quiz', '--mode', ESC_ARG, '--answers', 'A']), { status: 2 }), ...judge(run(['cite', 'furukawa2005', '--format', ESC_ARG]), { status: 2 })]],
  ['--answers with escapes', () => judge(run(['quiz', '--seed', 'x', '--count', '1', '--answers', ESC_ARG]), { status: 2, stderr: /answer 1 "␛\]0;x␛\[2J" is not one of/ })],
  ['answers on stdin with escapes', () => judge(run(['quiz', '--seed', 'x', '--count', '1'], {}, 20_000, `${ESC_ARG}\n`), { status: 2 })],
]);

table('terminals', [
  ['FORCE_COLOR=1: only kap SGR colours', () => judge(run(['explain', 'glutamate'], { FORCE_COLOR: '1' }), { color: true, stdout: /\u001b\[1m/ })],
  ['NO_COLOR beats FORCE_COLOR: no ESC at all', () => judge(run(['explain', 'glutamate'], { NO_COLOR: '1', FORCE_COLOR: '1' }), { notOut: /\u001b/ })],
  ['TERM=dumb', () => judge(run(['list'], { TERM: 'dumb' }), { notOut: /\u001b/ })],
  ['COLUMNS=abc', () => judge(run(['explain', 'glutamate'], { COLUMNS: 'abc' }), { stdout: /Glutamate/ })],
  ['--width 20 on a table-heavy module', () => judge(run(['explain', 'glutamate', '--width', '20']), {})],
  ['| head -c 1: quiet', () => judge(sh('$KAP cite --all | head -c 1 >/dev/null'), { status: 0, stderr: /^$/ })],
  ['stdout closed', () => judge(sh('$KAP search nmda >&-'), { status: 0, stderr: /^$/ })],
  ['stderr closed with an error: the exit code still says it', () => judge(sh('$KAP explain nosuchtopic 2>&-'), { status: 3 })],
  ['stdout on a full device: exit 5, one line naming it', () => judge(sh('$KAP cite --all > /dev/full'), { status: 5, stderr: /^kap: cannot write to standard output: the disk is full \(ENOSPC\)\nFree some space/ })],
]);

const outDir = join(tmp, 'out');
mkdirSync(outDir, { recursive: true });
chmodSync(outDir, 0o755);
const exportTo = (target: string, env: Record<string, string> = {}, force = ['--force']) => run(['quiz', 'export', '--seed', 'x', '--count', '2', '--out', target, ...force], env);
table('--out: file types and links', [
  ['a symlink: written through, the link stays', () => {
    const t = join(outDir, 'real.md');
    const l = join(outDir, 'link.md');
    writeFileSync(t, 'old');
    symlinkSync('real.md', l);
    const bad = judge(exportTo(l), { stderr: /wrote 2 questions/ });
    if (!lstatSync(l).isSymbolicLink() || readlinkSync(l) !== 'real.md') (tally.lostData++, bad.push('lostData: the link was replaced'));
    if (!readFileSync(t, 'utf8').startsWith('# kap quiz')) (tally.wrongOrStale++, bad.push('wrongOrStale: the target was not written'));
    return bad;
  }],
  ['a dangling symlink: its target is created', () => {
    const l = join(outDir, 'dangling.md');
    symlinkSync('made-by-kap.md', l);
    const bad = judge(exportTo(l), {});
    if (!existsSync(join(outDir, 'made-by-kap.md'))) (tally.wrongOrStale++, bad.push('wrongOrStale: no target'));
    return bad;
  }],
  ['a character device (/dev/null): refused, nothing claimed', () => judge(exportTo('/dev/null'), { status: 2, stderr: /cannot write \/dev\/null: not a regular file/, notOut: /wrote/ })],
  ['/proc/self/fd/1: refused', () => judge(exportTo('/proc/self/fd/1'), { status: 2, stderr: /not a regular file/, notOut: /wrote/ })],
  ['a folder: refused', () => judge(exportTo(outDir), { status: 2, stderr: /it is a folder/ })],
  ['a FIFO: refused, no hang', () => { const f = join(outDir, 'fifo'); spawnSync('mkfifo', [f]); return judge(exportTo(f), { status: 2, stderr: /not a regular file/ }); }],
  ['a missing folder: a usage error', () => judge(exportTo(join(outDir, 'nope', 'x.md')), { status: 2, stderr: /no such folder/ })],
  ['an existing file keeps its mode', () => {
    const t = join(outDir, 'mode.md');
    writeFileSync(t, 'old');
    chmodSync(t, 0o640);
    const bad = judge(exportTo(t), {});
    if ((statSync(t).mode & 0o777) !== 0o640) (tally.wrongOrStale++, bad.push(`wrongOrStale: mode ${(statSync(t).mode & 0o777).toString(8)}`));
    return bad;
  }],
  ['an existing file without --force: refused, kept as it was', () => {
    const t = join(outDir, 'mine.md');
    writeFileSync(t, 'my own notes');
    const bad = judge(exportTo(t, {}, []), { status: 2, stderr: /mine\.md exists: kap replaces a file only when told to\nAdd --force/, notOut: /wrote/ });
    if (readFileSync(t, 'utf8') !== 'my own notes') (tally.lostData++, bad.push('lostData: the file was replaced'));
    return bad;
  }],
  ["an earlier export's .notes.txt without --force: refused before either file is written", () => {
    const t = join(outDir, 'class.aiken');
    writeFileSync(`${t}.notes.txt`, 'edited notes');
    const bad = judge(run(['quiz', 'export', '--format', 'aiken', '--seed', 'x', '--count', '2', '--out', t]), { status: 2, stderr: /class\.aiken\.notes\.txt exists/ });
    if (existsSync(t)) (tally.wrongOrStale++, bad.push('wrongOrStale: the export was written beside a refusal'));
    if (readFileSync(`${t}.notes.txt`, 'utf8') !== 'edited notes') (tally.lostData++, bad.push('lostData: the notes were replaced'));
    return bad;
  }],
  ['quiz --out onto an existing file without --force: refused before the quiz is taken', () => {
    const t = join(outDir, 'results.json');
    writeFileSync(t, '{"mine":1}');
    const bad = judge(run(['quiz', '--seed', 'x', '--count', '1', '--answers', 'A', '--out', t]), { status: 2, stderr: /results\.json exists/ });
    if (readFileSync(t, 'utf8') !== '{"mine":1}') (tally.lostData++, bad.push('lostData: the results file was replaced'));
    return bad;
  }],
  ['a file named with escapes: the message shows them visibly', () => judge(exportTo(join(outDir, `${ESC_ARG}.md`)), { stderr: /wrote .* to .*␛\]0;x␛\[2J\.md/ })],
  ['quiz --out results JSON to a device: refused before the quiz is lost', () => judge(run(['quiz', '--seed', 'x', '--count', '1', '--answers', 'A', '--out', '/dev/null']), { status: 2, stderr: /not a regular file/ })],
]);

const hasNs = spawnSync('unshare', ['-m', 'true']).status === 0;
const mini = join(tmp, 'mini');
mkdirSync(mini, { recursive: true });
table('disks and permissions', [
  ['--out on a full disk (tiny tmpfs): exit 5; the old file is kept whole', () => {
    if (!hasNs) return [];
    const r = inNamespace(`mount -t tmpfs -o size=16k tmpfs '${mini}' && printf keep > '${mini}/quiz.md'`, ['quiz', 'export', '--format', 'html', '--out', join(mini, 'quiz.md'), '--force']);
    return judge(r, { status: 5, stderr: /cannot write .*quiz\.md: the disk is full \(ENOSPC\)/ });
  }],
  ['--out on a read-only file system: exit 5', () => (hasNs ? judge(inNamespace(`mount -t tmpfs tmpfs '${mini}' && mount -o remount,ro '${mini}'`, ['quiz', 'export', '--out', join(mini, 'q.md')]), { status: 5, stderr: /read-only \(EROFS\)/ }) : [])],
  ['--out into a folder nobody may write: exit 5', () => judge(asNobody(['quiz', 'export', '--out', join(outDir, 'denied.md')]), { status: 5, stderr: /cannot write .*denied\.md: permission denied \(EACCES\)/ })],
  ['--out through a file where a folder is expected: exit 5', () => { writeFileSync(join(outDir, 'afile'), 'x'); return judge(exportTo(join(outDir, 'afile', 'q.md')), { status: 5, stderr: /not a folder \(ENOTDIR\)/ }); }],
  ['the cache folder is a file: exit 5, naming it', () => { const f = join(tmp, 'cache-is-file'); writeFileSync(f, 'x'); return judge(run(['--content', FIXTURE_CONTENT, 'list'], { KAP_CACHE_DIR: f }), { status: 5, stderr: /cache-is-file.*\(ENOTDIR\)|cache-is-file.*\(EEXIST\)|not a folder/ }); }],
  ['the cache folder is not writable (as nobody): exit 5, naming it', () => judge(asNobody(['--content', FIXTURE_CONTENT, 'list'], { KAP_CACHE_DIR: outDir }), { status: 5, stderr: /permission denied \(EACCES\)/ })],
  ['the cache on a full disk: exit 5', () => (hasNs ? judge(inNamespace(`mount -t tmpfs -o size=64k tmpfs '${mini}'`, ['--content', FIXTURE_CONTENT, 'list'], { KAP_CACHE_DIR: mini }), { status: 5, stderr: /disk is full \(ENOSPC\)/ }) : [])],
  ['the cache on a read-only file system: exit 5', () => (hasNs ? judge(inNamespace(`mount -t tmpfs tmpfs '${mini}' && mount -o remount,ro '${mini}'`, ['--content', FIXTURE_CONTENT, 'list'], { KAP_CACHE_DIR: mini }), { status: 5, stderr: /read-only \(EROFS\)/ }) : [])],
], SLOW);

/** Compile the fixture pack (or `p`) into `cache`, in the background. */
const compileIn = (cache: string, p = FIXTURE_CONTENT) => spawn(process.execPath, [BIN, '--content', p, 'explain', 'alpha', '--brief'], { env: cleanEnv({ KAP_CACHE_DIR: cache }), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
const finished = (p: ReturnType<typeof spawn>) =>
  new Promise<RunResult>((resolve) => {
    let stdout = '';
    let stderr = '';
    p.stdout!.on('data', (d) => (stdout += d));
    p.stderr!.on('data', (d) => (stderr += d));
    p.on('close', (status, signal) => resolve({ stdout, stderr, status, signal }));
  });
const slow = (args: string[], env: Record<string, string>) => run(args, env, SLOW);

describe('concurrency, kill -9 and the cache', () => {
  it('two cold compiles of one pack at once: both succeed, and agree', async () => {
    tally.cases++;
    const cache = join(tmp, 'cache-concurrent');
    const [a, b] = await Promise.all([finished(compileIn(cache)), finished(compileIn(cache))]);
    expect([...judge(a, { stdout: /^Alpha receptor basics/ }), ...judge(b, { stdout: /^Alpha receptor basics/ })]).toEqual([]);
  }, SLOW);

  it.each([0.3, 1.5, 3, 6, Math.round(Math.random() * 80) / 10].map((s) => [s]))('kill -9 of kap and its compiler %s s into a compile: the next run is right, and the leftovers are pruned', async (seconds) => {
    tally.cases++;
    const cache = join(tmp, `cache-kill-${seconds}`);
    const p = compileIn(cache);
    const closed = finished(p);
    await new Promise((r) => setTimeout(r, seconds * 1000));
    try {
      process.kill(-p.pid!, 'SIGKILL');
    } catch {
      /* already done */
    }
    await closed;
    const r = slow(['--content', FIXTURE_CONTENT, 'explain', 'alpha', '--brief'], { KAP_CACHE_DIR: cache });
    const bad = judge(r, { stdout: /^Alpha receptor basics/ });
    const left = existsSync(join(cache, 'packs')) ? readdirSync(join(cache, 'packs')).filter((n) => /\.(tmp|old)-\d+$/.test(n)) : [];
    if (left.length) (tally.lostData++, bad.push(`leftovers: ${left.join(', ')}`));
    expect(bad).toEqual([]);
  }, SLOW);

  const live = join(tmp, 'live-pack');
  const cache = join(tmp, 'cache-live');
  const brief = () => slow(['--content', live, 'explain', 'alpha', '--brief'], { KAP_CACHE_DIR: cache });
  it('a pack edited during its compile: undoing the edit shows the original text (the old key never holds the new text)', async () => {
    tally.cases++;
    cpSync(FIXTURE_CONTENT, live, { recursive: true });
    const alpha = join(live, 'modules', 'alpha.md');
    const original = readFileSync(alpha, 'utf8');
    const p = compileIn(cache, live);
    await new Promise((r) => setTimeout(r, 1500)); // the compiler has read the pack by now (or will read the edit)
    writeFileSync(alpha, original.replace('Alpha is the first fixture topic.', 'EDITED text of the first topic.'));
    await finished(p);
    writeFileSync(alpha, original);
    expect(judge(brief(), { stdout: /Alpha is the first fixture topic\./, notOut: /EDITED/ })).toEqual([]);
  }, SLOW);

  // Each file alone, with the command that reads it: the text a piped `--brief` prints (painted
  // by the compile) and the module's blocks (read by --json), so each refusal is that file's.
  for (const [file, flag] of [['alpha.brief.txt', '--brief'], ['alpha.json', '--json']] as const) {
    it(`a same-size overwrite of a cached ${file} is never shown by explain ${flag}; the next run recompiles and is right`, () => {
      tally.cases++;
      const active = JSON.parse(run(['--content', live, 'paths', '--json'], { KAP_CACHE_DIR: cache }).stdout).active as string;
      const view = join(active, 'modules', file);
      expect(readFileSync(view, 'utf8')).toContain('Alpha is the first fixture topic');
      edit(view, (t) => t.replace(/Alpha is the first fixture topic/g, 'Alpha is the FAKED fixture topic'));
      const show = () => slow(['--content', live, 'explain', 'alpha', flag], { KAP_CACHE_DIR: cache });
      const bad = judge(show(), { status: 4, stderr: /changed after they were compiled/, notOut: /FAKED/ });
      bad.push(...judge(show(), { stdout: /Alpha is the first fixture topic\./, notOut: /FAKED/ }));
      expect(bad).toEqual([]);
    }, SLOW);
  }

  it('a same-size overwrite of a cached lint index file is refused, as every compiled file', () => {
    tally.cases++;
    const active = JSON.parse(run(['--content', live, 'paths', '--json'], { KAP_CACHE_DIR: cache }).stdout).active as string;
    edit(join(active, 'lint', 'index.json'), (t) => t.replace(/1/g, '2'));
    expect(judge(run(['--content', live, 'lint', '-'], { KAP_CACHE_DIR: cache }, SLOW, 'Ketamine cures depression.\n'), { status: 4, stderr: /changed after they were compiled/ })).toEqual([]);
  }, SLOW);

  it('old compiles beyond the 3 most recently used, and leftovers of dead compiles, are pruned', () => {
    tally.cases++;
    const packs = join(cache, 'packs');
    const fake = (name: string, stamp: boolean, age: number) => {
      mkdirSync(join(packs, name), { recursive: true });
      if (stamp) writeFileSync(join(packs, name, 'kap-cache.json'), '{}');
      const t = new Date(Date.now() - age);
      if (stamp) spawnSync('touch', ['-d', t.toISOString(), join(packs, name, 'kap-cache.json')]);
    };
    for (let i = 0; i < 5; i++) fake(`${'a'.repeat(31)}${i}`, true, (i + 1) * 3600_000);
    fake(`${'b'.repeat(32)}.tmp-999999`, false, 0);
    fake(`${'c'.repeat(32)}.old-999998`, false, 0);
    const used = (n: string) => statSync(join(packs, n, 'kap-cache.json')).mtimeMs;
    const before = readdirSync(packs).filter((n) => /^[0-9a-f]{32}$/.test(n) && existsSync(join(packs, n, 'kap-cache.json')));
    const recent = before.sort((a, b) => used(b) - used(a)).slice(0, 2);
    edit(join(live, 'glossary.yaml'), (t) => `${t}\n`); // a change: one more compile, which prunes
    const bad = judge(brief(), { stdout: /^Alpha receptor basics/ });
    const names = readdirSync(packs);
    if (names.some((n) => /\.(tmp|old)-99999\d$/.test(n))) bad.push('leftovers kept');
    if (names.length !== 3) bad.push(`kept ${names.length}: ${names.join(', ')}`);
    if (!recent.every((n) => names.includes(n))) bad.push(`not the 2 most recently used besides the new one: ${names.join(', ')}`);
    if (bad.length) tally.wrongOrStale++;
    expect(bad).toEqual([]);
  }, SLOW);

  it('kap paths says what the cache keeps', () => {
    tally.cases++;
    expect(judge(run(['paths']), { stdout: /keeps the 3 most recently used pack compiles/ })).toEqual([]);
  });

  it('SIGTERM during an export to --out: the file is absent or whole, never half', { timeout: SLOW }, async () => {
    tally.cases++;
    const target = join(outDir, 'term.html');
    const p = spawn(process.execPath, [BIN, 'quiz', 'export', '--format', 'html', '--out', target], { env: cleanEnv(), stdio: 'ignore' });
    const closed = new Promise((r) => p.on('close', r));
    await new Promise((r) => setTimeout(r, 150));
    p.kill('SIGTERM');
    await closed;
    const bad = existsSync(target) && !readFileSync(target, 'utf8').trimEnd().endsWith('</html>') ? ['a half-written file'] : [];
    if (bad.length) tally.lostData++;
    expect(bad).toEqual([]);
  });
});

describe.skipIf(!which('script'))('the interactive quiz in a terminal', () => {
  it('prompts over a hostile seed and answers draw only CSI and SGR', () => {
    tally.cases++;
    const r = spawnSync('script', ['-qec', `${process.execPath} ${BIN} quiz --count 1 --seed x`, '/dev/null'], { env: cleanEnv({ TERM: 'xterm' }), input: '1\n\n\n', encoding: 'utf8', timeout: 30_000 });
    // Only CSI sequences (the prompt library draws with them): no OSC, DCS or C1.
    const rest = (r.stdout ?? '').replace(/\u001b\[[0-?]*[ -/]*[@-~]/g, '').replace(/\r/g, '');
    const bad = leaks(rest).filter((l) => l !== 'U+0007');
    if (bad.length) tally.escapeLeaks++;
    expect(bad).toEqual([]);
  });
});

describe('the counts', () => {
  it('cases, crashes, stack traces, escape leaks, wrong or stale content, lost data', () => {
    process.stderr.write(`hostile-input table: ${JSON.stringify(tally)}\n`);
    expect(tally.cases).toBeGreaterThanOrEqual(80);
    expect({ ...tally, cases: 0 }).toEqual({ cases: 0, crashes: 0, stackTraces: 0, escapeLeaks: 0, wrongOrStale: 0, lostData: 0 });
  });
});

void ROOT;
