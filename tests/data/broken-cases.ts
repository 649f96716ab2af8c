/** The broken fixtures (tests/data/fixtures/broken) and the problem each must be reported with. */

/**
 * `data`: found by the data loaders (validateData, readDataset) and by `benchval validate`;
 * `validate`: claims and evidence, found by `benchval validate` only (runValidation).
 */
export interface Expected {
  by: 'data' | 'validate'; file: string; line: number; column: string | null; message: RegExp;
  /** how many problems the case has in all, when that is part of what it shows (no follow-on errors) */
  total?: number;
}

const data = (file: string, line: number, column: string | null, message: RegExp, total?: number): Expected => ({ by: 'data', file, line, column, message, total });
const validate = (file: string, line: number, column: string | null, message: RegExp, total?: number): Expected => ({ by: 'validate', file, line, column, message, total });

/** One expected issue per broken fixture (file, line and column worked out from the fixture). */
export const CASES: Record<string, Expected> = {
  'unknown-entity': data('valuations.csv', 2, 'entity', /unknown entity 'stepfunn'/),
  'unknown-source': data('funding_rounds.csv', 3, 'source', /unknown source 'tmtpost-2027'/),
  'unparseable-quantity': data('valuations.csv', 4, 'quantity', /cannot parse '5000-7500亿欧元' \(unknown unit '欧元'\)/),
  'missing-unit': data('deployments.csv', 3, 'unit', /empty/),
  'missing-currency': data('funding_rounds.csv', 2, 'currency', /unit 'money' needs CNY, USD or HKD/),
  'conflicting-currency': data('valuations.csv', 3, 'currency', /'USD' conflicts with '955億港元', which is in HKD/),
  'unit-conflict': data('model_specs.csv', 2, 'unit', /'parameters' conflicts with '50亿元', which reads as money/),
  'low-above-high': data('valuations.csv', 2, 'quantity', /low 30000000000 > high 20000000000/),
  'duplicate-fact-id': data('multiples.csv', 4, 'id', /duplicate fact id 'qb-stepfun-funding_amount-bplus' \(first at .*funding_rounds\.csv:2\)/),
  'header-missing-column': data('benchmarks.csv', 1, 'variant', /missing column in header/),
  'header-unknown-column': data('benchmarks.csv', 1, 'score', /unknown column/),
  'qualifier-contradiction': data('deployments.csv', 4, 'qualifier', /'over' contradicts the quantity '近4萬輛', which reads as nearly/),
  'bad-qualifier': data('multiples.csv', 2, 'qualifier', /'about' is not one of exact, approx/),
  'bad-date': data('deployments.csv', 2, 'as_of', /bad date '2026-02-30'/),
  'empty-evidence': data('financials.csv', 3, 'evidence', /empty \(required\)/),
  'evidence-number-missing': data('funding_rounds.csv', 2, 'evidence', /does not contain '60' of the quantity '超60亿元'/),
  'unknown-parent': data('entities.csv', 9, 'parent', /unknown parent entity 'stepfunx'/),
  'duplicate-entity-id': data('entities.csv', 6, 'id', /duplicate entity id 'zhipu' \(first at line 3\)/),
  'wrong-column-count': data('deployments.csv', 4, null, /expected 13 fields, found 12/),
  'bad-assumption': data('assumptions.csv', 3, 'value', /'seven' is not a number/),
  // a missing table is an error naming the file (line 0: the file as a whole)
  'missing-fact-table': data('multiples.csv', 0, null, /^cannot read file \(ENOENT\): the file is missing/),
  'unknown-unit': data('deployments.csv', 4, 'unit', /'vehicels' is not a known unit \(known: money, .*vehicles/),
  // revenue: two rows in money (lines 2 and 5), one in multiple (line 6)
  'metric-unit-mismatch': data('financials.csv', 6, 'unit',
    /metric 'revenue' is in 'multiple' here, but other rows of it use 'money' \(2 rows, first at .*financials\.csv:2\)/),
  // 7 CNY/USD x 0.128 USD/HKD = 0.896 CNY/HKD against 0.92: 0.896 / 0.92 = 0.97391, 2.61% apart
  'fx-triangle-mismatch': data('assumptions.csv', 5, 'value', new RegExp(
    'FX rates of 2026-01 disagree: usd-cny-2026-01 \\(7 CNY/USD\\) x hkd-usd-2026-01 \\(0\\.128 USD/HKD\\) = 0\\.896 CNY/HKD, '
    + 'but hkd-cny-2026-01 is 0\\.92 CNY/HKD; 2\\.61% apart, more than 0\\.5%\\. '
    + 'Override usd-cny-2026-01, hkd-usd-2026-01 and hkd-cny-2026-01 together')),
  'bad-assumption-unit': data('assumptions.csv', 3, 'unit', /'CNY per USD' is neither a currency pair QUOTE\/BASE/),
  'missing-claims': validate('claims.csv', 0, null, /^cannot read file \(ENOENT\): the file is missing/),
  // 'tmt-stepfun-valuation-bplus / ' is 30 characters, so the id starts at character 31
  'claim-unknown-fact': validate('claims.csv', 4, 'expression',
    /unknown fact or assumption id 'tmt-stepfun-revenue-2099e' at character 31 of/),
  'claim-unit-contradicts-stated': validate('claims.csv', 4, 'unit', /'percent' conflicts with the stated value '约25倍', which reads as multiple/),
  'claim-unknown-source': validate('claims.csv', 2, 'source', /unknown source 'qbitai-20990101'/),
  'claim-bad-expression': validate('claims.csv', 2, 'expression', /at character \d+ of '\(qb-step-3\.5-flash-score-aime2025-pacore/),
  'claim-duplicate-id': validate('claims.csv', 4, 'id', /duplicate id 'tmt-openai-round-dwarfs-stepfun' \(first on line 3\)/),
  'claim-unknown-unit': validate('claims.csv', 2, 'unit', /'points' is not a known unit/),
  'claim-stated-fact-unit': validate('claims.csv', 4, 'unit', /'percent' conflicts with the stated fact 'tmt-stepfun-ps_ratio', which is in 'multiple'/),
  // the claim on line 5 refers to this row: the row's own problem is reported, once, and nothing at the claim
  'claim-refers-to-broken-fact': data('deployments.csv', 5, 'period_end', /bad date '2025-12-32'/, 1),
  // a row left out for its number of fields: claims referring to it are not reported either
  'claim-refers-to-dropped-row': data('deployments.csv', 5, null, /expected 13 fields, found 12/, 1),
  // ranges (src/data/checks/ranges.ts): 5343.7萬 = 53,437,000
  'negative-revenue': data('financials.csv', 2, 'quantity', /^revenue: '-5343\.7萬美元' reads as -53437000, below 0: an amount of money .* cannot be negative$/, 1),
  // 321B = 321e9
  'negative-parameters': data('model_specs.csv', 2, 'quantity', /^total_parameters: '-321B' reads as -321000000000, below 0: a parameter count cannot be negative$/, 1),
  'share-above-100': data('market.csv', 4, 'quantity', /^share: '150%' reads as 150, above 100: a share lies between 0% and 100%$/, 1),
  'score-above-benchmark-max': data('benchmarks.csv', 2, 'quantity', /^score: '197\.3分' reads as 197\.3, above 100: the maximum score of AIME 2025 is 100$/, 1),
  'fx-rate-not-finite': data('assumptions.csv', 2, 'value', /^'1e999' is not a finite number$/, 1),
  // 29 digits, more than the 15 an article prints
  'too-many-digits': data('financials.csv', 3, 'quantity', /has a number of 29 digits; an article prints at most 15/),
  'scale-word-only': data('market.csv', 2, 'quantity', /^'亿元' holds no number, only a unit or scale word/),
  'doubled-qualifier': data('multiples.csv', 2, 'quantity', /^'约约25倍' doubles the qualifier '约'$/, 1),
  // dates (src/data/checks/dates.ts)
  'absurd-date': data('model_specs.csv', 3, 'as_of', /^date '9999-12-31' is outside the plausible years 1950–2100$/, 1),
  // tmtpost-2026 is published 2026-01: months compared
  'as-of-after-publication': data('model_specs.csv', 2, 'as_of', /^as_of 2026-03 is after the publication of its source 'tmtpost-2026' \(2026-01\)/, 1),
  'period-end-before-start': data('financials.csv', 2, 'period_end', /^period_end 2024-09-30 is before period_start 2025-01-01$/, 1),
  // references (src/data/checks/references.ts): both members of the cycle are reported, nothing at their facts
  'entity-parent-cycle': data('entities.csv', 3, 'parent', /^parent cycle zhipu -> minimax -> zhipu$/, 2),
  'company-parent-is-model': data('entities.csv', 5, 'parent', /^company 'tencent' has the model 'step-3' as parent; a company's parent must be a company$/, 1),
  // header only: the money facts are in USD (first at funding_rounds.csv:3), CNY (funding_rounds.csv:2) and HKD (valuations.csv:3)
  'fx-rates-missing': data('assumptions.csv', 0, null,
    /^no FX rate between CNY and HKD \(unit CNY\/HKD or HKD\/CNY\), needed to compare the CNY amount at .*funding_rounds\.csv:2 \('qb-stepfun-funding_amount-bplus'\) with the HKD amount at .*valuations\.csv:3 \('ne-zhipu-market_cap'\)$/),
  // encodings (src/data/checks/encoding.ts): one problem, no follow-on unknown entity or source per row.
  // Lines 1-5 of entities.csv are 35 + 38 (阶跃星辰 is 12 bytes) + 31 (智谱: 6) + 33 + 32 (腾讯: 6) = 169 bytes and
  // 5 newlines; 'openai,company,OpenAI,OpenAI,,caf' is 33 more: 0xE9 (Latin-1 é) at offset 174 + 33 = 207
  'not-utf8-latin1': data('entities.csv', 6, null, /^not UTF-8: invalid byte 0xE9 at byte offset 207 /, 1),
  // the header (53 bytes + newline) and 'qbitai-20260227,QbitAI,' (23 bytes) are ASCII; 阶 is 0xBD 0xD7 in GBK: offset 54 + 23 = 77
  'not-utf8-gbk': data('sources.csv', 2, null, /^not UTF-8: invalid byte 0xBD at byte offset 77 /, 1),
  'not-utf8-utf16': data('sources.csv', 1, null, /^not UTF-8: the file starts with a UTF-16LE byte order mark/, 1),
  'nul-byte': data('deployments.csv', 3, 'note', /^NUL byte in the cell$/, 1),
  // seed_file must name a plain file directly inside the articles folder
  'seed-file-outside-folder': data('sources.csv', 4, 'seed_file', /^'\.\.\/\.\.\/etc\/hostname' is not a plain file name/, 1),
  'seed-file-is-folder': data('sources.csv', 4, 'seed_file', /^'\.' is not a plain file name/, 1),
  'evidence-not-in-article': validate('financials.csv', 3, 'evidence',
    /'4\.65億美元及5\.12億美元' does not occur in the article of 'netease-202601' \(white space aside\)/),
  'claim-evidence-not-in-article': validate('claims.csv', 3, 'evidence', /'OpenAI 的 400 亿美元 D 轮融资仍是王者' does not occur in the article of 'tmtpost-2026'/),
  'seed-file-missing': validate('sources.csv', 4, 'seed_file', /'002_missing\.txt' not found in the seeds folder .*fixtures\/seeds/),
};

/** How formatIssue starts the line of the expected issue. */
export function prefix(exp: Expected): string {
  const where = exp.line > 0 ? `${exp.file}:${exp.line}` : exp.file;
  return `${where}: ${exp.column === null ? '' : `column '${exp.column}': `}`;
}
