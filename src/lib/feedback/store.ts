// Durable feedback store on node:sqlite (built into Node 24; no native addons).
//
// - submissions: one row per submission, keyed by receipt.
// - events: append-only audit trail (status changes, replies, internal notes). Nothing is
//   UPDATEd or DELETEd there (enforced by triggers); the current status is the latest
//   status event and the current reply the latest reply event.
// All SQL is parameterised. The clock is injected (`now`) so tests are deterministic.
import { DatabaseSync } from 'node:sqlite';
import { chmodSync, closeSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { FEEDBACK_TYPES, FEEDBACK_TYPE_LABELS } from './schema.ts';
import type { FeedbackSubmission, FeedbackType, DisclosureDelivery, DisclosureForm } from './schema.ts';
import { newReceipt as defaultNewReceipt, normaliseReceipt } from './receipt.ts';
import { maskContact, maskName, redactPersonalData } from './contact.ts';
import type { ContactKind } from './contact.ts';
import { parseSettings, settings } from '../config.ts';

export const STATUSES = ['received', 'in_progress', 'answered', 'closed'] as const;
export type Status = (typeof STATUSES)[number];
export const STATUS_LABELS: Readonly<Record<Status, string>> = {
  received: '已收到',
  in_progress: '处理中',
  answered: '已答复',
  closed: '已关闭',
};
export const EVENT_KINDS = ['status', 'reply', 'note'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const REPLY_MAX = 10_000;
/** Default wait for a lock (CLI, scripts). The web server passes a much shorter one: see below. */
export const BUSY_TIMEOUT_MS = 5000;
/**
 * node:sqlite runs on the event loop, so while SQLite waits for a lock no other request is
 * answered. The server does not wait inside SQLite at all: a locked database fails at once
 * and server.ts retries between other work, answering 503 + Retry-After when it stays busy.
 */
export const SERVER_BUSY_TIMEOUT_MS = 0;

const sqlList = (xs: readonly string[]) => xs.map((x) => `'${x}'`).join(', ');

/** Ordered migrations. Never edit an applied one; append a new one. */
export const MIGRATIONS: ReadonlyArray<{ version: number; name: string; sql: string }> = [
  {
    version: 1,
    name: 'submissions and append-only events',
    sql: `
      CREATE TABLE submissions (
        receipt                TEXT PRIMARY KEY,
        type                   TEXT NOT NULL CHECK (type IN (${sqlList(FEEDBACK_TYPES)})),
        message                TEXT NOT NULL,
        name                   TEXT,
        contact                TEXT,
        contact_kind           TEXT CHECK (contact_kind IN ('mobile', 'landline', 'email')),
        wants_reply            INTEGER NOT NULL CHECK (wants_reply IN (0, 1)),
        figure_id              TEXT,
        figure_value           TEXT,
        figure_source          TEXT,
        disclosure_description TEXT,
        disclosure_form        TEXT,
        disclosure_delivery    TEXT,
        postal_address         TEXT,
        publish_reply          INTEGER NOT NULL CHECK (publish_reply IN (0, 1)),
        consent_at             TEXT NOT NULL,
        created_at             TEXT NOT NULL,
        client_hash            TEXT
      ) STRICT;
      CREATE INDEX submissions_created ON submissions (created_at);
      CREATE TABLE events (
        id      INTEGER PRIMARY KEY AUTOINCREMENT,
        receipt TEXT NOT NULL REFERENCES submissions (receipt),
        at      TEXT NOT NULL,
        kind    TEXT NOT NULL CHECK (kind IN (${sqlList(EVENT_KINDS)})),
        status  TEXT CHECK (status IN (${sqlList(STATUSES)})),
        text    TEXT,
        actor   TEXT NOT NULL,
        CHECK ((kind = 'status') = (status IS NOT NULL)),
        CHECK (kind = 'status' OR text IS NOT NULL)
      ) STRICT;
      CREATE INDEX events_receipt ON events (receipt, id);
      CREATE TRIGGER events_no_update BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events is append-only: UPDATE not allowed'); END;
      CREATE TRIGGER events_no_delete BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events is append-only: DELETE not allowed'); END;
    `,
  },
];

export interface SubmitOptions {
  now?: Date;
  /** Salted hash of the client IP (see rateLimit.clientKey); never a raw IP. */
  clientHash?: string | null;
}
export interface ActorOptions {
  actor: string;
  now?: Date;
}

export interface FeedbackEvent {
  id: number;
  at: string;
  kind: EventKind;
  status: Status | null;
  text: string | null;
  actor: string;
}

/** A submission as stored: the validated fields (minus the consent tick) plus what the store adds. */
export interface StoredSubmission extends Omit<FeedbackSubmission, 'consent'> {
  receipt: string;
  typeLabel: string;
  consentAt: string;
  createdAt: string;
  clientHash: string | null;
}

export interface FeedbackRecord extends StoredSubmission {
  status: Status;
  statusLabel: string;
  reply: { text: string; at: string; actor: string } | null;
  events: FeedbackEvent[];
}

/** What the public status page may show: no name, contact, message, notes or actors. */
export interface PublicStatus {
  receipt: string;
  type: FeedbackType;
  typeLabel: string;
  submittedAt: string;
  status: Status;
  statusLabel: string;
  history: Array<{ at: string; status: Status; statusLabel: string }>;
  reply: { text: string; at: string } | null;
}

export interface ListItem {
  receipt: string;
  type: FeedbackType;
  typeLabel: string;
  createdAt: string;
  status: Status;
  statusLabel: string;
  wantsReply: boolean;
  hasContact: boolean;
  publishReply: boolean;
  /** First 80 characters of the message. */
  excerpt: string;
}

export interface PublishedReply {
  /** Stable opaque id (the reply event id); NOT the receipt. */
  id: number;
  type: FeedbackType;
  typeLabel: string;
  /** The question, with phone numbers / emails / ID numbers redacted. */
  message: string;
  figureId: string | null;
  reply: string;
  submittedAt: string;
  answeredAt: string;
}

export const EXPORT_COLUMNS = [
  'receipt',
  'created_at',
  'type',
  'status',
  'message',
  'name',
  'contact',
  'contact_kind',
  'wants_reply',
  'figure_id',
  'figure_value',
  'figure_source',
  'disclosure_description',
  'disclosure_form',
  'disclosure_delivery',
  'postal_address',
  'publish_reply',
  'consent_at',
  'reply',
  'replied_at',
] as const;
export type ExportRow = Record<(typeof EXPORT_COLUMNS)[number], string>;

export interface FeedbackStore {
  readonly path: string;
  submit(value: FeedbackSubmission, opts?: SubmitOptions): { receipt: string; createdAt: string };
  get(receipt: string): FeedbackRecord | null;
  publicStatus(receipt: string): PublicStatus | null;
  setStatus(receipt: string, status: Status, opts: ActorOptions & { note?: string }): void;
  reply(receipt: string, text: string, opts: ActorOptions): void;
  addNote(receipt: string, text: string, opts: ActorOptions): void;
  list(filter?: { status?: Status; type?: FeedbackType; limit?: number }): ListItem[];
  publishedReplies(): PublishedReply[];
  exportRows(opts?: { includeContact?: boolean }): ExportRow[];
  close(): void;
  /** Whether a write could start now (files unchanged, lock obtainable, not read-only). */
  health(): { writable: boolean };
  /** The underlying connection (tests / maintenance only). */
  readonly db: DatabaseSync;
}

export class FeedbackStoreError extends Error {
  readonly code: 'not_found' | 'invalid';
  constructor(code: 'not_found' | 'invalid', message: string) {
    super(message);
    this.code = code;
    this.name = 'FeedbackStoreError';
  }
}

export interface OpenStoreOptions {
  /** Receipt generator (inject to test collision retries). */
  newReceipt?: () => string;
  /** How long one statement waits for another connection's lock (default BUSY_TIMEOUT_MS). */
  busyTimeoutMs?: number;
}

/**
 * The store cannot take writes now: the database is locked by another connection beyond
 * the wait, or the file it opened was deleted or replaced. Callers answer 503; nothing
 * was stored.
 */
export class StoreUnavailableError extends Error {
  readonly reason: 'busy' | 'replaced';
  constructor(reason: 'busy' | 'replaced', message: string) {
    super(message);
    this.reason = reason;
    this.name = 'StoreUnavailableError';
  }
}

/** SQLITE_BUSY (5) or SQLITE_LOCKED (6), including their extended codes. */
export function isBusyError(e: unknown): boolean {
  const code = (e as { errcode?: number } | null)?.errcode;
  return typeof code === 'number' && ((code & 0xff) === 5 || (code & 0xff) === 6);
}

/** Personal data is readable by the server's user only. */
export const DIR_MODE = 0o700;
export const FILE_MODE = 0o600;

/**
 * Creates the database's directory (0700) and an empty database file (0600) when missing;
 * SQLite gives its -wal and -shm files the database file's mode.
 */
export function prepareDbFile(path: string): void {
  if (path === ':memory:') return;
  mkdirSync(dirname(resolve(path)), { recursive: true, mode: DIR_MODE });
  try {
    closeSync(openSync(path, 'wx', FILE_MODE));
    chmodSync(path, FILE_MODE); // the umask may have narrowed it further; never widened
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
  }
}

/** Lines to log when the data directory or database files are readable by others. */
export function permissionWarnings(path: string): string[] {
  if (path === ':memory:') return [];
  const out: string[] = [];
  const check = (p: string, want: number, what: string) => {
    let mode: number;
    try {
      mode = statSync(p).mode & 0o777;
    } catch {
      return;
    }
    if (mode & 0o077)
      out.push(`${what} ${p} 的权限是 ${mode.toString(8).padStart(4, '0')}，其他用户可读；请运行 chmod ${want.toString(8)} ${p} / ${p} is ${mode.toString(8).padStart(4, '0')}, readable by other users: run chmod ${want.toString(8)} ${p}`);
  };
  check(dirname(resolve(path)), DIR_MODE, '数据目录 / data directory');
  for (const suffix of ['', '-wal', '-shm']) check(path + suffix, FILE_MODE, '数据库文件 / database file');
  return out;
}

interface FileIdentity {
  dev: number;
  ino: number;
}
function identity(path: string): FileIdentity | null {
  try {
    const st = statSync(path);
    return { dev: st.dev, ino: st.ino };
  } catch {
    return null;
  }
}
const sameFile = (a: FileIdentity | null, b: FileIdentity | null) => a !== null && b !== null && a.dev === b.dev && a.ino === b.ino;

/** Resolve the DB path: explicit argument, else env FEEDBACK_DB, else ./var/feedback.sqlite. */
export function defaultDbPath(env: Record<string, string | undefined> = process.env): string {
  return (env === process.env ? settings() : parseSettings(env)).FEEDBACK_DB;
}

function migrate(db: DatabaseSync): void {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  for (const m of MIGRATIONS) {
    db.exec('BEGIN IMMEDIATE');
    try {
      // Re-check inside the write lock: another process may have just applied it.
      const done = db.prepare('SELECT 1 FROM schema_migrations WHERE version = ?').get(m.version);
      if (!done) {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)').run(
          m.version,
          m.name,
          new Date().toISOString(),
        );
        db.exec(`PRAGMA user_version = ${Number(m.version)}`);
      }
      db.exec('COMMIT');
    } catch (e) {
      // SQLite may already have rolled back (e.g. disk full): keep the real error.
      if (db.isTransaction) db.exec('ROLLBACK');
      throw e;
    }
  }
}

type Row = Record<string, unknown>;
const str = (v: unknown) => (v === null || v === undefined ? null : String(v));

function toSubmission(r: Row): StoredSubmission {
  const type = r.type as FeedbackType;
  return {
    receipt: String(r.receipt),
    type,
    typeLabel: FEEDBACK_TYPE_LABELS[type],
    message: String(r.message),
    name: str(r.name),
    contact: str(r.contact),
    contactKind: str(r.contact_kind) as ContactKind | null,
    wantsReply: r.wants_reply === 1,
    figureId: str(r.figure_id),
    figureValue: str(r.figure_value),
    figureSource: str(r.figure_source),
    disclosureDescription: str(r.disclosure_description),
    disclosureForm: str(r.disclosure_form) as DisclosureForm | null,
    disclosureDelivery: str(r.disclosure_delivery) as DisclosureDelivery | null,
    postalAddress: str(r.postal_address),
    publishReply: r.publish_reply === 1,
    consentAt: String(r.consent_at),
    createdAt: String(r.created_at),
    clientHash: str(r.client_hash),
  };
}

function toEvent(r: Row): FeedbackEvent {
  return {
    id: Number(r.id),
    at: String(r.at),
    kind: r.kind as EventKind,
    status: str(r.status) as Status | null,
    text: str(r.text),
    actor: String(r.actor),
  };
}

const CURRENT_STATUS_SQL = `(SELECT e.status FROM events e WHERE e.receipt = s.receipt AND e.kind = 'status' ORDER BY e.id DESC LIMIT 1)`;

export function openStore(path: string = defaultDbPath(), options: OpenStoreOptions = {}): FeedbackStore {
  const makeReceipt = options.newReceipt ?? defaultNewReceipt;
  prepareDbFile(path);
  const db = new DatabaseSync(path);
  try {
    db.exec(`PRAGMA busy_timeout = ${Math.max(0, Math.trunc(options.busyTimeoutMs ?? BUSY_TIMEOUT_MS))}`);
    db.exec('PRAGMA journal_mode = WAL');
    db.exec('PRAGMA synchronous = FULL');
    db.exec('PRAGMA foreign_keys = ON');
    migrate(db);
  } catch (e) {
    db.close();
    throw e;
  }
  // The files this connection writes to. If an operator deletes or replaces them while we
  // run, SQLite keeps writing to the unlinked files and everything is lost at restart, so
  // writes are refused instead (checkFiles before every write transaction).
  const mainFile = path === ':memory:' ? null : identity(path);
  const walFile = path === ':memory:' ? null : identity(`${path}-wal`);
  function checkFiles(): void {
    if (path === ':memory:') return;
    if (!sameFile(mainFile, identity(path)) || (walFile && !sameFile(walFile, identity(`${path}-wal`))))
      throw new StoreUnavailableError('replaced', `数据库文件已被删除或替换，拒绝写入；请检查后重启服务 / database file ${path} was deleted or replaced: writes refused until restart`);
  }

  function tx<T>(fn: () => T): T {
    checkFiles();
    try {
      db.exec('BEGIN IMMEDIATE');
    } catch (e) {
      if (isBusyError(e)) throw new StoreUnavailableError('busy', '数据库正忙 / database is busy');
      throw e;
    }
    try {
      const out = fn();
      db.exec('COMMIT');
      return out;
    } catch (e) {
      if (db.isTransaction) db.exec('ROLLBACK');
      throw e;
    }
  }

  const stmt = {
    insertSubmission: db.prepare(`INSERT INTO submissions (
        receipt, type, message, name, contact, contact_kind, wants_reply, figure_id, figure_value, figure_source,
        disclosure_description, disclosure_form, disclosure_delivery, postal_address, publish_reply, consent_at,
        created_at, client_hash)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    insertEvent: db.prepare('INSERT INTO events (receipt, at, kind, status, text, actor) VALUES (?, ?, ?, ?, ?, ?)'),
    getSubmission: db.prepare('SELECT * FROM submissions WHERE receipt = ?'),
    getEvents: db.prepare('SELECT * FROM events WHERE receipt = ? ORDER BY id'),
    currentStatus: db.prepare(
      `SELECT status FROM events WHERE receipt = ? AND kind = 'status' ORDER BY id DESC LIMIT 1`,
    ),
  };

  function requireReceipt(receipt: string): string {
    const r = normaliseReceipt(receipt);
    if (!r) throw new FeedbackStoreError('invalid', `查询码格式不正确 / malformed receipt: ${receipt}`);
    if (!stmt.getSubmission.get(r)) throw new FeedbackStoreError('not_found', `未找到查询码 / receipt not found: ${r}`);
    return r;
  }
  function requireActor(actor: string): string {
    const a = typeof actor === 'string' ? actor.trim() : '';
    if (!a) throw new FeedbackStoreError('invalid', '需要注明操作人 / actor is required');
    return a;
  }
  function requireText(text: string, what: string, max: number): string {
    const t = typeof text === 'string' ? text.replace(/\r\n?/g, '\n').trim() : '';
    if (!t) throw new FeedbackStoreError('invalid', `${what}不能为空 / ${what} must not be empty`);
    if ([...t].length > max) throw new FeedbackStoreError('invalid', `${what}不能超过${max}字 / too long`);
    return t;
  }
  const iso = (d?: Date) => (d ?? new Date()).toISOString();

  function get(receipt: string): FeedbackRecord | null {
    const r = normaliseReceipt(receipt);
    if (!r) return null;
    const row = stmt.getSubmission.get(r) as Row | undefined;
    if (!row) return null;
    const events = (stmt.getEvents.all(r) as Row[]).map(toEvent);
    const status = [...events].reverse().find((e) => e.kind === 'status')?.status ?? 'received';
    const lastReply = [...events].reverse().find((e) => e.kind === 'reply');
    return {
      ...toSubmission(row),
      status,
      statusLabel: STATUS_LABELS[status],
      reply: lastReply ? { text: lastReply.text ?? '', at: lastReply.at, actor: lastReply.actor } : null,
      events,
    };
  }

  return {
    path,
    db,

    health() {
      try {
        checkFiles();
        db.exec('BEGIN IMMEDIATE');
        db.exec('ROLLBACK');
        return { writable: true };
      } catch {
        if (db.isTransaction) db.exec('ROLLBACK');
        return { writable: false };
      }
    },

    submit(value, opts = {}) {
      if (!value || value.consent !== true || !FEEDBACK_TYPES.includes(value.type))
        throw new FeedbackStoreError('invalid', 'submit() needs a value from validateSubmission()');
      const createdAt = iso(opts.now);
      for (let attempt = 0; ; attempt++) {
        const receipt = makeReceipt();
        try {
          tx(() => {
            stmt.insertSubmission.run(
              receipt,
              value.type,
              value.message,
              value.name,
              value.contact,
              value.contactKind,
              value.wantsReply ? 1 : 0,
              value.figureId,
              value.figureValue,
              value.figureSource,
              value.disclosureDescription,
              value.disclosureForm,
              value.disclosureDelivery,
              value.postalAddress,
              value.publishReply ? 1 : 0,
              createdAt,
              createdAt,
              opts.clientHash ?? null,
            );
            stmt.insertEvent.run(receipt, createdAt, 'status', 'received', null, 'system');
          });
          return { receipt, createdAt };
        } catch (e) {
          const code = (e as { errcode?: number }).errcode;
          // SQLITE_CONSTRAINT_PRIMARYKEY: receipt collision (≈ 2⁻⁷⁰ per pair); draw again.
          if (code === 1555 && attempt < 5) continue;
          throw e;
        }
      }
    },

    get,

    publicStatus(receipt) {
      const rec = get(receipt);
      if (!rec) return null;
      return {
        receipt: rec.receipt,
        type: rec.type,
        typeLabel: rec.typeLabel,
        submittedAt: rec.createdAt,
        status: rec.status,
        statusLabel: rec.statusLabel,
        history: rec.events
          .filter((e) => e.kind === 'status')
          .map((e) => ({ at: e.at, status: e.status as Status, statusLabel: STATUS_LABELS[e.status as Status] })),
        reply: rec.reply ? { text: rec.reply.text, at: rec.reply.at } : null,
      };
    },

    setStatus(receipt, status, opts) {
      if (!STATUSES.includes(status))
        throw new FeedbackStoreError('invalid', `未知状态 / unknown status: ${status} (${STATUSES.join(', ')})`);
      if (status === 'answered')
        throw new FeedbackStoreError('invalid', '“已答复”须通过答复操作设置 / use reply() to mark as answered');
      const actor = requireActor(opts.actor);
      const note = opts.note === undefined ? null : requireText(opts.note, '备注', REPLY_MAX);
      tx(() => {
        const r = requireReceipt(receipt);
        stmt.insertEvent.run(r, iso(opts.now), 'status', status, note, actor);
      });
    },

    reply(receipt, text, opts) {
      const actor = requireActor(opts.actor);
      const body = requireText(text, '答复内容', REPLY_MAX);
      const at = iso(opts.now);
      tx(() => {
        const r = requireReceipt(receipt);
        stmt.insertEvent.run(r, at, 'reply', null, body, actor);
        stmt.insertEvent.run(r, at, 'status', 'answered', null, actor);
      });
    },

    addNote(receipt, text, opts) {
      const actor = requireActor(opts.actor);
      const body = requireText(text, '备注', REPLY_MAX);
      tx(() => {
        const r = requireReceipt(receipt);
        stmt.insertEvent.run(r, iso(opts.now), 'note', null, body, actor);
      });
    },

    list(filter = {}) {
      if (filter.status !== undefined && !STATUSES.includes(filter.status))
        throw new FeedbackStoreError('invalid', `未知状态 / unknown status: ${filter.status}`);
      if (filter.type !== undefined && !FEEDBACK_TYPES.includes(filter.type))
        throw new FeedbackStoreError('invalid', `未知类型 / unknown type: ${filter.type}`);
      const limit = Math.min(Math.max(1, Math.trunc(filter.limit ?? 100)), 10_000);
      const rows = db
        .prepare(
          `SELECT * FROM (SELECT s.*, ${CURRENT_STATUS_SQL} AS current_status FROM submissions s)
           WHERE (?1 IS NULL OR current_status = ?1) AND (?2 IS NULL OR type = ?2)
           ORDER BY created_at DESC, receipt LIMIT ?3`,
        )
        .all(filter.status ?? null, filter.type ?? null, limit) as Row[];
      return rows.map((r) => {
        const s = toSubmission(r);
        const status = r.current_status as Status;
        const chars = [...s.message];
        return {
          receipt: s.receipt,
          type: s.type,
          typeLabel: s.typeLabel,
          createdAt: s.createdAt,
          status,
          statusLabel: STATUS_LABELS[status],
          wantsReply: s.wantsReply,
          hasContact: s.contact !== null,
          publishReply: s.publishReply,
          excerpt: chars.length > 80 ? chars.slice(0, 80).join('') + '…' : s.message,
        };
      });
    },

    publishedReplies() {
      // Opted in, answered (or closed after an answer), with a reply. Name/contact are never selected.
      const rows = db
        .prepare(
          `SELECT s.type, s.message, s.figure_id, s.created_at, r.id AS reply_id, r.text AS reply, r.at AS answered_at
           FROM submissions s
           JOIN events r ON r.id = (SELECT MAX(id) FROM events WHERE receipt = s.receipt AND kind = 'reply')
           WHERE s.publish_reply = 1 AND ${CURRENT_STATUS_SQL} IN ('answered', 'closed')
           ORDER BY r.at DESC, r.id DESC`,
        )
        .all() as Row[];
      return rows.map((r) => {
        const type = r.type as FeedbackType;
        return {
          id: Number(r.reply_id),
          type,
          typeLabel: FEEDBACK_TYPE_LABELS[type],
          message: redactPersonalData(String(r.message)),
          figureId: str(r.figure_id),
          reply: redactPersonalData(String(r.reply)),
          submittedAt: String(r.created_at),
          answeredAt: String(r.answered_at),
        };
      });
    },

    exportRows(opts = {}) {
      const include = opts.includeContact === true;
      const rows = db
        .prepare(
          `SELECT s.*, ${CURRENT_STATUS_SQL} AS current_status,
             (SELECT text FROM events WHERE receipt = s.receipt AND kind = 'reply' ORDER BY id DESC LIMIT 1) AS reply,
             (SELECT at FROM events WHERE receipt = s.receipt AND kind = 'reply' ORDER BY id DESC LIMIT 1) AS replied_at
           FROM submissions s ORDER BY s.created_at, s.receipt`,
        )
        .all() as Row[];
      return rows.map((r) => {
        const s = toSubmission(r);
        return {
          receipt: s.receipt,
          created_at: s.createdAt,
          type: s.type,
          status: String(r.current_status),
          message: s.message,
          name: include ? (s.name ?? '') : maskName(s.name),
          contact: include ? (s.contact ?? '') : maskContact(s.contact),
          contact_kind: s.contactKind ?? '',
          wants_reply: s.wantsReply ? '1' : '0',
          figure_id: s.figureId ?? '',
          figure_value: s.figureValue ?? '',
          figure_source: s.figureSource ?? '',
          disclosure_description: s.disclosureDescription ?? '',
          disclosure_form: s.disclosureForm ?? '',
          disclosure_delivery: s.disclosureDelivery ?? '',
          postal_address: include ? (s.postalAddress ?? '') : s.postalAddress ? '***' : '',
          publish_reply: s.publishReply ? '1' : '0',
          consent_at: s.consentAt,
          reply: str(r.reply) ?? '',
          replied_at: str(r.replied_at) ?? '',
        };
      });
    },

    close() {
      if (db.isOpen) db.close();
    },
  };
}
