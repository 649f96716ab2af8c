import * as path from 'path';
import { describe, expect, it } from 'vitest';
import { readEntities } from '../../src/data';
import { EntityResolver, normalizeEntityName } from '../../src/data/resolveEntity';

const entities = readEntities({ dataDir: path.resolve(__dirname, '../../data') });
const r = new EntityResolver(entities);

describe('entity-name resolver', () => {
  it('normalises script, case, spaces and punctuation, keeping version dots', () => {
    expect(normalizeEntityName('Step 3.5 Flash')).toBe('step3.5flash');
    expect(normalizeEntityName('STEP-3.5-FLASH')).toBe('step3.5flash');
    expect(normalizeEntityName('智譜 AI')).toBe('智谱ai');
  });

  it.each([
    ['智谱', 'zhipu'], ['智譜', 'zhipu'], ['智谱AI', 'zhipu'], ['智谱华章', 'zhipu'], ['稀宇科技', 'minimax'],
    ['阶跃', 'stepfun'], ['階躍星辰', 'stepfun'], ['StepFun', 'stepfun'], ['Step 3.5 Flash', 'step-3.5-flash'],
    ['step-3.5-flash', 'step-3.5-flash'], ['騰訊', 'tencent'],
  ])('resolves %s to %s', (name, id) => {
    expect(r.resolve(name)?.id).toBe(id);
  });

  it('falls back to the longest known name contained in the text', () => {
    expect(r.resolve('北京智谱华章科技股份有限公司旗下')?.id).toBe('zhipu');
    expect(r.resolve('腾讯混元大模型团队')?.id).toBe('hunyuan');
    expect(r.resolve('Unknown Lab')).toBeNull();
  });

  it('finds names in a text with offsets into the original, longest first, not inside a longer version', () => {
    const text = '阶跃星辰发布Step 3.5 Flash，智譜和Step 3随后跟进。';
    const ms = r.mentions(text);
    expect(ms.map((m) => [m.entity.id, m.text])).toEqual([
      ['stepfun', '阶跃星辰'], ['step-3.5-flash', 'Step 3.5 Flash'], ['zhipu', '智譜'], ['step-3', 'Step 3'],
    ]);
    for (const m of ms) expect(text.slice(m.start, m.end)).toBe(m.text);
  });
});
