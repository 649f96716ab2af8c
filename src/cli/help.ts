/**
 * `benchval help COMMAND` and `benchval COMMAND --help`: what each command does and every
 * option it takes. A command added to the command table gets its entry here; a test checks that
 * every command has one.
 */

export interface CommandHelp {
  usage: string;
  /** what the command does, one paragraph */
  about: string;
  /** option -> what it does */
  options: Record<string, string>;
}

const DATA_DIR = 'read the CSV tables from DIR (default: env BENCHVAL_DATA_DIR, else the project\'s data/)';
const OUT_DIR = 'write under DIR instead of out/ (DIR/charts/, DIR/report/, ...)';

export const HELP: Record<string, CommandHelp> = {
  facts: {
    usage: 'benchval facts [--json] [--table T] [--entity E] [--metric M] [--data-dir DIR]',
    about: 'Lists the facts: id, entity, metric, quantity as written, value, qualifier, date and source.',
    options: {
      '--json': 'print the export instead: one object per fact with values in base units, intervals, qualifiers, periods, sources and evidence',
      '--table T': 'only the facts of table T (benchmarks, funding_rounds, valuations, financials, multiples, deployments, model_specs, market)',
      '--entity E': 'only the facts about entity id E (an unknown id lists the closest ones)',
      '--metric M': 'only the facts of metric M (revenue, valuation, ...; an unknown one lists the closest ones)',
      '--data-dir DIR': DATA_DIR,
    },
  },
  validate: {
    usage: 'benchval validate [--data-dir DIR] [--seeds DIR]',
    about: 'Checks every data file (encoding, columns, ids, references, units, ranges, dates, FX rates), every claim and, '
      + 'when the articles are at hand, every evidence phrase. Lists each problem as file:line: column \'c\': message and '
      + 'exits 1; prints ok with the counts otherwise. `benchval all` runs the same checks first.',
    options: {
      '--seeds DIR': 'folder of the article texts for the evidence check (default: env BENCHVAL_SEEDS_DIR, else ../shared/seeds when it exists)',
      '--data-dir DIR': DATA_DIR,
    },
  },
  metrics: {
    usage: 'benchval metrics [--json] [--data-dir DIR]',
    about: 'The derived metrics table, each with its formula, inputs and assumptions.',
    options: { '--json': 'print the derived metrics as JSON', '--data-dir DIR': DATA_DIR },
  },
  audit: {
    usage: 'benchval audit [--json] [--all] [--no-fail] [--claims FILE] [--data-dir DIR]',
    about: 'Recomputes every claim, compares rows reporting the same quantity and applies the plausibility rules. Exits 1 when a finding fails.',
    options: {
      '--json': 'print every finding as JSON',
      '--all': 'list every finding, passing conflict and plausibility findings included',
      '--no-fail': 'exit 0 even when a finding fails',
      '--claims FILE': 'read the claims from FILE instead of claims.csv of the data directory',
      '--data-dir DIR': DATA_DIR,
    },
  },
  charts: {
    usage: 'benchval charts [--out DIR] [--no-png] [--validate] [--data-dir DIR] [name ...]',
    about: 'Renders every chart (or the named ones) to out/charts/: vega-lite spec, SVG and PNG.',
    options: {
      '--out DIR': OUT_DIR,
      '--no-png': 'skip the PNG files',
      '--validate': 'also check each spec against the vega-lite JSON schema',
      '--data-dir DIR': DATA_DIR,
      'name ...': 'only these charts',
    },
  },
  report: {
    usage: 'benchval report [--out DIR] [--data-dir DIR]',
    about: 'Writes the self-contained HTML report out/report/index.html.',
    options: { '--out DIR': OUT_DIR, '--data-dir DIR': DATA_DIR },
  },
  all: {
    usage: 'benchval all [--out DIR] [--no-png] [--seeds DIR] [--data-dir DIR]',
    about: 'The main job behind `npm start`: runs the checks of `benchval validate` (and stops with their locations when any fails), '
      + 'then writes charts, derived metrics, audit, facts export and HTML report, printing each stage as it runs. '
      + 'The files are written into a staging folder and moved into place at the end, so the output folder always holds '
      + 'one complete run (manifest.json lists its files); a second run on the same folder stops at once, naming the first.',
    options: {
      '--out DIR': `${OUT_DIR}; a pseudo-filesystem (/proc), a file or a read-only place fails at once`,
      '--no-png': 'skip the PNG renderings of the charts',
      '--seeds DIR': 'folder of the article texts for the evidence check, as for validate',
      '--data-dir DIR': DATA_DIR,
    },
  },
  notebooks: {
    usage: 'benchval notebooks [names ...] [--param NAME=VALUE ...] [--timeout S] [--no-html] [--root DIR] | --check-clean | --clear',
    about: 'Executes every notebook (or those whose name starts with one of names, e.g. 03) headless into out/notebooks/.',
    options: {
      'names ...': 'only the notebooks whose file name starts with one of these',
      '--param SETTING': 'NAME=VALUE: set a value of the notebooks\' parameters cell for this run (USDCNY=7.2, TARGET_MULTIPLE=40, ...); repeatable',
      '--timeout S': 'seconds allowed per cell',
      '--no-html': 'skip the HTML export',
      '--root DIR': 'project root holding notebooks/, node_modules/ and out/ (default: this package)',
      '--check-clean': 'fail when a committed notebook carries outputs or execution counts',
      '--clear': 'strip outputs and execution counts from the committed notebooks in place',
    },
  },
  kernel: {
    usage: 'benchval kernel [--path-only]',
    about: 'Installs the project-local tslab kernelspec and prints the JUPYTER_PATH under which Jupyter finds it.',
    options: { '--path-only': 'print only the JUPYTER_PATH value' },
  },
  comps: {
    usage: 'benchval comps [--currency C] [--money=code|chinese] [--usdcny RATE] [--json] [--csv FILE] [--xlsx FILE] [--parquet FILE] [--data-dir DIR]',
    about: 'The comparables table: one row per company with its latest valuation or market cap (and its basis), revenue '
      + '(annualized where a part of the year is reported), P/S low / point / high and the source ids, all money in one currency.',
    options: {
      '--currency C': 'currency of every amount: USD (default), CNY or HKD',
      '--money STYLE': 'written --money=code (USD 2.94bn, the default) or --money=chinese (29.4亿美元)',
      '--usdcny RATE': 'a USD/CNY scenario (CNY per USD); HKD/CNY follows through the HKD peg',
      '--json': 'print { "comps": [...] } with full-precision numbers instead of the table',
      '--csv FILE': 'also write the table as CSV (UTF-8 with a byte order mark)',
      '--xlsx FILE': 'also write the table as an Excel workbook with formatted number cells',
      '--parquet FILE': 'also write the table as Parquet',
      '--data-dir DIR': DATA_DIR,
    },
  },
  extract: {
    usage: 'benchval extract ARTICLE.txt [--published YYYY-MM-DD] [--json | --csv] [--data-dir DIR]',
    about: 'Prints candidate facts of an article, one per quantitative statement, with evidence, confidence and the cues '
      + 'that decided entity, metric and period. Writes nothing.',
    options: {
      '--published DATE': 'publication date (YYYY-MM-DD), for relative dates (今年, 去年) and undated figures (default: the article\'s own date line)',
      '--json': 'print the candidates as JSON (the fields of facts --json plus entity_text, confidence and reasons)',
      '--csv': 'print the candidates as inbox CSV',
      '--data-dir DIR': DATA_DIR,
    },
  },
  ingest: {
    usage: 'benchval ingest ARTICLE.txt --source-id ID --outlet NAME --published DATE [--title T] [--url U] [--language L] [--data-dir DIR] [--seeds DIR]',
    about: 'Adds the article as a source, keeps its text where validate finds it, writes its candidate facts to '
      + '<data dir>/inbox/ID.csv for review and prints a summary: candidates by table, names not in entities.csv, and '
      + 'what each candidate agrees or conflicts with in the fact base. Nothing is written when the input is bad.',
    options: {
      '--source-id ID': 'id of the new source (must not exist yet)',
      '--outlet NAME': 'the outlet that published the article',
      '--published DATE': 'publication date (YYYY-MM-DD, YYYY-MM or YYYY)',
      '--title T': 'the article\'s title',
      '--url U': 'where the article was read',
      '--language L': 'zh-Hans (default) or zh-Hant',
      '--data-dir DIR': DATA_DIR,
      '--seeds DIR': 'keep the article text in DIR instead of <data dir>/articles/',
    },
  },
  accept: {
    usage: 'benchval accept SOURCE_ID [--min-confidence C] [--data-dir DIR] [--seeds DIR]',
    about: 'Moves the reviewed rows of a source\'s inbox file into the fact tables with stable ids, through the same '
      + 'validation as hand-keyed rows; rows that fail stay in the inbox with their error.',
    options: {
      '--min-confidence C': 'leave rows with a confidence below C (0 to 1) in the inbox',
      '--data-dir DIR': DATA_DIR,
      '--seeds DIR': 'folder of the article texts for the evidence check',
    },
  },
  inbox: {
    usage: 'benchval inbox [--data-dir DIR]',
    about: 'Lists the sources whose candidate rows wait for review, with their row counts, errors and confidence range.',
    options: { '--data-dir DIR': DATA_DIR },
  },
};

/** Words of `text` in lines of at most `width` characters. */
export function wrap(text: string, width = 96): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line !== '' && line.length + 1 + word.length > width) { lines.push(line); line = word; } else line = line ? `${line} ${word}` : word;
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** The help text of a command; null when it has no entry. */
export function helpText(name: string): string | null {
  const h = HELP[name];
  if (!h) return null;
  const width = Math.max(...Object.keys(h.options).map((o) => o.length), 0);
  const lines = [`usage: ${h.usage}`, '', ...wrap(h.about)];
  if (Object.keys(h.options).length > 0) {
    lines.push('', 'options:');
    for (const [o, what] of Object.entries(h.options)) lines.push(`  ${o.padEnd(width)}  ${what}`);
  }
  lines.push(`  ${'-h, --help'.padEnd(width)}  this help`);
  return lines.join('\n') + '\n';
}
