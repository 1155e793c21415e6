// Errors a user can act on. Every message is Chinese and says what is wrong, where, and how to fix it.

/** A problem with the user's input or environment; the CLI prints it without a stack trace. */
export class UserError extends Error {
  constructor(
    message: string,
    /** What to do about it, shown on its own line. */
    readonly hint?: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
