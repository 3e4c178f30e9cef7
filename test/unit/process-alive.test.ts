import { describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { processAlive } from '../../src/process-alive.js';

describe('processAlive', () => {
  it('is true for this process and false for a pid nobody has', () => {
    expect(processAlive(process.pid)).toBe(true);
    expect(processAlive(2 ** 22 + 12345)).toBe(false);
  });

  it('is false for a zombie (a child its parent never waits for), which kill(pid, 0) still finds', async () => {
    // sh starts a short sleep in the background and becomes a long one, which never reaps it.
    // The short one outlives the exec (a child that ends before it may be reaped by sh itself).
    const p = spawn('sh', ['-c', 'sleep 1 & echo $!; exec sleep 10'], { stdio: ['ignore', 'pipe', 'ignore'] });
    const pid = Number(await new Promise<string>((r) => p.stdout!.once('data', (d) => r(String(d)))));
    let state = '';
    for (let i = 0; i < 500 && state !== 'Z'; i++) {
      const stat = readFileSync(`/proc/${pid}/stat`, 'latin1');
      state = stat.charAt(stat.lastIndexOf(')') + 2);
      if (state !== 'Z') await new Promise((r) => setTimeout(r, 10));
    }
    try {
      expect(state).toBe('Z');
      expect(() => process.kill(pid, 0)).not.toThrow();
      expect(processAlive(pid)).toBe(false);
      expect(processAlive(p.pid!)).toBe(true);
    } finally {
      p.kill('SIGKILL');
    }
  });
});
