/**
 * Checks made once before the server listens, so that an operator learns about a broken
 * data directory at start, in one line, instead of when a citizen posts feedback.
 */
import { resolve } from 'node:path';
import { openStore, permissionWarnings } from '../lib/feedback/store.ts';

export type StartupResult = { ok: true; warnings: string[] } | { ok: false; error: string };

/** Opens (creating if needed) the feedback database, runs migrations and starts a write transaction. */
export function checkFeedbackDatabase(dbPath: string): StartupResult {
  const path = dbPath === ':memory:' ? dbPath : resolve(dbPath);
  let store: ReturnType<typeof openStore> | undefined;
  try {
    store = openStore(path);
    if (!store.health().writable) throw new Error('数据库不可写 / database is not writable');
  } catch (e) {
    const why = (e instanceof Error ? e.message : String(e)).split('\n')[0];
    return {
      ok: false,
      error: `✗ 反馈数据库无法打开或写入 / feedback database cannot be opened or written: ${path}: ${why} — 请确认目录存在且服务用户可写、磁盘未满，或用 FEEDBACK_DB 指定其他位置 / check that the directory exists and is writable by the server's user and the disk is not full, or set FEEDBACK_DB`,
    };
  } finally {
    store?.close();
  }
  return { ok: true, warnings: permissionWarnings(path) };
}
