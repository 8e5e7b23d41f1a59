/**
 * Invalid agreement input. `row` is the 0-based unit index and `column` the 0-based rater
 * index of the offending cell when there is one, so a CLI can say "line X column Y".
 */
export class AgreementInputError extends Error {
  readonly row?: number;
  readonly column?: number;

  constructor(message: string, where: { row?: number; column?: number } = {}) {
    super(message);
    this.name = "AgreementInputError";
    if (where.row !== undefined) this.row = where.row;
    if (where.column !== undefined) this.column = where.column;
  }
}
