/** Helpers for feedback tests: posting like a browser or a JSON client, and reading the DB read-only. */
import { existsSync } from 'node:fs';
import { DatabaseSync } from 'node:sqlite';

export const VALID = { type: 'suggestion', message: '建议在首页增加各县的数据。', consent: 'on' } as const;

export function formPost(base: string, fields: Record<string, string>, init: { origin?: string | null; path?: string } = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/x-www-form-urlencoded' };
  const origin = init.origin === undefined ? base : init.origin;
  if (origin !== null) headers.origin = origin;
  return fetch(base + (init.path ?? '/feedback/'), { method: 'POST', headers, body: new URLSearchParams(fields).toString(), redirect: 'manual' });
}

export function jsonPost(base: string, body: unknown, origin: string | null = base) {
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: 'application/json' };
  if (origin !== null) headers.origin = origin;
  return fetch(base + '/feedback/', { method: 'POST', headers, body: JSON.stringify(body), redirect: 'manual' });
}

/** Read the feedback database read-only (as an operator's tool would, beside the running server). */
export function readDb<T>(path: string, fn: (db: DatabaseSync) => T): T {
  const db = new DatabaseSync(path, { readOnly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

/** Stored submissions; 0 before the server has opened (and so created) the database. */
export const countSubmissions = (path: string) =>
  !existsSync(path) ? 0 : readDb(path, (db) => Number((db.prepare('SELECT COUNT(*) AS n FROM submissions').get() as { n: number }).n));

export const submissionRow = (path: string, receipt: string) =>
  readDb(path, (db) => db.prepare('SELECT * FROM submissions WHERE receipt = ?').get(receipt) as Record<string, unknown> | undefined);

export const receiptFrom = (location: string | null) => decodeURIComponent(new URL(location ?? '', 'http://x').searchParams.get('r') ?? '');
