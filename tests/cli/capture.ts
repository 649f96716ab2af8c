/** Runs a CLI command in-process and captures what it writes to stdout and stderr. */
import { vi } from 'vitest';
import type { Command } from '../../src/cli/main';

export async function runCommand(cmd: Command, argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => { out += String(s); return true; });
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => { err += String(s); return true; });
  try {
    return { code: await cmd.run(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}
