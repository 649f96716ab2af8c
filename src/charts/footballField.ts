/**
 * Football field: valuation ranges per company and per method, in USD billion on a log scale,
 * built from the comps table (src/api/comps). Methods, one band each:
 * - as reported: the latest valuation or market cap, its basis in the label (listed market
 *   caps and private post-money valuations are different bases, and the label says which);
 * - revenue x the P/S multiples the articles state for peers (lowest to highest);
 * - revenue x the analyst's target multiple (assumption `target-ps-multiple`).
 * A range is a bar; a bound open on one side (突破 / 超: over) is a point at the bound with `≥`
 * in its label; a single number is a point. The revenue is the comps table's (annualized or an
 * analyst estimate, named in the tooltip).
 */
import type { TopLevelSpec } from 'vega-lite';
import { buildComps, type CompsRow } from '../api/comps';
import { TARGET_MULTIPLE_ID } from '../metrics/rules/analyst';
import { formatInterval } from '../units/format';
import { selectFacts, type ChartContext } from './context';
import { moreNote, topRows } from './bound';
import { CATEGORICAL } from './palette';
import { arrowLayers, CHART_CONFIG, chartHeader, requireRows } from './spec';

const CURRENCY = 'USD';
export const FOOTBALL_METHODS = ['as reported', 'revenue x peer P/S', 'revenue x target multiple'] as const;
/** Method colours from the report's categorical palette (methods, not companies, are coloured here). */
const COLORS = [CATEGORICAL[7], CATEGORICAL[1], CATEGORICAL[4]];
/** Companies drawn at most (up to three bands each). */
export const MAX_COMPANIES = 8;
/** The company always drawn. */
const FOCUS = 'stepfun';

interface Band {
  company: string;
  method: (typeof FOOTBALL_METHODS)[number];
  lo: number | null;
  hi: number | null;
  /** where the point sits when the band is not a bar */
  at: number;
  /** where the label starts: after the bar, or after the point */
  label_at: number;
  bar: boolean;
  /** 'open above' / 'open below' for a one-sided bound (drawn as an arrow), else 'closed' */
  bound: 'open above' | 'open below' | 'closed';
  text: string;
  detail: string;
}

const bn = (x: number | null) => (x === null ? null : Number((x / 1e9).toPrecision(6)));

function band(company: string, method: Band['method'], lo: number | null, hi: number | null, detail: string): Band | null {
  if (lo === null && hi === null) return null;
  const bar = lo !== null && hi !== null && lo !== hi;
  const text = formatInterval({ low: lo, high: hi }, 'money', CURRENCY);
  const bound = lo !== null && hi === null ? 'open above' : lo === null && hi !== null ? 'open below' : 'closed';
  return { company, method, lo: bn(lo), hi: bn(hi), at: bn(lo ?? hi)!, label_at: bn(bar ? hi : lo ?? hi)!, bar, bound, text, detail };
}

/** The bands of one company. */
function bands(r: CompsRow, peer: { lo: number; hi: number; names: string } | null, target: number | null): Band[] {
  const out: Array<Band | null> = [
    band(r.name, 'as reported', r.valuation_low, r.valuation_high, `${r.valuation_basis}, ${r.valuation_quantity} (${r.valuation_date ?? 'undated'})`),
  ];
  if (r.revenue_low !== null && r.revenue_high !== null) {
    const rev = `${r.revenue_basis} revenue ${formatInterval({ low: r.revenue_low, high: r.revenue_high }, 'money', CURRENCY)}`;
    if (peer) out.push(band(r.name, 'revenue x peer P/S', r.revenue_low * peer.lo, r.revenue_high * peer.hi, `${rev} x ${peer.lo === peer.hi ? `${peer.lo}x` : `${peer.lo}–${peer.hi}x`} (${peer.names})`));
    if (target !== null) out.push(band(r.name, 'revenue x target multiple', r.revenue_low * target, r.revenue_high * target, `${rev} x ${target}x (${TARGET_MULTIPLE_ID})`));
  }
  return out.filter((b): b is Band => b !== null);
}

export function footballFieldSpec(ctx: ChartContext): TopLevelSpec {
  const allComps = requireRows(buildComps(ctx, { currency: CURRENCY }), 'football-field', 'companies with a valuation or market cap');
  // bounded: the largest valuations, the focus company's always
  const shown = topRows(allComps, (r) => r.valuation ?? r.valuation_low ?? r.valuation_high ?? 0, MAX_COMPANIES, (r) => r.entity === FOCUS);
  const comps = shown.kept;
  const stated = selectFacts(ctx, { metric: 'ps_ratio' }).filter((f) => f.low !== null || f.high !== null || f.value !== null);
  const target = ctx.assumptions.find((a) => a.id === TARGET_MULTIPLE_ID)?.value ?? null;
  // peers' stated P/S: the lowest and highest of every other entity, found in one pass (two best per side)
  const perEntity = new Map<string, { lo: number; hi: number }>();
  for (const f of stated) {
    const lo = f.low ?? f.value;
    const hi = f.high ?? f.value;
    if (lo === null || hi === null) continue;
    const cur = perEntity.get(f.entity);
    perEntity.set(f.entity, { lo: Math.min(cur?.lo ?? lo, lo), hi: Math.max(cur?.hi ?? hi, hi) });
  }
  const byLo = [...perEntity.entries()].sort((a, b) => a[1].lo - b[1].lo);
  const byHi = [...perEntity.entries()].sort((a, b) => b[1].hi - a[1].hi);
  const names = new Map(ctx.entities.map((e) => [e.id, e.name_en]));
  const peerNames = [...perEntity.keys()].map((id) => names.get(id) ?? id);
  const rows = comps.flatMap((r) => {
    const lo = byLo.find(([id]) => id !== r.entity)?.[1].lo;
    const hi = byHi.find(([id]) => id !== r.entity)?.[1].hi;
    const others = peerNames.filter((n) => n !== r.name).join(', ');
    return bands(r, lo !== undefined && hi !== undefined ? { lo, hi, names: others } : null, target);
  });
  const order = [...comps].sort((a, b) => (b.valuation ?? b.valuation_low ?? 0) - (a.valuation ?? a.valuation_low ?? 0)).map((r) => r.name);
  const y = { field: 'company', type: 'nominal' as const, title: null, sort: order };
  const yOffset = { field: 'method', type: 'nominal' as const, sort: [...FOOTBALL_METHODS] };
  const color = {
    field: 'method', type: 'nominal' as const, title: 'method',
    scale: { domain: [...FOOTBALL_METHODS], range: COLORS }, legend: { orient: 'bottom' as const },
  };
  const tooltip = [
    { field: 'company', type: 'nominal' as const }, { field: 'method', type: 'nominal' as const },
    { field: 'text', type: 'nominal' as const, title: 'range' }, { field: 'detail', type: 'nominal' as const, title: 'from' },
  ];
  const x = { type: 'quantitative' as const, title: `${CURRENCY} billion (log scale)`, scale: { type: 'log' as const } };
  const used = new Set([...comps.flatMap((c) => c.inputs), ...stated.map((f) => f.id)]);
  const sources = ctx.facts.filter((f) => used.has(f.id));
  const text = (filter: string, dx: number) => ({
    transform: [{ filter }],
    mark: { type: 'text', align: 'left', dx, fontSize: 10, color: '#333' },
    encoding: { x: { field: 'label_at', ...x }, text: { field: 'text' }, color: { value: '#333' } },
  });
  const layers: Array<[(b: Band) => boolean, object[]]> = [
    [(b) => b.bar, [{ transform: [{ filter: 'datum.bar' }], mark: { type: 'bar', height: 12 }, encoding: { x: { field: 'lo', ...x }, x2: { field: 'hi' } } }]],
    [(b) => !b.bar && b.bound === 'closed', [{ transform: [{ filter: "!datum.bar && datum.bound === 'closed'" }], mark: { type: 'point', filled: true, size: 70 }, encoding: { x: { field: 'at', ...x } } }]],
    // a one-sided bound: a tick at the bound and a short arrow of fixed length to its open side
    [(b) => b.bound !== 'closed', [
      { transform: [{ filter: "datum.bound !== 'closed'" }], mark: { type: 'tick', orient: 'vertical', thickness: 2, size: 12 }, encoding: { x: { field: 'at', ...x } } },
      ...arrowLayers(rows, { field: 'at', ...x }),
    ]],
    // labels: after the bar or point; after the arrow of a lower bound
    [(b) => b.bound !== 'open above', [text("datum.bound !== 'open above'", 6)]],
    [(b) => b.bound === 'open above', [text("datum.bound === 'open above'", 28)]],
  ];
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v5.json',
    ...chartHeader(ctx, `Valuation ranges by method (football field)${moreNote(shown, 'companies')}`, sources,
      'Bar = range; point = single value; arrow = one-sided bound; USD bn, log scale', [
        'As reported: listed companies by market cap, private ones by post-money or reported valuation (the tooltip names the basis)',
        'Revenue x peer P/S: revenue (annualized where a part of the year is reported, or the analyst\'s estimate) times the lowest to highest P/S the articles state for other companies',
        `Revenue x target multiple: the same revenue times the analyst's target multiple (assumption ${TARGET_MULTIPLE_ID})`,
        ...(shown.more ? [`Drawn: the ${MAX_COMPANIES} largest valuations (StepFun always); the others are in the comps table`] : []),
      ]),
    config: CHART_CONFIG,
    width: 520,
    height: comps.length * 46,
    data: { values: rows as unknown as Array<Record<string, unknown>> },
    encoding: { y, yOffset, color, tooltip },
    // only layers some band has (an empty layer leaves vega an infinite extent to warn about)
    layer: layers.filter(([when]) => rows.some(when)).flatMap(([, l]) => l),
  } as TopLevelSpec;
}
