/**
 * `kap completion bash|zsh|fish` in the shells themselves: bash calls the completion function
 * the way programmable completion does, fish answers with its own engine (`complete -C`), and
 * zsh completes a line typed with Tab in a real terminal (tmux). `kap` is on PATH as users have it.
 */
import { afterAll, expect, it } from 'vitest';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BIN, ROOT, cleanEnv, kap } from '../helpers/run-kap.js';
import { describeWith } from '../helpers/oracle.js';

const bin = mkdtempSync(join(tmpdir(), 'kap-completion-'));
writeFileSync(join(bin, 'kap'), `#!/bin/sh\nexec '${process.execPath}' '${BIN}' "$@"\n`);
chmodSync(join(bin, 'kap'), 0o755);
const env = cleanEnv({ PATH: `${bin}:${process.env.PATH ?? '/usr/bin:/bin'}` });
const SOCKET = `kap-completion-${process.pid}`;
afterAll(() => {
  spawnSync('tmux', ['-L', SOCKET, 'kill-server']);
  rmSync(bin, { recursive: true, force: true });
});

const lines = (s: string) => s.split('\n').filter(Boolean);

/**
 * What bash's completion of the line (cursor at its end) offers: words split at blanks, and at
 * `=` as bash's COMP_WORDBREAKS does (`--mode=ex` is `--mode`, `=`, `ex`).
 */
function bash(line: string): string[] {
  const words = line.replace(/=/g, ' = ').split(/ +/);
  const script = `eval "$(kap completion bash)"
complete -p kap >/dev/null || exit 9
COMP_LINE=${JSON.stringify(line)}; COMP_POINT=\${#COMP_LINE}
COMP_WORDS=(${words.map((w) => `'${w}'`).join(' ')})
COMP_CWORD=$(( \${#COMP_WORDS[@]} - 1 ))
_kap_complete kap "\${COMP_WORDS[COMP_CWORD]}" "\${COMP_WORDS[COMP_CWORD-1]}"
printf '%s\\n' "\${COMPREPLY[@]}"`;
  const r = spawnSync('bash', ['--norc', '--noprofile', '-c', script], { env, cwd: ROOT, encoding: 'utf8' });
  expect(r.status, r.stderr).toBe(0);
  return lines(r.stdout);
}

describeWith('bash', 'runs the bash completion script', () => {
  it('kap explain glu<TAB> offers glutamate (and only words starting glu)', () => {
    const got = bash('kap explain glu');
    expect(got).toContain('glutamate');
    expect(got.every((w) => w.startsWith('glu'))).toBe(true);
  });
  it('kap explain nmda r<TAB> continues a name of several words', () => {
    expect(bash('kap explain nmda r')).toEqual(['receptor', 'receptors']);
  });
  it('kap cite fur<TAB> completes the reference key', () => {
    expect(bash('kap cite fur')).toEqual(['furukawa2005']);
  });
  it('kap quiz --mode <TAB> offers the modes; --mode=<TAB> too', () => {
    expect(bash('kap quiz --mode ')).toEqual(['exam', 'practice', 'present']);
    expect(bash('kap quiz --mode=ex')).toEqual(['exam']);
  });
  it('commands, subcommands, options, styles and formats', () => {
    expect(bash('kap ex')).toEqual(['explain']);
    expect(bash('kap quiz ')).toEqual(['export']);
    expect(bash('kap search --t')).toEqual(['--tag', '--type']);
    expect(bash('kap cite --style v')).toEqual(['vancouver']);
    expect(bash('kap quiz export --format gi')).toEqual(['gift']);
    expect(bash('kap help quiz ')).toEqual(['export']);
    expect(bash('kap __')).toEqual([]);
  });
  it("a content pack's topics, named on the line or in KAP_CONTENT_PATH", () => {
    // "training" is a built-in alias (choosing-a-provider); "trainer-notes" only the pack's.
    expect(bash('kap --content test/fixtures/example-pack explain train')).toEqual(['trainer-notes', 'training']);
    expect(bash('kap explain train')).toEqual(['training']);
  });
  it('check [dir] and --out complete file names', () => {
    expect(bash('kap check tes')).toContain('test');
    expect(bash('kap quiz export --out package.j')).toContain('package.json');
  });
});

describeWith('fish', "answers with fish's own completion engine", () => {
  const fish = (line: string) => {
    const r = spawnSync('fish', ['--no-config', '-c', `kap completion fish | source; complete -C ${JSON.stringify(line)}`], { env, cwd: ROOT, encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    return lines(r.stdout).map((l) => l.split('\t')[0]);
  };
  it('kap explain glu<TAB>, kap cite fur<TAB>, kap quiz --mode <TAB>', () => {
    expect(fish('kap explain glu')).toContain('glutamate');
    expect(fish('kap cite fur')).toEqual(['furukawa2005']);
    expect(fish('kap quiz --mode ')).toEqual(['exam', 'practice', 'present']);
    expect(fish('kap quiz export --format ')).toContain('gift');
  });
});

describeWith(['zsh', 'bash', 'tmux'], 'completes a line typed with Tab in zsh (compinit) and bash, in a terminal', () => {
  const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
  const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
  async function waitFor(s: string, re: RegExp, ms = 15_000): Promise<string> {
    const until = Date.now() + ms;
    for (;;) {
      const sc = tmux('capture-pane', '-p', '-t', s);
      if (re.test(sc)) return sc;
      if (Date.now() > until) throw new Error(`timed out waiting for ${re} in:\n${sc}`);
      await sleep(100);
    }
  }
  let n = 0;
  async function zsh(typed: string, expected: RegExp): Promise<string> {
    const s = `z${++n}`;
    writeFileSync(join(bin, '.zshrc'), `PS1='%% '\nautoload -U compinit && compinit -u -D\neval "$(kap completion zsh)"\n`);
    const vars = Object.entries({ ...env, ZDOTDIR: bin, TERM: 'xterm' }).map(([k, v]) => `${k}='${v}'`).join(' ');
    tmux('new-session', '-d', '-s', s, '-x', '120', '-y', '30', '-c', ROOT, `env -i ${vars} zsh -i`);
    // capture-pane drops trailing spaces: the prompt is a line of just `%`.
    await waitFor(s, /^%$/m);
    tmux('send-keys', '-t', s, '-l', typed);
    tmux('send-keys', '-t', s, 'Tab');
    return waitFor(s, expected);
  }
  it('kap cite fur<TAB> becomes kap cite furukawa2005', async () => {
    await zsh('kap cite fur', /^% kap cite furukawa2005$/m);
  });
  it('bash too: kap cite fur<TAB> in an interactive bash', async () => {
    const s = `b${++n}`;
    writeFileSync(join(bin, 'bashrc'), `PS1='% '\neval "$(kap completion bash)"\n`);
    const vars = Object.entries({ ...env, TERM: 'xterm' }).map(([k, v]) => `${k}='${v}'`).join(' ');
    tmux('new-session', '-d', '-s', s, '-x', '120', '-y', '30', '-c', ROOT, `env -i ${vars} bash --noprofile --rcfile ${join(bin, 'bashrc')} -i`);
    await waitFor(s, /^%$/m);
    tmux('send-keys', '-t', s, '-l', 'kap cite fur');
    tmux('send-keys', '-t', s, 'Tab');
    await waitFor(s, /^% kap cite furukawa2005$/m);
  });
  it('kap explain glu<TAB> and kap quiz --mode <TAB> list the candidates', async () => {
    const a = await zsh('kap explain glu', /glutamate/);
    expect(a).toMatch(/glun2b/);
    const b = await zsh('kap quiz --mode ', /practice/);
    expect(b).toMatch(/exam\s+practice\s+present|exam[\s\S]*present/);
  });
});

it('kap completion with an unknown shell is a usage error', () => {
  const r = kap(['completion', 'tcsh']);
  expect(r.status).toBe(2);
  expect(r.stderr).toMatch(/^kap: no completion for 'tcsh': bash, zsh or fish/);
});
