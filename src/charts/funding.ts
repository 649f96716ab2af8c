/**
 * Funding rounds next to the industry's 2025 funding total, in CNY. A round of the focus
 * company is labelled with its share of the total only when it is dated in the total's period
 * or up to FUNDING_SHARE_SLACK_DAYS after it (the window of the metrics' funding_share rule):
 * a 2024 round is not a share of 2025 money. A stated range (数亿美元) is drawn as a rule from
 * low to high. Amounts in other currencies are converted with the FX assumptions (named in
 * the subtitle).
 */
import type { TopLevelSpec } from 'vega-lite';
import { describePeriod, referenceTime, withinPeriod } from '../metrics/period';
import { FUNDING_SHARE_SLACK_DAYS } from '../metrics/rules/finance';
import { entityLabel, selectFacts, type ChartContext } from './context';
import { FxCollector } from './fx';
import { CHART_CONFIG, chartTitle, factRow, factTooltip, requireRows, roundSig } from './spec';

export const INDUSTRY_FUNDING_METRIC = 'industry_funding';
export const INDUSTRY_TOTAL_YEAR = '2025';
/** The company whose rounds are put against the industry total. */
export const FOCUS_COMPANY = 'stepfun';
const CURRENCY = 'CNY';

export function fundingSpec(ctx: ChartContext): TopLevelSpec {
  const rounds = requireRows(selectFacts(ctx, { table: 'funding_rounds', metric: 'funding_amount' }).filter((f) => f.value !== null),
    'funding', 'table funding_rounds, metric funding_amount');
  const totals = requireRows(
    selectFacts(ctx, { table: 'market', metric: INDUSTRY_FUNDING_METRIC })
      .filter((f) => f.value !== null && (f.period_start ?? f.as_of ?? '').startsWith(INDUSTRY_TOTAL_YEAR)),
    'funding', `table market, metric ${INDUSTRY_FUNDING_METRIC}, period in ${INDUSTRY_TOTAL_YEAR}`);
  const fx = new FxCollector(ctx, 'funding', CURRENCY);
  const reference = totals[0];
  const referenceCny = (reference.value as number) * fx.factor(reference);
  const shareWindow = `${describePeriod(reference)} + ${FUNDING_SHARE_SLACK_DAYS} days`;
  const roundRows = rounds.map((f) => {
    const factor = fx.factor(f);
    const r = factRow(ctx, f, 1e9, factor);
    const share = ((f.value as number) * factor) / referenceCny * 100;
    const date = f.as_of ?? f.period_start;
    const t = referenceTime(f);
    const inWindow = t !== null && withinPeriod(t, reference, FUNDING_SHARE_SLACK_DAYS);
    const compared = f.entity === FOCUS_COMPANY && inWindow;
    return {
      ...r,
      kind: 'funding round',
      // the same round is often reported several times (several sources, a heading): the fact id keeps bars apart
      bar: [r.label, f.round, date ? `(${date})` : null, `· ${f.id}`].filter(Boolean).join(' '),
      share: compared ? roundSig(share) : null,
      share_label: compared ? `${r.bound === 'open above' ? 'over ' : ''}${share.toFixed(1)}% of ${INDUSTRY_TOTAL_YEAR} total` : '',
      share_note: compared ? `dated ${date}, within ${shareWindow}`
        : f.entity !== FOCUS_COMPANY ? `only ${entityLabel(ctx, FOCUS_COMPANY)} rounds are compared`
          : `not compared: dated ${date ?? 'undated'}, outside ${shareWindow}`,
    };
  });
  const totalRows = totals.map((f) => {
    const factor = fx.factor(f);
    const r = factRow(ctx, f, 1e9, factor);
    return { ...r, kind: `industry total ${INDUSTRY_TOTAL_YEAR}`, bar: `${INDUSTRY_TOTAL_YEAR} industry total · ${f.id}`, share: 100, share_label: '', share_note: 'the total itself' };
  });
  const rows = [...roundRows, ...totalRows];
  const order = [...rows].sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || (a.bar < b.bar ? -1 : 1)).map((r) => r.bar);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: chartTitle(ctx, `Funding rounds vs ${INDUSTRY_TOTAL_YEAR} industry total`, [...rounds, ...totals], [
      `Label: ${entityLabel(ctx, FOCUS_COMPANY)} round as share of the ${entityLabel(ctx, reference.entity)} ${INDUSTRY_TOTAL_YEAR} total (${reference.id}),`,
      `only for rounds dated ${describePeriod(reference)} or up to ${FUNDING_SHARE_SLACK_DAYS} days after`,
      'Triangle = lower bound only ("over"); black rule = stated range (low to high), its light bar ends at the midpoint',
      fx.note(),
    ]),
    config: CHART_CONFIG,
    width: 480,
    data: { values: rows },
    encoding: {
      y: { field: 'bar', type: 'nominal', title: null, sort: order, axis: { labelLimit: 640 } },
      x: { field: 'value', type: 'quantitative', title: `Amount (${CURRENCY} billion, log scale)`, scale: { type: 'log' }, stack: null },
      tooltip: [
        ...factTooltip(`amount (${CURRENCY} bn)`),
        { field: 'lo', type: 'quantitative', title: `low (${CURRENCY} bn)`, format: ',.4~g' },
        { field: 'hi', type: 'quantitative', title: `high (${CURRENCY} bn)`, format: ',.4~g' },
        { field: 'share', type: 'quantitative', title: `% of ${INDUSTRY_TOTAL_YEAR} industry total`, format: '.3~f' },
        { field: 'share_note', type: 'nominal', title: 'share' },
      ],
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: {
          color: { field: 'kind', type: 'nominal', title: null, scale: { scheme: 'set2' } },
          opacity: { condition: { test: "datum.bound === 'interval'", value: 0.35 }, value: 1 },
        },
      },
      {
        transform: [{ filter: "datum.bound === 'interval'" }],
        mark: { type: 'rule', strokeWidth: 3, color: '#333' },
        encoding: { x: { field: 'lo', type: 'quantitative' }, x2: { field: 'hi' } },
      },
      {
        transform: [{ filter: "datum.bound === 'interval'" }],
        mark: { type: 'tick', thickness: 2, color: '#333' },
        encoding: { x: { field: 'lo', type: 'quantitative' } },
      },
      {
        transform: [{ filter: "datum.bound === 'interval'" }],
        mark: { type: 'tick', thickness: 2, color: '#333' },
        encoding: { x: { field: 'hi', type: 'quantitative' } },
      },
      {
        transform: [{ filter: "datum.bound === 'open above'" }],
        mark: { type: 'point', shape: 'triangle-right', filled: true, size: 120, color: '#333', xOffset: 6 },
      },
      {
        transform: [{ filter: "datum.share_label !== ''" }],
        mark: { type: 'text', align: 'left', dx: 14, fontSize: 10 },
        encoding: { text: { field: 'share_label', type: 'nominal' } },
      },
    ],
  };
}
