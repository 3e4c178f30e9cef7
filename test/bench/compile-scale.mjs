#!/usr/bin/env node
// The compile at scale (issue #11): generates N modules (gen-content.mjs), compiles them with
// dist/build-content.mjs, and reports peak memory (RSS), CPU and wall time, with the memory
// after each phase (build-content.mjs --phases, src/content/phases.ts). Exit 1 when over a budget.
// Usage: npm run bench:compile-scale [-- --modules 10000] [--max-mb 1024] [--max-cpu 60] [--keep DIR]
// Needs a built dist/. Takes minutes at 10,000 modules: run on demand, not in CI.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const modules = Number(arg('modules', '10000'));
const maxMb = Number(arg('max-mb', 'Infinity'));
const maxCpu = Number(arg('max-cpu', 'Infinity'));
const tmp = mkdtempSync(join(tmpdir(), 'kap-compile-scale-'));
const src = join(tmp, 'content');
const out = arg('keep', join(tmp, 'compiled'));
const env = { ...process.env };
delete env.NODE_EXTRA_CA_CERTS;
try {
  execFileSync(process.execPath, [join(root, 'test', 'bench', 'gen-content.mjs'), String(modules), src], { stdio: 'ignore' });
  // The compiler's own resource usage, written by the process itself as it exits.
  const report = "process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('usage '+JSON.stringify(u)+'\\n')})";
  const started = performance.now();
  const r = spawnSync(process.execPath, ['--import', `data:text/javascript,${encodeURIComponent(report)}`, join(root, 'dist', 'build-content.mjs'), src, out, '--phases'], { env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const wall = (performance.now() - started) / 1000;
  if (r.status !== 0) {
    process.stderr.write(r.stderr);
    throw new Error(`the compile failed (exit ${r.status})`);
  }
  const lines = r.stderr.split('\n');
  // A big compile runs itself again with a bigger young generation (src/content/young-gen.ts):
  // each process reports its own usage; CPU is their sum, the peak the larger one's.
  const usages = lines.filter((l) => l.startsWith('usage ')).map((l) => JSON.parse(l.slice(6)));
  const usage = { maxRSS: Math.max(...usages.map((u) => u.maxRSS)), userCPUTime: 0, systemCPUTime: 0 };
  for (const u of usages) {
    usage.userCPUTime += u.userCPUTime;
    usage.systemCPUTime += u.systemCPUTime;
  }
  const peakMb = usage.maxRSS / 1024;
  const cpu = (usage.userCPUTime + usage.systemCPUTime) / 1e6;
  for (const l of lines.filter((l) => l.startsWith('phase '))) console.log(l);
  console.log(`${modules} modules (${usages.length} process${usages.length > 1 ? 'es' : ''}): peak RSS ${peakMb.toFixed(0)} MB, CPU ${cpu.toFixed(1)} s (user ${(usage.userCPUTime / 1e6).toFixed(1)}, sys ${(usage.systemCPUTime / 1e6).toFixed(1)}), wall ${wall.toFixed(1)} s`);
  const over = [peakMb > maxMb && `peak ${peakMb.toFixed(0)} MB > ${maxMb} MB`, cpu > maxCpu && `CPU ${cpu.toFixed(1)} s > ${maxCpu} s`].filter(Boolean);
  if (over.length) {
    console.error(`over budget: ${over.join('; ')}`);
    process.exitCode = 1;
  }
} finally {
  rmSync(src, { recursive: true, force: true });
  if (out.startsWith(tmp)) rmSync(tmp, { recursive: true, force: true });
}
