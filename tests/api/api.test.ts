import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { open, openSync, FxScenarioError, formatComparison } from '../../src/api';
import { rangeValues } from '../../src/api/sensitivity';

const DATA = resolve(__dirname, '../../data');
const ds = openSync({ dataDir: DATA });

/** The Zhipu market cap to sales on the 955亿 HKD market cap (ne) and 2025 H1 revenue. */
const zhipuMcs = (d = ds) => d.derived({ entity: 'zhipu', metric: 'market_cap_to_sales' })
  .find((r) => r.inputs.includes('ne-zhipu-market_cap'))!;

describe('bv.open', () => {
  it('gives typed arrays and filters them', async () => {
    const d = await open({ dataDir: DATA });
    expect(d.sources.length).toBeGreaterThan(0);
    expect(d.facts().length).toBeGreaterThan(100);
    const rev = d.facts({ entity: 'zhipu', metric: 'revenue', period: '2025 H1' });
    expect(rev.map((f) => f.quantity)).toEqual(['1.91億元']);
    // 1.91億 = 1.91e8 CNY
    expect(rev[0].value).toBe(1.91e8);
    expect(d.facts({ entity: ['zhipu', 'minimax'], metric: 'revenue', period: '2024' })).toHaveLength(2);
  });

  it('labels derived rows and keeps their ids short', () => {
    const r = zhipuMcs();
    expect(r.label).toBe('Zhipu AI · market_cap / annualized revenue · 2025 H1'.replace('market_cap', 'market cap'));
    expect(r.id).toMatch(/^market-cap-to-sales-zhipu-[0-9a-f]{6}$/);
    // the longest: implied-base-market-size-global-multimodal-ai-market-382648 (59)
    expect(Math.max(...ds.derived().map((d) => d.id.length))).toBeLessThanOrEqual(64);
    // 955亿 HKD x 0.896 CNY/HKD = 855.68亿 CNY; / (1.91亿 x 12/6 = 3.82亿) = 224
    expect(r.value).toBeCloseTo(224, 9);
  });

  it('builds DataFrames on request whose queries chain', () => {
    const f = ds.frame('facts');
    expect(ds.frame('facts')).toBe(f);
    const fin = f.query(f['table'].eq('financials'));
    const zhipu = fin.query(fin['entity'].eq('zhipu'));
    const rev = zhipu.query(zhipu['metric'].eq('revenue'));
    // Zhipu reports revenue for 2022, 2023, 2024 and 2025 H1
    expect(rev.shape[0]).toBe(4);
    expect(rev['value'].values).toContain(1.91e8);
    const derived = ds.frame('derived');
    expect(derived.columns).toContain('label');
  });

  it('the guard is what makes chained queries work (danfojs alone fails)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { DataFrame } = require('danfojs-node') as typeof import('danfojs-node');
    const raw = new DataFrame({ a: ['x', 'y', 'x', 'y'], b: [1, 2, 3, 4] });
    const once = raw.query(raw['a'].eq('y'));
    expect(() => once.query(once['b'].gt(2))).toThrow(/reading '0'/);
  });
});

describe('scenarios', () => {
  it('setting USD/CNY moves HKD/CNY through the HKD peg and recomputes derived metrics', () => {
    const s = ds.scenario({ fx: { USDCNY: 7.2 } });
    // 7.2 CNY/USD x 0.128 USD/HKD (peg) = 0.9216 CNY/HKD
    expect(s.assumption('hkd-cny-2026-01').value).toBeCloseTo(0.9216, 12);
    expect(s.assumption('usd-cny-2025-06').value).toBe(7.2);
    expect(s.assumption('hkd-usd-2026-01').value).toBe(0.128);
    // 955亿 x 0.9216 / 3.82亿 = 230.4
    expect(zhipuMcs(s).value).toBeCloseTo(230.4, 9);
    // the base dataset is unchanged
    expect(zhipuMcs().value).toBeCloseTo(224, 9);
  });

  it('an override of one rate by id is completed, not rejected', () => {
    const d = openSync({ dataDir: DATA, overrides: { 'usd-cny-2026-01': 7.2 } });
    expect(d.assumption('hkd-cny-2026-01').value).toBeCloseTo(0.9216, 12);
    // only the 2026-01 rates move
    expect(d.assumption('usd-cny-2025-06').value).toBe(7.15);
  });

  it('contradictory rates fail naming the overrides', () => {
    // 7.2 / 7.8 = 0.923 CNY/HKD, not 0.8
    let err: unknown;
    try { ds.scenario({ fx: { USDCNY: 7.2, USDHKD: 7.8, HKDCNY: 0.8 } }); } catch (e) { err = e; }
    expect(err).toBeInstanceOf(FxScenarioError);
    expect((err as Error).message).toMatch(/fx\.HKDCNY = 0\.8/);
    expect((err as Error).message).toMatch(/fx\.USDCNY = 7\.2/);
    expect((err as Error).message).not.toMatch(/assumptions\.csv/);
  });

  it('analyst inputs flow into derived metrics', () => {
    const at = (d = ds) => d.derived({ entity: 'moonshot', metric: 'valuation_at_target_multiple' })[0];
    // USD 200m estimate x 25x = USD 5bn; x 40 = USD 8bn
    expect(at().value).toBe(5e9);
    expect(at(ds.scenario({ inputs: { 'target-ps-multiple': 40 } })).value).toBe(8e9);
    // projected revenue: 200m x (1 + 100%)^3 = 1.6bn; at 50%: 200m x 1.5^3 = 675m
    const proj = ds.scenario({ inputs: { 'revenue-growth-rate': 50 } }).derived({ entity: 'moonshot', metric: 'projected_revenue' })[0];
    expect(proj.value).toBeCloseTo(6.75e8, 3);
    expect(() => ds.scenario({ inputs: { 'no-such-input': 1 } })).toThrow(/inputs\['no-such-input'\]: no such assumption/);
  });
});

describe('sensitivity and compare', () => {
  it('expands ranges without floating-point drift', () => {
    expect(rangeValues([6.8, 7.4, 0.1])).toEqual([6.8, 6.9, 7, 7.1, 7.2, 7.3, 7.4]);
    expect(rangeValues({ values: [7, 7.2] })).toEqual([7, 7.2]);
    expect(() => rangeValues([7.4, 6.8, 0.1])).toThrow(/from <= to/);
  });

  it('gives one row per rate and metric', () => {
    const t = ds.sensitivity({ entity: 'zhipu', metric: 'market_cap_to_sales' }, { USDCNY: [6.8, 7.4, 0.1] });
    const ne = t.rows.filter((r) => r.id === zhipuMcs().id);
    // 955亿 x (6.8 x 0.128) / 3.82亿 = 217.6; at 7.4: 955 x 0.9472 / 3.82 = 236.8
    expect(ne.map((r) => r.at)).toEqual([6.8, 6.9, 7, 7.1, 7.2, 7.3, 7.4]);
    expect(ne[0].value).toBeCloseTo(217.6, 9);
    expect(ne[6].value).toBeCloseTo(236.8, 9);
    const wide = t.wide();
    expect(wide).toHaveLength(7);
    expect(Object.values(wide[0])).toContain('218x');
  });

  it('compares two scenarios', () => {
    const c = ds.compare(ds.scenario({ fx: { USDCNY: 7.2 } }));
    expect(c.assumptions.map((a) => a.id).sort()).toEqual(['hkd-cny-2026-01', 'usd-cny-2025-06', 'usd-cny-2026-01']);
    const z = c.derived.find((d) => d.id === zhipuMcs().id)!;
    // 230.4 - 224 = 6.4, 6.4 / 224 = 2.857%
    expect(z.change).toBeCloseTo(6.4, 9);
    expect(z.change_pct).toBeCloseTo(2.857142857, 6);
    // StepFun's P/S is CNY over CNY: unchanged, so not listed
    expect(c.derived.some((d) => d.id.startsWith('ps-ratio-stepfun'))).toBe(false);
    const shown = formatComparison(c).find((r) => r.before === '224x')!;
    expect(shown).toMatchObject({ after: '230x', change: '+6.40x', 'change %': '+2.86%' });
  });
});

describe('comps', () => {
  const comps = ds.comps({ currency: 'USD' });
  const row = (entity: string) => comps.rows.find((r) => r.entity === entity)!;

  it('one row per company with basis, revenue and P/S in one currency', () => {
    const s = row('stepfun');
    expect(s.valuation_basis).toBe('post-money');
    // 200-300亿 CNY / 7.00 = USD 2.857–4.286bn
    expect(s.valuation_low).toBeCloseTo(2e10 / 7, 0);
    expect(s.valuation_high).toBeCloseTo(3e10 / 7, 0);
    // 200-300亿 / 10亿 = 20–30x, stated 250亿 / 10亿 = 25x
    expect([s.ps_low, s.ps, s.ps_high]).toEqual([20, 25, 30]);
    expect(s.ps_stated).toBe('约25倍');
    expect(s.sources).toEqual(['tmtpost-2026']);
    const z = row('zhipu');
    expect(z.listed).toBe(true);
    expect(z.valuation_basis).toBe('market cap');
    expect(z.revenue_basis).toBe('annualized 2025 H1 x 12/6');
    // 3000亿 HKD x 0.896 / 3.82亿 = 703.66x, open above (突破)
    expect(z.ps_low).toBeCloseTo(703.664921466, 6);
    expect(z.ps_high).toBeNull();
    expect(new Set(comps.rows.map((r) => r.currency))).toEqual(new Set(['USD']));
  });

  it('labels estimates and says when listed and private bases mix', () => {
    const m = row('moonshot');
    expect(m.revenue_basis).toBe('analyst estimate (moonshot-revenue-2025-usd-estimate)');
    // 100亿 USD / USD 200m = ≥ 50x
    expect(m.ps_low).toBe(50);
    expect(m.note).toMatch(/mix bases/);
    expect(row('zhipu').note).toMatch(/market cap basis/);
  });

  it('formats one scale per money column', () => {
    const f = comps.format();
    const byName = (n: string) => f.find((r) => r.company === n)!;
    expect(byName('StepFun')).toMatchObject({ valuation: 'USD 2.86–4.29bn (USD 3.57bn)', 'P/S': '20–30x (25.0x)' });
    expect(byName('Zhipu AI')['P/S']).toBe('≥ 704x');
    // revenue column in m: USD 53.4m (3.82亿 / 7.15) next to USD 200m
    expect(byName('Zhipu AI').revenue).toBe('USD 53.4m');
    expect(f.filter((r) => /\d{7,}|\.\d{4,}/.test([r.valuation, r.revenue, r['P/S']].join(' ')))).toEqual([]);
    expect(new Set(f.map((r) => r.revenue).filter((v) => v !== '—').map((v) => v.slice(-1)))).toEqual(new Set(['m']));
  });

  it('exports CSV, xlsx with number cells and Parquet', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bv-comps-'));
    const csv = readFileSync(comps.toCsv(join(dir, 'comps.csv')), 'utf8');
    expect(csv.startsWith('\uFEFFentity,name,listed,')).toBe(true);
    expect(csv).toMatch(/\nstepfun,StepFun,false,2026-01-26,post-money,200-300亿元,/);

    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const ExcelJS = require('exceljs') as typeof import('exceljs');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await comps.toXlsx(join(dir, 'comps.xlsx')));
    const ws = wb.getWorksheet('comps')!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    const col = header.indexOf('ps') + 1;
    const stepRow = ws.getColumn(1).values.findIndex((v) => v === 'stepfun');
    const cell = ws.getRow(stepRow).getCell(col);
    expect(cell.value).toBe(25);
    expect(cell.numFmt).toBe('0.0"x"');
    expect(ws.getRow(stepRow).getCell(header.indexOf('valuation') + 1).numFmt).toBe('#,##0.00,,," bn"');

    const file = await comps.toParquet(join(dir, 'comps.parquet'));
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { parquetReadObjects } = require('hyparquet') as { parquetReadObjects: (o: { file: ArrayBuffer }) => Promise<Array<Record<string, unknown>>> };
    const buf = readFileSync(file);
    const rows = await parquetReadObjects({ file: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength) });
    const s = rows.find((r) => r.entity === 'stepfun')!;
    expect(s.ps).toBe(25);
    expect(s.valuation_quantity).toBe('200-300亿元');
    expect(rows).toHaveLength(comps.rows.length);
  });
});
