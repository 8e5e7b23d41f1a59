// A file that cannot be read as agreement input: the message names where (line and column
// of a CSV file, position or rater and index of a JSON one). Exit status 2.

import { AgreementInputError } from "../errors";

export class AgreementFileError extends AgreementInputError {
  constructor(message: string) {
    super(message);
    this.name = "AgreementFileError";
  }
}
