/**
 * Online backup and checked restore of the feedback database.
 *
 * backup: `VACUUM INTO` a new file, created empty with mode 0600 first (the copy holds
 *   citizens' contact details). It is one read transaction, so the copy is consistent even
 *   while the server keeps writing; then the copy's integrity is checked.
 * restore: the backup must pass `PRAGMA integrity_check` and look like a feedback database
 *   before anything is touched. The live files are moved aside (kept, 0600), and the
 *   checked copy is renamed into place. A running server notices the replaced file and
 *   refuses writes until it is restarted.
 */
import { DatabaseSync } from 'node:sqlite';
import { chmodSync, closeSync, existsSync, openSync, renameSync, rmSync } from 'node:fs';
import { FILE_MODE, prepareDbFile } from './store.ts';

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/** Problems with a database file, or [] when it is intact and holds the feedback tables. */
export function checkDatabase(path: string): string[] {
  if (!existsSync(path)) return [`文件不存在 / file not found: ${path}`];
  let db: DatabaseSync | undefined;
  try {
    db = new DatabaseSync(path, { readOnly: true });
    const rows = db.prepare('PRAGMA integrity_check').all() as Array<Record<string, unknown>>;
    const msgs = rows.map((r) => String(Object.values(r)[0]));
    if (msgs.length !== 1 || msgs[0] !== 'ok') return msgs.map((m) => `完整性检查失败 / integrity check: ${m}`);
    const tables = new Set((db.prepare(`SELECT name FROM sqlite_schema WHERE type = 'table'`).all() as Array<{ name: string }>).map((r) => r.name));
    const missing = ['submissions', 'events', 'schema_migrations'].filter((t) => !tables.has(t));
    if (missing.length) return [`不是反馈数据库，缺少表 / not a feedback database, missing tables: ${missing.join(', ')}`];
    return [];
  } catch (e) {
    return [`无法读取 / cannot read: ${(e as Error).message.split('\n')[0]}`];
  } finally {
    db?.close();
  }
}

/** Consistent online copy of `dbPath` at `target` (which must not exist), mode 0600. */
export function backup(dbPath: string, target: string): { submissions: number } {
  if (!existsSync(dbPath)) throw new BackupError(`数据库文件不存在 / database not found: ${dbPath}`);
  if (existsSync(target)) throw new BackupError(`目标文件已存在，不覆盖 / target exists, not overwritten: ${target}`);
  closeSync(openSync(target, 'wx', FILE_MODE));
  chmodSync(target, FILE_MODE);
  const db = new DatabaseSync(dbPath);
  try {
    db.exec('PRAGMA busy_timeout = 5000');
    db.prepare('VACUUM INTO ?').run(target);
  } catch (e) {
    rmSync(target, { force: true });
    throw new BackupError(`备份失败 / backup failed: ${(e as Error).message}`);
  } finally {
    db.close();
  }
  chmodSync(target, FILE_MODE);
  const problems = checkDatabase(target);
  if (problems.length) throw new BackupError(`备份文件未通过检查 / backup failed its check: ${problems.join('; ')}`);
  const check = new DatabaseSync(target, { readOnly: true });
  try {
    return { submissions: Number((check.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n) };
  } finally {
    check.close();
  }
}

/** Replaces `dbPath` with the checked backup at `source`; returns where the old files went. */
export function restore(source: string, dbPath: string, now = new Date()): { previous: string | null; submissions: number } {
  const problems = checkDatabase(source);
  if (problems.length) throw new BackupError(`备份文件未通过检查，未做任何改动 / backup failed its check, nothing changed: ${problems.join('; ')}`);
  prepareDbFile(`${dbPath}.dir-check`); // creates the directory 0700 if needed
  rmSync(`${dbPath}.dir-check`, { force: true });
  const staged = `${dbPath}.restoring-${process.pid}`;
  rmSync(staged, { force: true });
  closeSync(openSync(staged, 'wx', FILE_MODE));
  const src = new DatabaseSync(source, { readOnly: true });
  try {
    src.prepare('VACUUM INTO ?').run(staged);
  } catch (e) {
    rmSync(staged, { force: true });
    throw new BackupError(`恢复失败，未做任何改动 / restore failed, nothing changed: ${(e as Error).message}`);
  } finally {
    src.close();
  }
  chmodSync(staged, FILE_MODE);
  let previous: string | null = null;
  if (existsSync(dbPath)) {
    previous = `${dbPath}.before-restore-${now.toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}`;
    for (const suffix of ['', '-wal', '-shm']) if (existsSync(dbPath + suffix)) renameSync(dbPath + suffix, previous + suffix);
  }
  renameSync(staged, dbPath);
  const db = new DatabaseSync(dbPath, { readOnly: true });
  try {
    return { previous, submissions: Number((db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n) };
  } finally {
    db.close();
  }
}
