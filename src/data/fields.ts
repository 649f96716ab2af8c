/** Field access with issue reporting, shared by the table readers. */
import { isIsoDate } from '../units';
import type { CsvRecord } from './csv';
import type { IssueList } from './errors';

/** Reads fields of one record and reports problems at its line. */
export class FieldReader {
  ok = true;

  constructor(private readonly issues: IssueList, readonly file: string, readonly rec: CsvRecord) {}

  get line(): number {
    return this.rec.line;
  }

  fail(column: string | null, message: string): void {
    this.ok = false;
    this.issues.add(this.file, this.rec.line, column, message);
  }

  /**
   * Reports a problem that does not make the row unusable for the rows that refer to it (it is
   * still an error of the data set): no follow-on problem is reported at them.
   */
  report(column: string | null, message: string): void {
    this.issues.add(this.file, this.rec.line, column, message);
  }

  /** Value of a column; '' when empty. */
  raw(column: string): string {
    return this.rec.values[column] ?? '';
  }

  /** A value that must not be empty. */
  required(column: string): string {
    const v = this.raw(column);
    if (v === '') this.fail(column, 'empty (required)');
    return v;
  }

  /** An optional value; null when empty. */
  optional(column: string): string | null {
    const v = this.raw(column);
    return v === '' ? null : v;
  }

  /** A required value matching `re`. */
  matching(column: string, re: RegExp, what: string): string {
    const v = this.required(column);
    if (v !== '' && !re.test(v)) this.fail(column, `'${v}' is not ${what}`);
    return v;
  }

  /** A required value from a fixed set. */
  oneOf<T extends string>(column: string, allowed: readonly T[]): T {
    const v = this.required(column);
    if (v !== '' && !allowed.includes(v as T)) this.fail(column, `'${v}' is not one of ${allowed.join(', ')}`);
    return v as T;
  }

  /** An optional `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date. */
  date(column: string, required = false): string | null {
    const v = required ? this.required(column) : this.raw(column);
    if (v === '') return null;
    if (!isIsoDate(v)) {
      this.fail(column, `bad date '${v}' (expected YYYY, YYYY-MM or YYYY-MM-DD)`);
      return null;
    }
    return v;
  }
}
