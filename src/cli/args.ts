/** Command-line option parsing shared by the commands. */

/**
 * Takes `--name VALUE` (or `--name=VALUE`) out of command-line arguments; returns the value
 * (undefined when the option is absent; the last one wins) and the remaining arguments.
 * Throws `--name needs a <what>` when the value is missing or empty.
 */
export function takeValueOption(argv: readonly string[], name: string, what = 'directory'): { value?: string; rest: string[] } {
  const flag = `--${name}`;
  const missing = () => new Error(`${flag} needs a ${what}`);
  const rest: string[] = [];
  let value: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === flag) {
      const v = argv[i + 1];
      if (v === undefined || v.startsWith('--')) throw missing();
      value = v;
      i++;
    } else if (a.startsWith(`${flag}=`)) {
      value = a.slice(flag.length + 1);
      if (value === '') throw missing();
    } else {
      rest.push(a);
    }
  }
  return { value, rest };
}
