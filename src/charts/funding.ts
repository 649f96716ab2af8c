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
import { groupByEvent } from '../data/events';
import { describePeriod, withinPeriod } from '../metrics/period';
import { FUNDING_SHARE_SLACK_DAYS } from '../metrics/rules/finance';
import type { Fact } from '../types';
import { isoDateStart } from '../units/date';
import { entityLabel, selectFacts, type ChartContext } from './context';
import { FxCollector } from './fx';
import { expectedNote, splitExpected } from './pending';
import { periodLabel } from './period';
import { compactCount } from './quantityText';
import { MAX_ROWS, moreNote, topRows } from './bound';
import { entityColorScale, NEUTRAL } from './palette';
import { hull, hullPoint, hullText, reportFields, scaledBounds, statedText, type Hull } from './reports';
import { arrowLayers, boundText, CHART_CONFIG, chartHeader, factTooltip, requireRows, roundSig, type BoundKind } from './spec';

export const INDUSTRY_FUNDING_METRIC = 'industry_funding';
export const INDUSTRY_TOTAL_YEAR = '2025';
/** The company whose rounds are put against the industry total. */
export const FOCUS_COMPANY = 'stepfun';
const CURRENCY = 'CNY';
const SCALE = 1e9;
const WIDTH = 460;
/** a row is two lines: the round and date, and what the reports state (with the share of the total) */
const ROW_STEP = 34;
/** the y value joins the two lines of a row label with this separator; the axis splits it */
export const LINE_BREAK = '\n';
/** legend entry of an estimate (数亿美元: several hundred million), drawn as a hollow circle, never as a range */
export const ESTIMATE = 'estimate (order of magnitude, no stated range)';
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
  // a pending round (forecast) is not a completed round: left out, named in the caption
  const { done: rounds, expected } = splitExpected(requireRows(
    selectFacts(ctx, { table: 'funding_rounds', metric: 'funding_amount' }).filter((f) => f.value !== null),
    'funding', 'table funding_rounds, metric funding_amount'));
  const totals = requireRows(
    selectFacts(ctx, { table: 'market', metric: INDUSTRY_FUNDING_METRIC })
      .filter((f) => f.value !== null && (f.period_start ?? f.as_of ?? '').startsWith(INDUSTRY_TOTAL_YEAR)),
    'funding', `table market, metric ${INDUSTRY_FUNDING_METRIC}, period in ${INDUSTRY_TOTAL_YEAR}`);
  const fx = new FxCollector(ctx, 'funding', CURRENCY);
  const reference = totals[0];
  const referenceAmount = (reference.value as number) * fx.factor(reference) / SCALE;
  const shareWindow = `${describePeriod(reference)} + ${FUNDING_SHARE_SLACK_DAYS} days`;

  // one row per event (a round, the year's total), however many articles report it
  const allRows = [...groupByEvent(rounds).values(), ...groupByEvent(totals).values()].map((facts) => {
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
    // an estimate (数亿: every report vague) has no stated range: a hollow circle at the value it is read as
    const estimate = facts.every((f) => f.qualifier === 'estimate') && h.bound === 'interval';
    const point = estimate ? roundSig(Math.sqrt((h.lo as number) * (h.hi as number))) : hullPoint(h);
    return {
      bar: isTotal ? `${INDUSTRY_TOTAL_YEAR} industry total · ${label}` : `${label}${first.round ? ` ${first.round}` : ''} · ${date}`,
      kind: isTotal ? KIND_TOTAL : KIND_ROUND,
      entity: first.entity,
      label,
      round: isTotal ? '' : first.round ?? 'not named',
      date,
      value: point,
      lo: h.lo,
      hi: h.hi,
      bound: estimate ? 'estimate' : h.bound,
      value_text: estimate ? `estimate, read as ${hullText(h)}` : hullText(h),
      low_text: boundText(h.lo),
      high_text: boundText(h.hi),
      share: compared ? roundSig(((h.lo ?? h.hi) as number) / referenceAmount * 100) : null,
      share_label: share ? `${share} of ${INDUSTRY_TOTAL_YEAR} total` : '',
      share_note: isTotal ? 'the total itself'
        : first.entity !== FOCUS_COMPANY ? `only ${entityLabel(ctx, FOCUS_COMPANY)} rounds are compared`
          : compared ? `known by ${date}, within ${shareWindow}`
            : `not compared: known by ${date}, outside ${shareWindow}`,
      label_text: [stated, estimate ? '(estimate)' : '', converted(facts, h), share ? `= ${share} of ${INDUSTRY_TOTAL_YEAR} total` : ''].filter(Boolean).join(' '),
      ...reportFields(ctx, facts),
    };
  });
  // bounded: the largest rounds, and always the total and the focus company's rounds
  const key = (r: (typeof allRows)[number]) => r.value ?? r.lo ?? r.hi ?? 0;
  const shown = topRows(allRows, key, MAX_ROWS, (r) => r.kind === KIND_TOTAL || r.entity === FOCUS_COMPANY);
  const rows = shown.kept;
  // two groups that would share a row label (same entity, round and date in different currencies, ...) stay apart
  const seen = new Map<string, number>();
  for (const r of rows) seen.set(r.bar, (seen.get(r.bar) ?? 0) + 1);
  for (const r of rows) if ((seen.get(r.bar) ?? 0) > 1) r.bar = `${r.bar} · ${r.fact_id}`;
  const plotted = rows.map((r) => ({ ...r, row: `${r.bar.replace(' · ', LINE_BREAK)} · ${r.label_text}`, bound_at: r.bound === 'open above' ? r.lo : r.bound === 'open below' ? r.hi : null }));
  const order = [...plotted].sort((a, b) => key(b) - key(a) || (a.bar < b.bar ? -1 : 1)).map((r) => r.row);
  // the domain reaches a little beyond every drawn end, so no mark sits on the axis
  const ends = rows.flatMap((r) => [r.lo, r.hi, r.value]).filter((v): v is number => v !== null && v > 0);
  const domain = [roundSig(Math.min(...ends) / DOMAIN_MARGIN), roundSig(Math.max(...ends) * DOMAIN_MARGIN)];
  const x = (field: string) => ({ field, type: 'quantitative' as const, title: `Amount (${CURRENCY} billion, log scale)`, scale: { type: 'log' as const, domain, nice: false } });
  // colour = company (the same in every chart); the industry total neutral
  const colors = entityColorScale(ctx, rows.filter((r) => r.kind === KIND_ROUND).map((r) => [r.label, r.entity] as const));
  const totalLabels = [...new Set(rows.filter((r) => r.kind === KIND_TOTAL).map((r) => r.label))];
  const color = {
    field: 'label', type: 'nominal' as const, title: null, legend: null,
    scale: { domain: [...colors.domain, ...totalLabels.filter((l) => !colors.domain.includes(l))], range: [...colors.range, ...totalLabels.filter((l) => !colors.domain.includes(l)).map(() => NEUTRAL)] },
  };
  const tooltip = [
    { field: 'bar', type: 'nominal' as const, title: 'row' },
    ...factTooltip(`amount (${CURRENCY} bn)`, `${CURRENCY} bn`).map((t) => (t.field === 'fact_id' ? { ...t, title: 'facts' } : t.field === 'quantity' ? { ...t, title: 'reports as written' } : t)),
    { field: 'share_label', type: 'nominal' as const, title: `share of ${INDUSTRY_TOTAL_YEAR} industry total` },
    { field: 'share_note', type: 'nominal' as const, title: 'share' },
  ];
  const has = (b: string) => rows.some((r) => r.bound === b);
  const layer: object[] = [];
  if (has('interval')) {
    layer.push({
      transform: [{ filter: "datum.bound === 'interval'" }],
      mark: { type: 'rule', strokeWidth: 2 },
      encoding: { x: x('lo'), x2: { field: 'hi' }, color, tooltip },
    });
    // a tick at both ends of a stated range
    for (const end of ['lo', 'hi'] as const) {
      layer.push({
        transform: [{ filter: "datum.bound === 'interval'" }],
        mark: { type: 'tick', thickness: 2, size: 14 },
        encoding: { x: x(end), color, tooltip },
      });
    }
  }
  if (has('open above') || has('open below')) {
    // a one-sided bound: a tick at the bound and a short arrow of fixed length to the open side
    layer.push({
      transform: [{ filter: "isValid(datum.bound_at)" }],
      mark: { type: 'tick', thickness: 2, size: 14 },
      encoding: { x: x('bound_at'), color, tooltip },
    });
    layer.push(...arrowLayers(rows, x('bound_at'), { color, tooltip }));
  }
  if (has('exact')) {
    layer.push({
      transform: [{ filter: "datum.bound === 'exact'" }],
      mark: { type: 'point', filled: true, size: 90, opacity: 1 },
      encoding: { x: x('value'), color, tooltip },
    });
  }
  if (has('estimate')) {
    layer.push({
      transform: [{ filter: "datum.bound === 'estimate'" }],
      mark: { type: 'point', filled: false, size: 110, strokeWidth: 2, strokeDash: [2, 2], opacity: 1 },
      encoding: { x: x('value'), color, tooltip },
    });
  }
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    ...chartHeader(ctx, `Funding rounds vs ${INDUSTRY_TOTAL_YEAR} industry total`, [...rounds, ...totals],
      `Dot = amount, rule = range, arrow = "over" / "nearly"${moreNote(shown, 'rows')}`, [
        'One row per round: the reports of one round (several articles, or one article twice) are counted beside it and listed in the tooltip',
        'Dot = single amount; rule with end ticks = stated range; tick with a short dashed arrow to the right = lower bound only ("over"), to the left = upper bound only ("nearly"); the arrow\'s length is fixed and carries no value',
        ...(has('estimate') ? ['Hollow dashed circle = an estimate the article gives only as an order of magnitude (数亿: several hundred million), drawn at the middle of its reading on the log scale, not as a range'] : []),
        `Label: ${entityLabel(ctx, FOCUS_COMPANY)} round as share of the ${entityLabel(ctx, reference.entity)} ${INDUSTRY_TOTAL_YEAR} total `
          + `(${reference.id}, ${compactCount(referenceAmount * SCALE)} ${CURRENCY}), for rounds known by ${describePeriod(reference)} or up to ${FUNDING_SHARE_SLACK_DAYS} days after`,
        ...(shown.more ? [`Drawn: the ${shown.kept.length} largest of ${shown.total} rows (the total and every ${entityLabel(ctx, FOCUS_COMPANY)} round always); the other ${shown.more} are in the report's facts table`] : []),
        ...expectedNote(expected, 'rounds'),
        fx.note(),
      ]),
    config: CHART_CONFIG,
    width: WIDTH,
    height: { step: ROW_STEP },
    data: { values: plotted },
    encoding: {
      y: { field: 'row', type: 'nominal', title: null, sort: order, axis: { labelExpr: `split(datum.value, '${LINE_BREAK.replace('\n', '\\n')}')` } },
    },
    layer,
  } as TopLevelSpec;
}

