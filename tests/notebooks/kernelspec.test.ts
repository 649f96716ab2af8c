import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { installKernelSpec, jupyterPathEnv, KERNEL_DISPLAY_NAME, KERNEL_NAME, NBCONVERT_CONFIG, SKIPPED_TAG, writeNbconvertConfig } from '../../src/notebooks';

function fakeRoot(withTslab: boolean): string {
  const root = mkdtempSync(join(tmpdir(), 'benchval-kernel-'));
  if (withTslab) {
    mkdirSync(join(root, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(root, 'node_modules', '.bin', 'tslab'), '#!/bin/sh\n');
    chmodSync(join(root, 'node_modules', '.bin', 'tslab'), 0o755);
  }
  return root;
}

describe('installKernelSpec', () => {
  it('writes a project-local kernel.json that starts tslab with the connection file', () => {
    const root = fakeRoot(true);
    const k = installKernelSpec(root);
    expect(k.file).toBe(join(root, 'out', 'jupyter', 'kernels', KERNEL_NAME, 'kernel.json'));
    expect(k.jupyterPath).toBe(join(root, 'out', 'jupyter'));
    expect(k.written).toBe(true);
    const spec = JSON.parse(readFileSync(k.file, 'utf8'));
    expect(spec).toEqual({
      argv: [join(root, 'node_modules', '.bin', 'tslab'), 'kernel', '--config-path', '{connection_file}'],
      display_name: KERNEL_DISPLAY_NAME,
      language: 'typescript',
    });
    expect(installKernelSpec(root).written).toBe(false);
  });

  it('fails clearly when tslab is not installed', () => {
    const root = fakeRoot(false);
    expect(() => installKernelSpec(root)).toThrow(/tslab launcher not found at .*node_modules\/\.bin\/tslab/);
  });
});

describe('jupyterPathEnv', () => {
  it('puts the project dir first and keeps other entries once', () => {
    expect(jupyterPathEnv('/p/out/jupyter', '')).toBe('/p/out/jupyter');
    expect(jupyterPathEnv('/p/out/jupyter', '/a:/p/out/jupyter:/b')).toBe('/p/out/jupyter:/a:/b');
  });
});

describe('nbconvert config', () => {
  it('allows errors so the executed copy is written, and skips cells tagged after a failure', () => {
    const file = writeNbconvertConfig(fakeRoot(false));
    const text = readFileSync(file, 'utf8');
    expect(text).toBe(NBCONVERT_CONFIG);
    expect(text).toContain('c.ExecutePreprocessor.allow_errors = True');
    expect(text).toContain(`c.ExecutePreprocessor.skip_cells_with_tag = "${SKIPPED_TAG}"`);
    expect(text).not.toContain('${');
  });
});
