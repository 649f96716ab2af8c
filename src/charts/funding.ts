/**
 * Funding rounds next to the industry's 2025 funding total, in CNY. Each round's share of
 * the total is in its tooltip. Amounts in other currencies are converted with the FX
 * assumptions (named in the subtitle).
 */
import type { TopLevelSpec } from 'vega-lite';
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
  const roundRows = rounds.map((f) => {
    const factor = fx.factor(f);
    const r = factRow(ctx, f, 1e9, factor);
    const share = ((f.value as number) * factor) / referenceCny * 100;
    const date = f.as_of ?? f.period_start;
    return {
      ...r,
      kind: 'funding round',
      // the same round is often reported several times (several sources, a heading): the fact id keeps bars apart
      bar: [r.label, f.round, date ? `(${date})` : null, `· ${f.id}`].filter(Boolean).join(' '),
      share: f.entity === FOCUS_COMPANY ? roundSig(share) : null,
      share_label: f.entity === FOCUS_COMPANY ? `${r.bound === 'open above' ? 'over ' : ''}${share.toFixed(1)}% of ${INDUSTRY_TOTAL_YEAR} total` : '',
    };
  });
  const totalRows = totals.map((f) => {
    const factor = fx.factor(f);
    const r = factRow(ctx, f, 1e9, factor);
    return { ...r, kind: `industry total ${INDUSTRY_TOTAL_YEAR}`, bar: `${INDUSTRY_TOTAL_YEAR} industry total · ${f.id}`, share: 100, share_label: '' };
  });
  const rows = [...roundRows, ...totalRows];
  const order = [...rows].sort((a, b) => (b.value ?? 0) - (a.value ?? 0) || (a.bar < b.bar ? -1 : 1)).map((r) => r.bar);
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    title: chartTitle(ctx, `Funding rounds vs ${INDUSTRY_TOTAL_YEAR} industry total`, [...rounds, ...totals], [
      `Label: ${entityLabel(ctx, FOCUS_COMPANY)} round as share of the ${entityLabel(ctx, reference.entity)} ${INDUSTRY_TOTAL_YEAR} total (${reference.id})`,
      'Triangle = lower bound only ("over")',
      fx.note(),
    ]),
    config: CHART_CONFIG,
    width: 480,
    data: { values: rows },
    encoding: {
      y: { field: 'bar', type: 'nominal', title: null, sort: order, axis: { labelLimit: 520 } },
      x: { field: 'value', type: 'quantitative', title: `Amount (${CURRENCY} billion, log scale)`, scale: { type: 'log' }, stack: null },
      tooltip: [...factTooltip(`amount (${CURRENCY} bn)`), { field: 'share', type: 'quantitative', title: `% of ${INDUSTRY_TOTAL_YEAR} industry total`, format: '.3~f' }],
    },
    layer: [
      {
        mark: { type: 'bar' },
        encoding: { color: { field: 'kind', type: 'nominal', title: null, scale: { scheme: 'set2' } } },
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
