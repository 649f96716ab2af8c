/**
 * benchval command line. Each sub-command lives in ./commands/<name> and is loaded on demand,
 * so `benchval facts` does not pay for the chart renderer.
 */
export interface Command {
  summary: string;
  run(argv: string[]): Promise<number> | number;
}

const COMMANDS: Record<string, () => Command> = {
  facts: () => require('./commands/facts').command,
  validate: () => require('./commands/validate').command,
  metrics: () => require('./commands/metrics').command,
  comps: () => require('./commands/comps').command,
  audit: () => require('./commands/audit').command,
  charts: () => require('./commands/charts').command,
  report: () => require('./commands/report').command,
  all: () => require('./commands/all').command,
  notebooks: () => require('./commands/notebooks').command,
  kernel: () => require('./commands/kernel').command,
};

function usage(): string {
  const lines = ['usage: benchval <command> [options]', '', 'commands:'];
  for (const [name, load] of Object.entries(COMMANDS)) {
    let summary = '';
    try { summary = load().summary; } catch { summary = '(unavailable)'; }
    lines.push(`  ${name.padEnd(10)} ${summary}`);
  }
  return lines.join('\n');
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`benchval: unknown command '${name}'\n${usage()}\n`);
    return 2;
  }
  return load().run(rest);
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err: unknown) => {
      process.stderr.write(`benchval: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
