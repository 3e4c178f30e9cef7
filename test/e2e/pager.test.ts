/**
 * The pager in a real terminal (tmux): long output opens less (or KAP_PAGER, PAGER), colour
 * intact; `q` and Ctrl+C leave cleanly; output that fits, a pipe, or --no-pager never page.
 */
import { afterAll, expect, it } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { BIN, ROOT } from '../helpers/run-kap.js';
import { describeWith } from '../helpers/oracle.js';

const SOCKET = `kap-pager-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
afterAll(() => void spawnSync('tmux', ['-L', SOCKET, 'kill-server']));

let n = 0;
/** Run a shell command line in a fresh terminal of `rows` rows; `kap` is the built binary. */
function start(line: string, env: Record<string, string> = {}, rows = 20): string {
  const name = `p${++n}`;
  const vars = Object.entries({ PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: process.env.HOME ?? '/tmp', TERM: 'xterm-256color', ...env })
    .map(([k, v]) => `${k}=${quote(v)}`)
    .join(' ');
  const kap = `${quote(process.execPath)} ${quote(BIN)}`;
  // set -m: the command runs as its own foreground job, as in an interactive shell, so Ctrl+C
  // reaches kap and the pager, not the shell that reports the exit code.
  const cmd = `set -m; cd ${quote(ROOT)} && kap() { ${kap} "$@"; }; export ${vars}; ${line}; echo "EXIT=$?"; sleep 60`;
  tmux('new-session', '-d', '-s', name, '-x', '90', '-y', String(rows), `env -i bash --norc --noprofile -c ${quote(cmd)}`);
  return name;
}
const screen = (s: string) => tmux('capture-pane', '-p', '-t', s);

async function waitFor(s: string, re: RegExp, ms = 15_000): Promise<string> {
  const until = Date.now() + ms;
  for (;;) {
    const sc = screen(s);
    if (re.test(sc)) return sc;
    if (Date.now() > until) throw new Error(`timed out waiting for ${re} in:\n${sc}`);
    await sleep(100);
  }
}

describeWith(['tmux', 'less'], 'pages long output in a terminal', () => {
  it('long output opens less (-R -F -K): the first screen, then q leaves with exit 0', async () => {
    const s = start('kap explain glutamate');
    const first = await waitFor(s, /^:\s*$/m);
    expect(first).toContain('Glutamate, GABA and the NMDA receptor');
    expect(first).not.toContain('EXIT=');
    tmux('send-keys', '-t', s, 'q');
    const end = await waitFor(s, /EXIT=\d+/);
    expect(end).toContain('EXIT=0');
    expect(end).not.toMatch(/internal error|\bat .*\.js:\d+/);
  });

  it('Ctrl+C in the pager leaves cleanly with exit 130', async () => {
    const s = start('kap explain glutamate');
    await waitFor(s, /^:\s*$/m);
    tmux('send-keys', '-t', s, 'C-c');
    const end = await waitFor(s, /EXIT=\d+/);
    expect(end).toContain('EXIT=130');
    expect(end).not.toMatch(/internal error|\bat .*\.js:\d+/);
  });

  it('colour goes through the pager (KAP_PAGER="cat -v" shows the escapes)', async () => {
    const s = start('kap explain glutamate', { KAP_PAGER: 'cat -v | head -5' });
    const end = await waitFor(s, /EXIT=\d+/);
    expect(end).toContain('^[[');
    expect(end).toContain('EXIT=0');
  });

  it('KAP_PAGER before PAGER; PAGER when KAP_PAGER is unset; an empty KAP_PAGER: none', async () => {
    const a = await waitFor(start('kap list', { KAP_PAGER: 'sed -n 1p; echo KAPPAGER', PAGER: 'echo WRONG' }), /EXIT=\d+/);
    expect(a).toContain('KAPPAGER');
    expect(a).not.toContain('WRONG');
    const b = await waitFor(start('kap list', { PAGER: 'sed -n 1p; echo VIAPAGER' }), /EXIT=\d+/);
    expect(b).toContain('VIAPAGER');
    const c = await waitFor(start('kap list | tail -1', { KAP_PAGER: '', PAGER: 'echo WRONG' }), /EXIT=\d+/);
    expect(c).not.toContain('WRONG');
  });

  it('never for output that fits the screen, never when piped, never with --no-pager', async () => {
    const fits = await waitFor(start('kap explain glutamate --brief', { PAGER: 'echo PAGED' }, 40), /EXIT=\d+/);
    expect(fits).not.toContain('PAGED');
    expect(fits).toContain('Glutamate, GABA and the NMDA receptor');
    const piped = await waitFor(start('kap explain glutamate | tail -2', { PAGER: 'echo PAGED' }), /EXIT=\d+/);
    expect(piped).not.toContain('PAGED');
    const off = await waitFor(start('kap explain glutamate --no-pager | tail -1; kap --no-pager list >/dev/null', { PAGER: 'echo PAGED' }), /EXIT=\d+/);
    expect(off).not.toContain('PAGED');
    const flag = await waitFor(start('kap explain glutamate --no-pager', { PAGER: 'echo PAGED' }), /EXIT=\d+/);
    expect(flag).not.toContain('PAGED');
  });
});
