/**
 * Scale: `validate` and `all --no-png` on synthetic data of about 1k, 10k and 100k facts (valid
 * entities, sources and articles, from ../synthetic), each in a fresh process. Reports wall
 * time (what the targets apply to), processor time (which other processes do not inflate) and
 * peak memory per size, and the growth exponent of each command: the slope of log(processor
 * time) against log(facts) between the two largest sizes (1 is linear, 2 quadratic). Targets on 2
 * cores: 100k facts validated in under 5 s, the main job in under 30 s, exponents at most 1.2.
 * A command that fails is reported as a miss with its message, not hidden.
 * `npm run bench -- scale` runs these cases alone; BENCHVAL_SCALE_SIZES=1000,10000 picks sizes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_SEEDS_DIR } from '../../data/evidence';
import { DEFAULT_DATA_DIR } from '../../data/paths';
import type { BenchCase, BenchResult } from '../main';
import { logSlope } from '../measure';
import { readMeasured } from '../measureRun';
import { writeSyntheticData } from '../synthetic';

const MEASURE = join(__dirname, '..', 'measureRun.js');
export const SCALE_SIZES = [1_000, 10_000, 100_000];
export const TARGETS = { validate: 5, all: 30, exponent: 1.2 } as const;

interface Run { facts: number; seconds: number; cpuSeconds: number | null; rssMb: number | null; ok: boolean; message: string }

/** A run taking longer than this is stopped and reported with the stage it was in. */
export const TIMEOUT_SECONDS = 300;

/** Runs a benchval command through ./measureRun; wall time, peak memory, and why it failed. */
function measure(args: string[]): Omit<Run, 'facts'> {
  const start = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [MEASURE, ...args], {
    encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: TIMEOUT_SECONDS * 1000, killSignal: 'SIGKILL',
  });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  const m = readMeasured(r.stderr ?? '');
  const lines = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').filter((l) => l.trim() !== '' && !l.startsWith('benchval-measure'));
  const stages = lines.filter((l) => l.startsWith('benchval all: '));
  const errors = lines.filter((l) => !l.startsWith('benchval all: '));
  let message = '';
  if (r.signal === 'SIGKILL') message = `stopped after ${TIMEOUT_SECONDS} s during '${(stages.at(-1) ?? '?').replace('benchval all: ', '')}'`;
  else if (r.status !== 0) message = (errors.find((l) => /^benchval/.test(l)) ?? errors[0] ?? `exit ${r.status}`).slice(0, 200);
  return { seconds, cpuSeconds: m?.cpuSeconds ?? null, rssMb: m ? m.maxRssKb / 1024 : null, ok: r.status === 0, message };
}

/**
 * Slope of log(seconds) over log(facts) between the two largest sizes: the growth exponent
 * (the smaller sizes are dominated by the fixed cost of starting Node and loading modules).
 */
export function growthExponent(points: ReadonlyArray<{ facts: number; seconds: number }>): number {
  const last = [...points].sort((a, b) => a.facts - b.facts).slice(-2);
  return logSlope(last.map((p) => ({ x: p.facts, y: p.seconds })));
}

function sizes(): number[] {
  const env = process.env.BENCHVAL_SCALE_SIZES;
  return env ? env.split(',').map(Number).filter((n) => n > 0) : SCALE_SIZES;
}

function label(n: number): string {
  return n >= 1000 ? `${Math.round(n / 1000)}k` : String(n);
}

function results(command: 'validate' | 'all', runs: Run[], target: number): BenchResult[] {
  const out: BenchResult[] = runs.map((r) => ({
    name: `scale: ${command === 'all' ? 'all --no-png' : 'validate'}, ${label(r.facts)} facts (${r.facts.toLocaleString('en-US')})`,
    value: r.ok ? r.seconds : Infinity,
    unit: 's',
    // a failed run (value Infinity) is a miss at any size
    target: !r.ok || r.facts >= 100_000 ? target : null,
    detail: `${r.ok ? '' : `FAILED after ${r.seconds.toFixed(2)} s: ${r.message}; `}`
      + `processor time ${r.cpuSeconds === null ? '?' : `${r.cpuSeconds.toFixed(2)} s`}, peak memory ${r.rssMb === null ? '?' : `${r.rssMb.toFixed(0)} MB`}`,
  }));
  const ok = runs.filter((r) => r.ok);
  if (ok.length >= 2) {
    // on processor time when every run has it: wall time on a shared machine swings with the load
    const cpu = ok.every((r) => r.cpuSeconds !== null);
    out.push({
      name: `scale: ${command} growth exponent from ${ok.slice(-2).map((r) => label(r.facts)).join(' to ')} facts`,
      value: growthExponent(ok.map((r) => ({ facts: r.facts, seconds: cpu ? r.cpuSeconds! : r.seconds }))),
      unit: '',
      target: TARGETS.exponent,
      detail: `(slope of log ${cpu ? 'processor' : 'wall'} time over log facts; 1 is linear)`,
    });
  }
  return out;
}

export const cases: BenchCase[] = [
  {
    name: 'scale',
    async run(): Promise<BenchResult[]> {
      const root = mkdtempSync(join(tmpdir(), 'benchval-scale-'));
      try {
        const validate: Run[] = [];
        const all: Run[] = [];
        for (const n of sizes()) {
          const dest = join(root, label(n));
          const syn = writeSyntheticData(DEFAULT_DATA_DIR, dest, { facts: n, seedsDir: DEFAULT_SEEDS_DIR });
          const data = ['--data-dir', syn.dataDir, '--seeds', syn.articlesDir];
          process.stdout.write(`  ${label(n)}: ${syn.facts} facts, ${syn.entities} entities, ${syn.sources} sources\n`);
          validate.push({ facts: syn.facts, ...measure(['validate', ...data]) });
          all.push({ facts: syn.facts, ...measure(['all', '--no-png', '--out', join(dest, 'out'), ...data]) });
          rmSync(dest, { recursive: true, force: true });
        }
        return [...results('validate', validate, TARGETS.validate), ...results('all', all, TARGETS.all)];
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    },
  },
];
