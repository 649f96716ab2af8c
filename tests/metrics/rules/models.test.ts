import { describe, expect, it } from 'vitest';
import { computeDerived } from '../../../src/metrics/derived';
import { memoryPrecision, weightMemoryRule } from '../../../src/metrics/rules/models';
import type { Fact } from '../../../src/types';
import { fact, FX } from '../facts';

const spec = (p: Partial<Fact> & { id: string; quantity: string }) => fact({ entity: 'm', table: 'model_specs', ...p });

describe('weightMemoryRule', () => {
  it('bf16 for every model, and int8 beside a figure stated at INT8: 321B -> 642GB and 321GB', () => {
    const facts = [
      spec({ id: 'total', metric: 'total_parameters', quantity: '321B' }),
      spec({ id: 'mem', metric: 'memory_int8', quantity: '5GB' }),
      spec({ id: 'small', entity: 'n', metric: 'total_parameters', quantity: '4B' }),
      spec({ id: 'odd', entity: 'n', metric: 'memory_gpu', quantity: '8GB' }),
    ];
    const rows = computeDerived(facts, FX, [weightMemoryRule]);
    expect(rows.map((r) => [r.metric, r.entity, r.value])).toEqual([
      ['weight_memory_bf16', 'm', 642e9], // 321B x 2 bytes
      ['weight_memory_int8', 'm', 321e9], // 321B x 1 byte
      ['weight_memory_bf16', 'n', 8e9], // 4B x 2 bytes; memory_gpu names no precision
    ]);
    expect(rows[1].id).toMatch(/^weight-memory-int8-m-[0-9a-f]{6}$/);
    expect(rows[1].formula).toBe('total_parameters x 1 byte');
    expect(rows[1].method).toBe('weights only, int8 (1 byte per parameter), the precision of the stated mem (5GB); no KV cache or activations');
  });
  it('a size class 千亿 read as at least 1e11: bounds [2e11, +inf) bytes, no value', () => {
    const facts = [spec({ id: 'audio', metric: 'total_parameters', quantity: '千亿', qualifier: 'at-least', low: 1e11, high: null })];
    const [row] = computeDerived(facts, FX, [weightMemoryRule]);
    // 1e11 parameters x 2 bytes = 2e11 bytes at least; 千亿 names no single count
    expect([row.low, row.high, row.value]).toEqual([2e11, null, null]);
    expect(row.note).toMatch(/^no point value: audio is stated only as an order of magnitude \(千亿\)/);
  });
  it('reads the precision from the metric name', () => {
    expect([memoryPrecision('memory_int8'), memoryPrecision('memory_int4'), memoryPrecision('memory_gpu'), memoryPrecision('latency')])
      .toEqual(['int8', 'int4', null, null]);
  });
});
