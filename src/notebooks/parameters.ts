/**
 * Notebook parameters. The cell tagged `parameters` of a notebook calls
 * `nb.parameters({ USDCNY: null, TARGET_MULTIPLE: 25, YEARS: 3 })` with its defaults;
 * `benchval notebooks --param USDCNY=7.2` (or the environment variable
 * BENCHVAL_NOTEBOOK_PARAMS, a JSON object) replaces them for a run, so a scenario is
 * regenerated without editing a notebook. A value takes the type of its default (a number for a
 * number or null default, a list of numbers for a list); a parameter a notebook does not declare
 * is left alone, since one run may set parameters of several notebooks.
 */
import { displayTable } from './display';

export const PARAMS_ENV = 'BENCHVAL_NOTEBOOK_PARAMS';

export type ParamValue = number | string | boolean | null | number[];

/** `USDCNY=7.2` -> ['USDCNY', '7.2']; errors name the argument. */
export function parseParamArg(arg: string): [string, string] {
  const m = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(arg);
  if (!m) throw new Error(`--param needs NAME=VALUE (e.g. USDCNY=7.2), got '${arg}'`);
  return [m[1], m[2]];
}

function coerce(name: string, text: unknown, def: ParamValue): ParamValue {
  if (typeof text !== 'string') return text as ParamValue;
  if (Array.isArray(def)) {
    const list = text.split(',').map((s) => Number(s.trim()));
    if (list.some((x) => !Number.isFinite(x))) throw new Error(`parameter ${name}: '${text}' is not a comma-separated list of numbers`);
    return list;
  }
  if (typeof def === 'number' || def === null) {
    if (text === 'null' || text === '') return null;
    const n = Number(text);
    if (!Number.isFinite(n)) throw new Error(`parameter ${name}: '${text}' is not a number`);
    return n;
  }
  if (typeof def === 'boolean') return text === 'true' || text === '1';
  return text;
}

/** The parameters set for this run (from BENCHVAL_NOTEBOOK_PARAMS), as text or JSON values. */
export function runParameters(env: NodeJS.ProcessEnv = process.env): Record<string, unknown> {
  const raw = env[PARAMS_ENV];
  if (!raw) return {};
  const parsed = JSON.parse(raw) as unknown;
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error(`${PARAMS_ENV} must be a JSON object, got ${raw}`);
  return parsed as Record<string, unknown>;
}

/**
 * The notebook's parameters: its defaults with this run's values on top, shown as a table
 * (`show: false` to skip it).
 */
export function parameters<T extends Record<string, ParamValue>>(defaults: T, opts: { show?: boolean; env?: NodeJS.ProcessEnv } = {}): T {
  const given = runParameters(opts.env);
  const out: Record<string, ParamValue> = { ...defaults };
  for (const [k, v] of Object.entries(given)) if (k in defaults) out[k] = coerce(k, v, defaults[k]);
  if (opts.show ?? true) {
    displayTable(Object.entries(out).map(([name, value]) => ({
      parameter: name, value: value === null ? 'as in data/assumptions.csv' : value === '' ? "''" : Array.isArray(value) ? value.join(', ') : String(value),
      set: name in given ? 'by this run' : 'default',
    })), { caption: 'parameters' });
  }
  return out as T;
}
