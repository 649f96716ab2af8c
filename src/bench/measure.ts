/**
 * Runs one benchval command in this process and, as it exits, writes its peak memory and
 * processor time to stderr as the last line: `benchval-measure {"maxRssKb":N,"cpuSeconds":S}`. The scale bench runs commands
 * through it: `node dist/bench/measure.js validate --data-dir DIR`.
 */
import { writeSync } from 'node:fs';
import { main } from '../cli/main';

export const MEASURE_PREFIX = 'benchval-measure ';

export interface Measured {
  /** peak resident memory, kB */
  maxRssKb: number;
  /** processor time (user + system), seconds: unlike wall time, not inflated by other processes */
  cpuSeconds: number;
}

/** The measurement line of a measured run's stderr; null when absent (killed). */
export function readMeasured(stderr: string): Measured | null {
  const line = stderr.split('\n').reverse().find((l) => l.startsWith(MEASURE_PREFIX));
  return line ? (JSON.parse(line.slice(MEASURE_PREFIX.length)) as Measured) : null;
}

/** The peak memory of a measured run's stderr, in kB; null when absent. */
export function peakRssKb(stderr: string): number | null {
  return readMeasured(stderr)?.maxRssKb ?? null;
}

if (require.main === module) {
  process.on('exit', () => {
    const u = process.resourceUsage();
    const m: Measured = { maxRssKb: u.maxRSS, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6 };
    writeSync(2, `${MEASURE_PREFIX}${JSON.stringify(m)}\n`);
  });
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err: unknown) => { process.stderr.write(`benchval: ${err instanceof Error ? err.message : String(err)}\n`); process.exitCode = 1; },
  );
}
