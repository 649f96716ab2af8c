import { describe, expect, it } from 'vitest';
import { takeValueOption } from '../../src/cli/args';

describe('takeValueOption', () => {
  it('takes --name VALUE and --name=VALUE out of the arguments, the last one winning', () => {
    expect(takeValueOption(['--json', '--out', '/tmp/a', 'x'], 'out')).toEqual({ value: '/tmp/a', rest: ['--json', 'x'] });
    expect(takeValueOption(['--out=/tmp/b'], 'out')).toEqual({ value: '/tmp/b', rest: [] });
    expect(takeValueOption(['--out', 'a', '--out=b'], 'out')).toEqual({ value: 'b', rest: [] });
  });

  it('leaves other options alone, including ones that start with the same letters', () => {
    expect(takeValueOption(['--outdir', 'x', '--json'], 'out')).toEqual({ value: undefined, rest: ['--outdir', 'x', '--json'] });
  });

  it('rejects a missing or empty value', () => {
    expect(() => takeValueOption(['--seeds'], 'seeds')).toThrow('--seeds needs a directory');
    expect(() => takeValueOption(['--seeds', '--json'], 'seeds')).toThrow('--seeds needs a directory');
    expect(() => takeValueOption(['--data-dir='], 'data-dir')).toThrow('--data-dir needs a directory');
  });
});
