/**
 * build-content.mjs --phases: one line per compile phase with the memory held after it and the
 * CPU it took, so that the compile's memory at 10,000 modules can be followed phase by phase
 * (test/bench/compile-scale.mjs reports the peak). The compiler gives the sink (it owns stderr).
 */
let sink: ((line: string) => void) | undefined;
let last = process.cpuUsage();

export function phasesTo(write: (line: string) => void): void {
  sink = write;
  last = process.cpuUsage();
}

export function phase(name: string): void {
  if (!sink) return;
  // Under --expose-gc: what is live, not what the collector has yet to free.
  (globalThis as { gc?: () => void }).gc?.();
  const cpu = process.cpuUsage(last);
  last = process.cpuUsage();
  const m = process.memoryUsage();
  const mb = (n: number) => `${Math.round(n / 1048576)}`;
  sink(`phase ${name}: rss ${mb(m.rss)} MB heap ${mb(m.heapUsed)} MB external ${mb(m.external)} MB cpu ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s peak ${mb(process.resourceUsage().maxRSS * 1024)} MB\n`);
}
