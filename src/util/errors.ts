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

/** How an internal bug (anything not a UserError) is announced, apart from a user's mistake. */
export const INTERNAL_ERROR = '程序内部错误（请将以下信息反馈给维护人员）';

/** An internal bug in one line, for a page or a streamed answer. */
export function internalErrorMessage(e: unknown): string {
  return `${INTERNAL_ERROR}：${e instanceof Error ? e.message : String(e)}`;
}
