// The exit codes of every command, documented in the README so that scripts can tell the outcomes apart.
export const EXIT = {
  /** Done; for collect: every file taken (or already taken before). */
  ok: 0,
  /** The user's mistake or the environment (a wrong option, a missing file, a full disk): a Chinese message says what to do. */
  userError: 1,
  /** A bug in taizhang itself. */
  internal: 2,
  /** collect: some files were returned (退回重报) or not taken; the run itself completed. */
  needsAttention: 3,
} as const;
