import { describe, expect, it } from 'vitest';
import { byQuantity, extract } from './helpers';

describe('extract: release and founding dates', () => {
  it('takes a date a founding or release cue governs, dated by itself', () => {
    const cs = extract('阶跃星辰2023年4月成立于上海。Step 3于2025年7月31日正式发布。', '2026-01-20');
    expect(byQuantity(cs, '2023年4月')).toMatchObject({ entity: 'stepfun', metric: 'founding_date', unit: 'date', as_of: '2023-04', period_end: null });
    const d = byQuantity(cs, '2025年7月31日');
    expect(d).toMatchObject({ entity: 'step-3', metric: 'release_date', unit: 'date', as_of: '2025-07-31' });
    // the date as a day number: 2025-07-31 is day 20300 since 1970-01-01
    expect(d.value).toBe(20300);
  });

  it('reads a cue before the date too (成立于, 发布时间：)', () => {
    const cs = extract('月之暗面成立于2023年3月，发布时间：2025年2月18日。', '2026-01-20');
    expect(byQuantity(cs, '2023年3月')).toMatchObject({ entity: 'moonshot', metric: 'founding_date', as_of: '2023-03' });
    expect(byQuantity(cs, '2025年2月18日')).toMatchObject({ metric: 'release_date', as_of: '2025-02-18' });
  });

  it('reads the dates of a table column whose header is a release cue, for the model of the row', () => {
    const text = [
      '| 模型 | 参数 | 发布时间 |',
      '|-----|-----|-----|',
      '| Step 3 | 321B总参数 | 2025年7月31日 |',
      '| Step R-mini | - | 2025年1月 |',
      '',
      '| 模型 | 评测日期 |',
      '|---|---|',
      '| Step 3 | 2025年8月1日 |',
    ].join('\n');
    const cs = extract(text, '2025-09-01').filter((c) => c.unit === 'date');
    expect(cs.map((c) => [c.entity, c.metric, c.as_of])).toEqual([
      ['step-3', 'release_date', '2025-07-31'],
      ['step-r-mini', 'release_date', '2025-01'],
    ]);
    expect(cs[0].reasons).toContain("metric release_date: cue '发布' in the header of its table column");
  });

  it('leaves out the article\'s own date line (发布时间：the publication date)', () => {
    const cs = extract('发布时间：2026年1月20日\n阶跃星辰营收1亿元。', '2026-01-20');
    expect(cs.map((c) => c.quantity)).toEqual(['1亿元']);
  });

  it('leaves out dates no cue governs, and bare years', () => {
    const cs = extract('2025年7月31日，阶跃星辰营收1亿元。Step 3于2025年发布。', '2026-01-20');
    expect(cs.filter((c) => c.unit === 'date')).toEqual([]);
    expect(cs.map((c) => c.quantity)).toEqual(['1亿元']);
  });
});
