/**
 * Evaluates a claim expression over intervals. Fact ids enter at their stated bounds (see
 * metrics/tolerance), assumption ids as points. Money carries its currency: adding or dividing
 * amounts in two currencies is an error until one side goes through convert().
 *
 * Functions:
 *   annualize(x, months)     x x 12 / months (linear run-rate)
 *   growth(prev, next)       next / prev - 1
 *   cagr(start, end, years)  (end / start)^(1/years) - 1
 *   compound(rate, n)        (1 + rate)^n
 *   convert(x, 'USD', 'CNY') FX conversion with the assumption dated nearest to x's facts
 *   memory(params, 'int8')   weight bytes at a precision (fp32 4, bf16/fp16 2, fp8/int8 1, int4 0.5)
 *   min(a, b), max(a, b)     bound-wise minimum / maximum
 *   hull(a, b)               smallest interval holding both (either of two readings, e.g. a
 *                            growth needed within 2 or within 3 years)
 *   age(start, end)          years from start to end, each a date fact (unit `date`, days since
 *                            1970-01-01) or a quoted ISO date ('2026-01-26', '2026-01' is
 *                            its whole month): the earliest end less the latest start to the
 *                            latest end less the earliest start, over 365.2425 days a year
 *   count('a', 'b', ...)     the number of names listed: the article's own enumeration, so a
 *                            stated count can be checked against the names it gives
 */
import type { Assumption, Currency, Fact } from '../types';
import * as I from '../metrics/interval';
import { factInterval } from '../metrics/tolerance';
import { annualize } from '../metrics/valuation';
import { cagr, compound, growthRate } from '../metrics/growth';
import { isPrecision, weightMemoryBytes } from '../metrics/models';
import { isCurrency, fxDate, fxRate } from '../units/currency';
import { isoDateEnd, isoDateStart } from '../units/date';
import { ExpressionError, expressionRefs, parseExpression, type Node } from './expression';

export interface EvalEnv {
  facts: ReadonlyMap<string, Fact>;
  assumptions: readonly Assumption[];
}

interface Value {
  iv: I.Interval | null;
  str: string | null;
  currency: Currency | null;
  asOf: string | null;
}

export interface Evaluation {
  /** null when the claim is unverifiable (missing inputs) */
  interval: I.Interval | null;
  currency: Currency | null;
  /** fact ids used */
  inputs: string[];
  /** assumption ids used (FX rates and assumption refs) */
  assumptions: string[];
  /** ids marked `?` (not given by any article) */
  missing: string[];
}

/** Mean Gregorian year, in days. */
export const DAYS_PER_YEAR = 365.2425;

export const EXPRESSION_FUNCTIONS = ['annualize', 'growth', 'cagr', 'compound', 'convert', 'memory', 'min', 'max', 'hull', 'count', 'age'] as const;

/** Throws ExpressionError for ids that are neither facts nor assumptions (typos), and unknown functions. */
export function checkExpression(src: string, env: EvalEnv): Node {
  const tree = parseExpression(src);
  const assumptionIds = new Set(env.assumptions.map((a) => a.id));
  for (const r of expressionRefs(tree)) {
    if (!r.missing && !env.facts.has(r.name) && !assumptionIds.has(r.name)) {
      throw new ExpressionError(src, src.indexOf(r.name), `unknown fact or assumption id '${r.name}'`);
    }
  }
  const walk = (n: Node): void => {
    if (n.kind === 'call' && !(EXPRESSION_FUNCTIONS as readonly string[]).includes(n.name)) {
      throw new ExpressionError(src, n.pos, `unknown function '${n.name}' (known: ${EXPRESSION_FUNCTIONS.join(', ')})`);
    }
    if (n.kind === 'call') n.args.forEach(walk);
    if (n.kind === 'neg') walk(n.arg);
    if (n.kind === 'bin') { walk(n.left); walk(n.right); }
  };
  walk(tree);
  return tree;
}

/** Evaluates `src`; throws ExpressionError on bad syntax, unknown ids or unit errors. */
export function evaluateExpression(src: string, env: EvalEnv): Evaluation {
  const tree = checkExpression(src, env);
  const refs = expressionRefs(tree);
  const missing = [...new Set(refs.filter((r) => r.missing).map((r) => r.name))];
  const inputs = [...new Set(refs.filter((r) => !r.missing && env.facts.has(r.name)).map((r) => r.name))];
  const usedAssumptions = new Set(refs.filter((r) => !r.missing && !env.facts.has(r.name)).map((r) => r.name));
  if (missing.length) return { interval: null, currency: null, inputs, assumptions: [...usedAssumptions], missing };

  const fail = (n: Node, why: string): never => { throw new ExpressionError(src, n.pos, why); };
  const num = (n: Node, v: Value): I.Interval => v.iv ?? fail(n, 'expected a number, found a string');
  const scalar = (n: Node, v: Value): number => {
    const x = num(n, v);
    if (!I.isPoint(x)) fail(n, 'expected a single number, found an interval');
    return x.lo;
  };
  const text = (n: Node, v: Value): string => v.str ?? fail(n, 'expected a quoted string');
  const sameCurrency = (n: Node, a: Value, b: Value): Currency | null => {
    if (a.currency && b.currency && a.currency !== b.currency) {
      fail(n, `mixes ${a.currency} and ${b.currency}; convert one side with convert(x, '${b.currency}', '${a.currency}')`);
    }
    return a.currency ?? b.currency;
  };
  /** A date argument of age(): a date fact's days, or a quoted ISO date as the range of its days. */
  const days = (n: Node, v: Value): I.Interval => {
    if (v.str === null) return num(n, v);
    const lo = isoDateStart(v.str);
    const hi = isoDateEnd(v.str);
    if (lo === null || hi === null) return fail(n, `'${v.str}' is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`);
    return I.interval(lo / 86_400_000, hi / 86_400_000);
  };
  const val = (iv: I.Interval, currency: Currency | null, asOf: string | null): Value => ({ iv, str: null, currency, asOf });

  function ev(n: Node): Value {
    switch (n.kind) {
      case 'num': return val(I.point(n.value), null, null);
      case 'str': return { iv: null, str: n.value, currency: null, asOf: null };
      case 'ref': {
        const f = env.facts.get(n.name);
        if (f) {
          let iv: I.Interval;
          try { iv = factInterval(f, 'stated'); } catch (e) { return fail(n, `fact '${f.id}' has no usable value (${(e as Error).message})`); }
          return val(iv, f.unit === 'money' ? f.currency : null, fxDate(f));
        }
        const a = env.assumptions.find((x) => x.id === n.name);
        if (!a) return fail(n, `unknown id '${n.name}'`);
        return val(I.point(a.value), null, a.as_of);
      }
      case 'neg': {
        const a = ev(n.arg);
        return val(I.neg(num(n, a)), a.currency, a.asOf);
      }
      case 'bin': {
        const a = ev(n.left);
        const b = ev(n.right);
        const x = num(n.left, a);
        const y = num(n.right, b);
        const asOf = a.asOf ?? b.asOf;
        try {
          switch (n.op) {
            case '+': return val(I.add(x, y), sameCurrency(n, a, b), asOf);
            case '-': return val(I.sub(x, y), sameCurrency(n, a, b), asOf);
            case '*':
              if (a.currency && b.currency) fail(n, 'multiplies two amounts of money');
              return val(I.mul(x, y), a.currency ?? b.currency, asOf);
            case '/': {
              if (!a.currency && b.currency) fail(n, 'divides a number by an amount of money');
              if (a.currency && b.currency) sameCurrency(n, a, b);
              return val(I.div(x, y), a.currency && b.currency ? null : a.currency, asOf);
            }
            case '^': return val(I.pow(x, scalar(n.right, b)), null, asOf);
          }
        } catch (e) {
          if (e instanceof ExpressionError) throw e;
          return fail(n, (e as Error).message);
        }
        return fail(n, 'unknown operator');
      }
      case 'call': {
        const args = n.args.map(ev);
        const arity = (k: number): void => { if (args.length !== k) fail(n, `${n.name}() takes ${k} arguments, got ${args.length}`); };
        try {
          switch (n.name) {
            case 'annualize': arity(2); return val(annualize(num(n.args[0], args[0]), scalar(n.args[1], args[1])), args[0].currency, args[0].asOf);
            case 'growth': arity(2); return val(growthRate(num(n.args[0], args[0]), num(n.args[1], args[1])), null, args[1].asOf);
            case 'cagr': arity(3); return val(cagr(num(n.args[0], args[0]), num(n.args[1], args[1]), scalar(n.args[2], args[2])), null, args[1].asOf);
            case 'compound': arity(2); return val(compound(num(n.args[0], args[0]), scalar(n.args[1], args[1])), null, args[0].asOf);
            case 'memory': {
              arity(2);
              const p = text(n.args[1], args[1]).toLowerCase();
              if (!isPrecision(p)) return fail(n.args[1], `unknown precision '${p}' (fp32, bf16, fp16, fp8, int8, int4)`);
              return val(weightMemoryBytes(num(n.args[0], args[0]), p), null, args[0].asOf);
            }
            case 'convert': {
              arity(3);
              const from = text(n.args[1], args[1]);
              const to = text(n.args[2], args[2]);
              if (!isCurrency(from) || !isCurrency(to)) return fail(n, `convert() needs currencies CNY, USD or HKD, got '${from}', '${to}'`);
              if (args[0].currency && args[0].currency !== from) fail(n, `convert() from ${from} but the amount is in ${args[0].currency}`);
              const fx = fxRate(from, to, env.assumptions, args[0].asOf ?? undefined);
              if (from !== to) usedAssumptions.add(fx.assumption);
              return val(I.scale(num(n.args[0], args[0]), fx.rate), to, args[0].asOf);
            }
            case 'hull': {
              arity(2);
              return val(I.hull(num(n.args[0], args[0]), num(n.args[1], args[1])), sameCurrency(n, args[0], args[1]), args[0].asOf);
            }
            case 'age': {
              arity(2);
              return val(I.scale(I.sub(days(n.args[1], args[1]), days(n.args[0], args[0])), 1 / DAYS_PER_YEAR), null, null);
            }
            case 'count': {
              if (args.length === 0) fail(n, 'count() needs at least one quoted name');
              args.forEach((a, i) => text(n.args[i], a));
              return val(I.point(args.length), null, null);
            }
            case 'min':
            case 'max': {
              arity(2);
              const x = num(n.args[0], args[0]);
              const y = num(n.args[1], args[1]);
              const f = n.name === 'min' ? Math.min : Math.max;
              return val(I.interval(f(x.lo, y.lo), f(x.hi, y.hi)), sameCurrency(n, args[0], args[1]), args[0].asOf);
            }
          }
        } catch (e) {
          if (e instanceof ExpressionError) throw e;
          return fail(n, (e as Error).message);
        }
        return fail(n, `unknown function '${n.name}'`);
      }
    }
  }

  const result = ev(tree);
  if (!result.iv) throw new ExpressionError(src, 0, 'the expression gives a string, not a number');
  return { interval: result.iv, currency: result.currency, inputs, assumptions: [...usedAssumptions], missing };
}
