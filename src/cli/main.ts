/**
 * benchval command line. Each sub-command lives in ./commands/<name> and is loaded on demand,
 * so `benchval facts` does not pay for the chart renderer.
 */
import { helpText } from './help';
import { unknownNameMessage } from './suggest';

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
  extract: () => require('./commands/extract').command,
  ingest: () => require('./commands/ingest').command,
  accept: () => require('./commands/accept').command,
  inbox: () => require('./commands/inbox').command,
};

/** Names of every command, in the order `benchval` lists them. */
export function commandNames(): string[] {
  return Object.keys(COMMANDS);
}

function usage(): string {
  const lines = ['usage: benchval <command> [options]   (benchval help <command>: its options; --version: the version)', '', 'commands:'];
  for (const [name, load] of Object.entries(COMMANDS)) {
    let summary = '';
    try { summary = load().summary; } catch { summary = '(unavailable)'; }
    lines.push(`  ${name.padEnd(10)} ${summary}`);
  }
  return lines.join('\n');
}

/** The package version from package.json. */
export function version(): string {
  return (require('../../package.json') as { version: string }).version;
}

export async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (name === '--version' || name === '-V' || name === 'version') {
    process.stdout.write(`benchval ${version()}\n`);
    return 0;
  }
  if (name === 'help' && rest.length > 0) {
    const text = COMMANDS[rest[0]] ? helpText(rest[0]) : null;
    if (text === null) {
      process.stderr.write(`benchval: ${unknownNameMessage('command', rest[0], Object.keys(COMMANDS))}\n${usage()}\n`);
      return 2;
    }
    process.stdout.write(text);
    return 0;
  }
  if (!name || name === '-h' || name === '--help' || name === 'help') {
    process.stdout.write(usage() + '\n');
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    process.stderr.write(`benchval: ${unknownNameMessage('command', name, Object.keys(COMMANDS))}\n${usage()}\n`);
    return 2;
  }
  const help = rest.includes('--help') || rest.includes('-h') ? helpText(name) : null;
  if (help !== null) {
    process.stdout.write(help);
    return 0;
  }
  return load().run(rest);
}

/**
 * Output piped into a reader that stops early (`benchval facts | head`) ends the program
 * quietly: EPIPE on stdout or stderr exits with the code so far, never with a stack trace.
 */
export function exitQuietlyOnEpipe(): void {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
}

if (require.main === module) {
  exitQuietlyOnEpipe();
  main(process.argv.slice(2)).then(
    (code) => { process.exitCode = code; },
    (err: unknown) => {
      process.stderr.write(`benchval: ${err instanceof Error ? err.message : String(err)}\n`);
      process.exitCode = 1;
    },
  );
}
