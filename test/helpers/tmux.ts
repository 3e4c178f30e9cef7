/** Programs in a real pseudo-terminal (tmux, a server of its own per test file): start, read the screen, wait for text, send keys. */
import { execFileSync, spawnSync } from 'node:child_process';

export const hasTmux = spawnSync('tmux', ['-V']).status === 0;
export const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function tmuxServer(name: string) {
  const socket = `${name}-${process.pid}`;
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', socket, ...args], { encoding: 'utf8' });
  let n = 0;
  const screen = (s: string) => tmux('capture-pane', '-p', '-t', s, '-S', '-400');
  return {
    /** Run a shell command line in a new window (100x50 unless told); it prints EXIT=<code> when it ends. */
    start(command: string, { cols = 100, rows = 50 } = {}): string {
      const s = `s${++n}`;
      tmux('new-session', '-d', '-s', s, '-x', String(cols), '-y', String(rows), `${command}; echo "EXIT=$?"; sleep 60`);
      return s;
    },
    screen,
    /** The screen with the lines the terminal wrapped itself joined again (-J): a line wider than the pane shows as one. */
    joined: (s: string) => tmux('capture-pane', '-p', '-J', '-t', s, '-S', '-400'),
    keys: (s: string, ...keys: string[]) => void tmux('send-keys', '-t', s, ...keys),
    async waitFor(s: string, text: string | RegExp, ms = 10_000): Promise<string> {
      const until = Date.now() + ms;
      for (;;) {
        const sc = screen(s);
        if (typeof text === 'string' ? sc.includes(text) : text.test(sc)) return sc;
        if (Date.now() > until) throw new Error(`timed out waiting for ${text} in:\n${sc}`);
        await sleep(100);
      }
    },
    stop: () => void (hasTmux && spawnSync('tmux', ['-L', socket, 'kill-server'])),
  };
}
