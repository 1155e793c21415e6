// The mailbox password of this 工作台's run: typed in a page, held in memory only, never written to settings.json,
// the ledger or any other file; TAIZHANG_MAIL_PASSWORD, when set, serves instead (as for the command line).
export class MailSession {
  private password: string | null = null;

  /** Keeps a password typed in a page; an empty one changes nothing. */
  set(password: string | undefined): void {
    if (password) this.password = password;
  }

  get(): string | null {
    return process.env.TAIZHANG_MAIL_PASSWORD || this.password;
  }

  known(): boolean {
    return this.get() !== null;
  }

  /** Forgets a password the server refused, so the page asks again. */
  forget(): void {
    this.password = null;
  }
}
