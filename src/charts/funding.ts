/**
 * Funding rounds next to the industry's 2025 funding total, in CNY on a log scale, drawn as
 * points and intervals (a bar on a log scale would start at an arbitrary floor and hide the
 * ratios). One row per round: the reports of the same entity and round (several articles, a
 * heading and the body) are one row whose mark is the hull of what they state, with every
 * report listed in the tooltip. A single number is a dot; a stated range a rule from low to
 * high; a lower bound ("over") a tick at the bound with a dashed arrow to the right (an upper
 * bound, "nearly", to the left).
 *
 * A round of the focus company is labelled, once, with its share of the total when the round
 * is known by a date in the total's period or up to FUNDING_SHARE_SLACK_DAYS after it (the
 * window of the metrics' funding_share rule): a 2024 round is not a share of 2025 money. A
 * round is known by the earliest date any of its reports gives (the end of that date: 2026-01
 * is known by 2026-01-31), so a later article repeating it does not move it out of the window.
 * Amounts in other currencies are converted with the FX assumptions (named in the subtitle).
 */
import type { TopLevelSpec } from 'vega-lite';
import { describePeriod, withinPeriod } from '../metrics/period';
import { FUNDING_SHARE_SLACK_DAYS } from '../metrics/rules/finance';
import type { Fact } from '../types';
import { isoDateStart } from '../units/date';
import { entityLabel, selectFacts, type ChartContext } from './context';
import { FxCollector } from './fx';
import { periodLabel } from './period';
import { compactCount } from './quantityText';
import { groupFacts, hull, hullPoint, hullText, reportFields, scaledBounds, statedText, type Hull } from './reports';
import { ARROW_FACTOR, boundText, CHART_CONFIG, chartTitle, factTooltip, requireRows, roundSig, type BoundKind } from './spec';

export const INDUSTRY_FUNDING_METRIC = 'industry_funding';
export const INDUSTRY_TOTAL_YEAR = '2025';
/** The company whose rounds are put against the industry total. */
export const FOCUS_COMPANY = 'stepfun';
const CURRENCY = 'CNY';
const SCALE = 1e9;
const WIDTH = 420;
/** the label column starts this far right of the plot */
const LABEL_GAP = 12;
/** the x domain reaches this factor beyond the smallest and largest drawn amount */
const DOMAIN_MARGIN = 1.5;
const KIND_ROUND = 'funding round';
const KIND_TOTAL = `industry total ${INDUSTRY_TOTAL_YEAR}`;
const DAY = 86_400_000;

/** Last day (UTC ms) of the period a partial ISO date names: 2026-01 -> 2026-01-31, 2025 -> 2025-12-31. */
export function isoDateEnd(text: string): number | null {
  const start = isoDateStart(text);
  if (start === null) return null;
  const [y, m, d] = text.split('-').map(Number);
  if (d !== undefined) return start;
  if (m !== undefined) return Date.UTC(y, m, 1) - DAY;
  return Date.UTC(y + 1, 0, 1) - DAY;
}

/** The date a report gives for a round: its as_of, else its period (2025 for a year-long one). */
function reportDate(f: Fact): string {
  return f.as_of ?? (f.period_start || f.period_end ? periodLabel(f.period_start, f.period_end) : 'undated');
}

/** The latest day the report says the round existed by (end of as_of, else period end). */
function knownBy(f: Fact): number | null {
  if (f.as_of) return isoDateEnd(f.as_of);
  return f.period_end ? isoDateEnd(f.period_end) : null;
}

/** Reports of one round: same entity and round (a round not named: same entity and date). */
function groupKey(f: Fact): string {
  if (f.table !== 'funding_rounds') return [f.table, f.entity, f.metric, describePeriod(f)].join('|');
  return [f.table, f.entity, f.round ?? `unnamed ${describePeriod(f)}`].join('|');
}

/** "over 53.1%", "at least 53.1%" (some reports exact, some over), "20.0-30.0%", "up to 4.0%". */
function shareText(h: Hull, total: number, allOpen: boolean): string {
  const p = (x: number) => `${(x / total * 100).toFixed(1)}%`;
  if (h.bound === 'exact') return p(h.lo as number);
  if (h.bound === 'open above') return `${allOpen ? 'over' : 'at least'} ${p(h.lo as number)}`;
  if (h.bound === 'open below') return `up to ${p(h.hi as number)}`;
  return `${((h.lo as number) / total * 100).toFixed(1)}-${p(h.hi as number)}`;
}

/** "(= 284bn CNY)" after an amount stated in another currency; empty for CNY amounts. */
function converted(facts: Fact[], h: Hull): string {
  if (facts.every((f) => f.currency === CURRENCY)) return '';
  const c = (x: number | null) => compactCount((x as number) * SCALE);
  const text = h.bound === 'exact' ? c(h.lo) : h.bound === 'open above' ? `over ${c(h.lo)}` : h.bound === 'open below' ? `up to ${c(h.hi)}` : `${c(h.lo)}-${c(h.hi)}`;
  return `(= ${text} ${CURRENCY})`;
}

export function fundingSpec(ctx: ChartContext): TopLevelSpec {
  const rounds = requireRows(selectFacts(ctx, { table: 'funding_rounds', metric: 'funding_amount' }).filter((f) => f.value !== null),
    'funding', 'table funding_rounds, metric funding_amount');
  const totals = requireRows(
    selectFacts(ctx, { table: 'market', metric: INDUSTRY_FUNDING_METRIC })
      .filter((f) => f.value !== null && (f.period_start ?? f.as_of ?? '').startsWith(INDUSTRY_TOTAL_YEAR)),
    'funding', `table market, metric ${INDUSTRY_FUNDING_METRIC}, period in ${INDUSTRY_TOTAL_YEAR}`);
  const fx = new FxCollector(ctx, 'funding', CURRENCY);
  const reference = totals[0];
  const referenceAmount = (reference.value as number) * fx.factor(reference) / SCALE;
  const shareWindow = `${describePeriod(reference)} + ${FUNDING_SHARE_SLACK_DAYS} days`;

  const rows = [...groupFacts(rounds, groupKey), ...groupFacts(totals, groupKey)].map((facts) => {
    const first = facts[0];
    const isTotal = first.table !== 'funding_rounds';
    const bounds = scaledBounds(facts, (f) => fx.factor(f) / SCALE);
    const h = hull(bounds);
    // the earliest report dates the round; of two reports known by the same day the more precise date is shown
    const dated = facts.filter((f) => knownBy(f) !== null)
      .sort((a, b) => (knownBy(a) as number) - (knownBy(b) as number) || reportDate(b).length - reportDate(a).length);
    const earliest = dated[0];
    const date = earliest ? reportDate(earliest) : 'undated';
    const t = earliest ? knownBy(earliest) : null;
    const inWindow = t !== null && withinPeriod(t, reference, FUNDING_SHARE_SLACK_DAYS);
    const compared = !isTotal && first.entity === FOCUS_COMPANY && inWindow;
    const allOpen = bounds.every((b) => b.high === null);
    const share = compared ? shareText(h, referenceAmount, allOpen) : '';
    const label = entityLabel(ctx, first.entity);
    const stated = statedText(facts);
    const from = h.bound === 'open below' ? (h.hi as number) / ARROW_FACTOR : h.lo;
    const to = h.bound === 'open above' ? (h.lo as number) * ARROW_FACTOR : h.hi;
    return {
      bar: isTotal ? `${INDUSTRY_TOTAL_YEAR} industry total · ${label}` : `${label} ${first.round ?? '(round not named)'} · ${date}`,
      kind: isTotal ? KIND_TOTAL : KIND_ROUND,
      entity: first.entity,
      label,
      round: isTotal ? '' : first.round ?? 'not named',
      date,
      value: hullPoint(h),
      lo: h.lo,
      hi: h.hi,
      from: from === null ? null : roundSig(from),
      to: to === null ? null : roundSig(to),
      arrow_at: h.bound === 'open above' ? roundSig(to as number) : h.bound === 'open below' ? roundSig(from as number) : null,
      bound: h.bound,
      value_text: hullText(h),
      low_text: boundText(h.lo),
      high_text: boundText(h.hi),
      share: compared ? roundSig(((h.lo ?? h.hi) as number) / referenceAmount * 100) : null,
      share_label: share ? `${share} of ${INDUSTRY_TOTAL_YEAR} total` : '',
      share_note: isTotal ? 'the total itself'
        : first.entity !== FOCUS_COMPANY ? `only ${entityLabel(ctx, FOCUS_COMPANY)} rounds are compared`
          : compared ? `known by ${date}, within ${shareWindow}`
            : `not compared: known by ${date}, outside ${shareWindow}`,
      label_text: [stated, converted(facts, h), share ? `= ${share} of ${INDUSTRY_TOTAL_YEAR} total` : ''].filter(Boolean).join(' '),
      ...reportFields(ctx, facts),
    };
  });
  // two groups that would share a row label (same entity, round and date in different currencies, ...) stay apart
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(r.bar, (seen.get(r.bar) ?? 0) + 1);
  for (const r of rows) if ((seen.get(r.bar) ?? 0) > 1) r.bar = `${r.bar} · ${r.fact_id}`;
  const key = (r: (typeof rows)[number]) => r.value ?? r.lo ?? r.hi ?? 0;
  const order = [...rows].sort((a, b) => key(b) - key(a) || (a.bar < b.bar ? -1 : 1)).map((r) => r.bar);
  // the domain reaches a little beyond every drawn end, so no mark sits on the axis
  const ends = rows.flatMap((r) => [r.from, r.to, r.value]).filter((v): v is number => v !== null && v > 0);
  const domain = [roundSig(Math.min(...ends) / DOMAIN_MARGIN), roundSig(Math.max(...ends) * DOMAIN_MARGIN)];
  const x = (field: string) => ({ field, type: 'quantitative' as const, title: `Amount (${CURRENCY} billion, log scale)`, scale: { type: 'log' as const, domain, nice: false } });
  const color = { field: 'kind', type: 'nominal' as const, title: null, scale: { domain: [KIND_ROUND, KIND_TOTAL], range: ['#1b9e77', '#d95f02'] }, legend: { orient: 'bottom' as const } };
  const tooltip = [
    { field: 'bar', type: 'nominal' as const, title: 'row' },
    ...factTooltip(`amount (${CURRENCY} bn)`, `${CURRENCY} bn`).map((t) => (t.field === 'fact_id' ? { ...t, title: 'facts' } : t.field === 'quantity' ? { ...t, title: 'reports as written' } : t)),
    { field: 'share_label', type: 'nominal' as const, title: `share of ${INDUSTRY_TOTAL_YEAR} industry total` },
    { field: 'share_note', type: 'nominal' as const, title: 'share' },
  ];
  const has = (b: BoundKind) => rows.some((r) => r.bound === b);
  const layer: object[] = [];
  const open = rows.some((r) => r.bound === 'open above' || r.bound === 'open below');
  if (has('interval') || open) {
    layer.push({
      transform: [{ filter: "datum.bound !== 'exact'" }],
      mark: { type: 'rule', strokeWidth: 2 },
      encoding: {
        x: x('from'), x2: { field: 'to' }, color, tooltip,
        strokeDash: { condition: { test: "datum.bound === 'interval'", value: [1, 0] }, value: [4, 3] },
      },
    });
    // a tick at every stated bound: both ends of a range, the one end of a one-sided bound
    for (const end of ['lo', 'hi'] as const) {
      if (!rows.some((r) => r.bound !== 'exact' && r[end] !== null)) continue;
      layer.push({
        transform: [{ filter: `datum.bound !== 'exact' && isValid(datum.${end})` }],
        mark: { type: 'tick', thickness: 2, size: 14 },
        encoding: { x: x(end), color, tooltip },
      });
    }
  }
  for (const [bound, shape] of [['open above', 'triangle-right'], ['open below', 'triangle-left']] as const) {
    if (!has(bound)) continue;
    layer.push({
      transform: [{ filter: `datum.bound === '${bound}'` }],
      mark: { type: 'point', shape, filled: true, size: 70 },
      encoding: { x: x('arrow_at'), color, tooltip },
    });
  }
  if (has('exact')) {
    layer.push({
      transform: [{ filter: "datum.bound === 'exact'" }],
      mark: { type: 'point', filled: true, size: 90, opacity: 1 },
      encoding: { x: x('value'), color, tooltip },
    });
  }
  layer.push({
    mark: { type: 'text', align: 'left', baseline: 'middle', fontSize: 10, color: '#222' },
    encoding: { x: { value: WIDTH + LABEL_GAP }, text: { field: 'label_text', type: 'nominal' }, tooltip },
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: chartTitle(ctx, `Funding rounds vs ${INDUSTRY_TOTAL_YEAR} industry total`, [...rounds, ...totals], [
      'One row per round: the reports of one round (several articles, or one article twice) are counted beside it and listed in the tooltip',
      'Dot = single amount; rule with end ticks = stated range; tick with dashed arrow to the right = lower bound only ("over"), to the left = upper bound only',
      `Label: ${entityLabel(ctx, FOCUS_COMPANY)} round as share of the ${entityLabel(ctx, reference.entity)} ${INDUSTRY_TOTAL_YEAR} total `
        + `(${reference.id}, ${compactCount(referenceAmount * SCALE)} ${CURRENCY}), for rounds known by ${describePeriod(reference)} or up to ${FUNDING_SHARE_SLACK_DAYS} days after`,
      fx.note(),
    ]),
    config: CHART_CONFIG,
    width: WIDTH,
    data: { values: rows },
    encoding: {
      y: { field: 'bar', type: 'nominal', title: null, sort: order, axis: { labelLimit: 640 } },
    },
    layer,
  } as TopLevelSpec;
}

