/** A data file that is missing, unreadable or not in the expected format. */
export class DataFormatError extends Error {
  constructor(
    message: string,
    readonly path: string,
    readonly line?: number,
  ) {
    super(line === undefined ? `${path}: ${message}` : `${path}:${line}: ${message}`);
    this.name = 'DataFormatError';
  }
}

/** A set, split or corrector name the bench does not know. */
export class UnknownNameError extends Error {
  constructor(kind: string, name: string, known: readonly string[]) {
    super(`unknown ${kind} "${name}" (known: ${known.join(', ')})`);
    this.name = 'UnknownNameError';
  }
}
