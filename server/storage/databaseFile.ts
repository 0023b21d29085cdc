/** The SQLite file name inside `--data`; apart from openDatabase so callers need not load `node:sqlite`. */
export const DATABASE_FILE = 'duet.sqlite';
