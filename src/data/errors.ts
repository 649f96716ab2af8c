/** Problems found in the data files, each located by file, line and column. */

export interface DataIssue {
  /** file as displayed (relative to the working directory when inside it) */
  file: string;
  /** 1-based line where the record starts; 0 for the file as a whole */
  line: number;
  /** column the problem is in; null for the whole record or file */
  column: string | null;
  message: string;
}

/** `file:line: column 'c': message` (line and column left out when not known). */
export function formatIssue(issue: DataIssue): string {
  const where = issue.line > 0 ? `${issue.file}:${issue.line}` : issue.file;
  const col = issue.column !== null ? `column '${issue.column}': ` : '';
  return `${where}: ${col}${issue.message}`;
}

/** All problems of a data set; the message has one formatted issue per line. */
export class DataValidationError extends Error {
  constructor(public readonly issues: DataIssue[]) {
    super(issues.map(formatIssue).join('\n'));
    this.name = 'DataValidationError';
  }
}

/** Collects issues while a table is read. */
export class IssueList {
  readonly items: DataIssue[] = [];

  add(file: string, line: number, column: string | null, message: string): void {
    this.items.push({ file, line, column, message });
  }

  /** Throws a DataValidationError when any issue was collected. */
  throwIfAny(): void {
    if (this.items.length > 0) throw new DataValidationError(this.items);
  }
}
