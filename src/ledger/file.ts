// The ledger's file name, apart from the SQLite code: the CLI looks for workspaces by it without loading SQLite.
export const LEDGER_FILE = 'taizhang.db';
