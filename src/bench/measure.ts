/**
 * Runs one benchval command in this process and, as it exits, writes its peak memory to
 * stderr as the last line: `benchval-measure {"maxRssKb":N}`. The scale bench runs commands
 * through it: `node dist/bench/measure.js validate --data-dir DIR`.
 */
import { writeSync } from 'node:fs';
import { main } from '../cli/main';

export const MEASURE_PREFIX = 'benchval-measure ';

/** The peak memory line of a measured run's stderr, in kB; null when absent. */
export function peakRssKb(stderr: string): number | null {
  const line = stderr.split('\n').reverse().find((l) => l.startsWith(MEASURE_PREFIX));
  return line ? (JSON.parse(line.slice(MEASURE_PREFIX.length)) as { maxRssKb: number }).maxRssKb : null;
}

if (require.main === module) {
  process.on('exit', () => {
    writeSync(2, `${MEASURE_PREFIX}${JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS })}\n`);
  });
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err: unknown) => { process.stderr.write(`benchval: ${err instanceof Error ? err.message : String(err)}\n`); process.exitCode = 1; },
  );
}
