// The errors of the xlsx reader, apart from the modules that throw them so that none imports another for its
// errors alone. Both are the file's own problem, worded for the unit that sent it; `rule` names the class of
// problem for the ledger. Anything else thrown from the reader is a bug of ours.

/** A problem of the archive itself, of one member, or of a part's XML or cells. */
export class ZipProblem extends Error {
  constructor(
    message: string,
    readonly rule: 'zip-structure' | 'zip-bomb' | 'zip-member',
  ) {
    super(message);
  }
}

/** A file over one of the reader's limits (size, cells, strings, time, a DTD): its own clear error, and the batch goes on. */
export class OverLimit extends Error {
  constructor(
    message: string,
    readonly rule: 'read-timeout' | 'xml-dtd' | 'too-many-strings' | 'too-many-cells',
  ) {
    super(message);
  }
}
