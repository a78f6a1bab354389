import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { openStore, MIGRATIONS, FeedbackStoreError } from '../../../src/lib/feedback/store.ts';
import type { FeedbackStore } from '../../../src/lib/feedback/store.ts';
import { validateSubmission } from '../../../src/lib/feedback/schema.ts';
import { newReceipt } from '../../../src/lib/feedback/receipt.ts';

let dir: string;
let dbPath: string;
let store: FeedbackStore;
const T0 = new Date('2026-03-02T01:00:00.000Z');
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

function valid(input: Record<string, unknown>) {
  const r = validateSubmission({ consent: 'on', ...input });
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.value;
}
const privateComplaint = valid({
  type: 'complaint',
  message: '村道修缮资金公示不完整',
  name: '王五',
  contact: '13812345678',
  wantsReply: 'on',
  publishReply: 'on',
});

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'feedback-store-'));
  dbPath = join(dir, 'nested', 'deeper', 'feedback.sqlite');
  store = openStore(dbPath);
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('opening', () => {
  it('creates parent directories and the file on first run', () => {
    expect(existsSync(dbPath)).toBe(true);
  });

  it('sets WAL, synchronous=FULL, foreign keys and a busy timeout', () => {
    const pragma = (p: string) => Object.values(store.db.prepare(`PRAGMA ${p}`).get()!)[0];
    expect(pragma('journal_mode')).toBe('wal');
    expect(pragma('synchronous')).toBe(2); // FULL
    expect(pragma('foreign_keys')).toBe(1);
    expect(Number(pragma('busy_timeout'))).toBeGreaterThan(0);
    // WAL is persistent: a plain connection sees it too.
    store.close();
    const raw = new DatabaseSync(dbPath);
    expect(Object.values(raw.prepare('PRAGMA journal_mode').get()!)[0]).toBe('wal');
    raw.close();
    store = openStore(dbPath);
  });

  it('applies migrations once; reopening is idempotent and keeps data', () => {
    const { receipt } = store.submit(privateComplaint, { now: T0 });
    store.close();
    store = openStore(dbPath);
    store.close();
    store = openStore(dbPath);
    const versions = store.db.prepare('SELECT version FROM schema_migrations ORDER BY version').all().map((r) => r.version);
    expect(versions).toEqual(MIGRATIONS.map((m) => m.version));
    expect(Object.values(store.db.prepare('PRAGMA user_version').get()!)[0]).toBe(MIGRATIONS.at(-1)!.version);
    expect(store.get(receipt)?.message).toBe('村道修缮资金公示不完整');
  });
});

describe('submit and read back', () => {
  it('persists everything, survives a reopen of the file, and starts as 已收到', () => {
    const disclosure = valid({
      type: 'disclosure',
      message: '申请说明',
      name: '赵六',
      contact: 'zl@example.com',
      disclosureDescription: '2025年衔接资金分配文件',
      disclosureForm: 'electronic',
      disclosureDelivery: 'email',
    });
    const out = store.submit(disclosure, { now: T0, clientHash: 'abc123' });
    expect(out).toEqual({ receipt: expect.stringMatching(/^MY-/), createdAt: T0.toISOString() });
    store.close();

    store = openStore(dbPath);
    const rec = store.get(out.receipt.toLowerCase().replace(/-/g, ' '))!;
    expect(rec).toMatchObject({
      receipt: out.receipt,
      type: 'disclosure',
      typeLabel: '申请公开',
      name: '赵六',
      contact: 'zl@example.com',
      contactKind: 'email',
      wantsReply: true,
      disclosureDescription: '2025年衔接资金分配文件',
      disclosureForm: 'electronic',
      disclosureDelivery: 'email',
      createdAt: T0.toISOString(),
      clientHash: 'abc123',
      status: 'received',
      statusLabel: '已收到',
      reply: null,
    });
    expect(rec.events).toEqual([
      { id: expect.any(Number), at: T0.toISOString(), kind: 'status', status: 'received', text: null, actor: 'system' },
    ]);
  });

  it('unknown or malformed receipts give null', () => {
    expect(store.get(newReceipt())).toBeNull();
    expect(store.get('nonsense')).toBeNull();
    expect(store.publicStatus(newReceipt())).toBeNull();
  });

  it('retries when a generated receipt collides', () => {
    const fixed = newReceipt();
    const other = newReceipt();
    const seq = [fixed, fixed, other];
    store.close();
    store = openStore(dbPath, { newReceipt: () => seq.shift()! });
    expect(store.submit(privateComplaint, { now: T0 }).receipt).toBe(fixed);
    expect(store.submit(privateComplaint, { now: T0 }).receipt).toBe(other);
    expect(store.list()).toHaveLength(2);
  });

  it('rejects values that did not come through validation', () => {
    expect(() => store.submit({ ...privateComplaint, consent: false as unknown as true })).toThrow(FeedbackStoreError);
  });
});

describe('status and replies', () => {
  it('status changes and replies are appended; the latest status wins', () => {
    const { receipt } = store.submit(privateComplaint, { now: T0 });
    store.setStatus(receipt, 'in_progress', { actor: '李科员', now: at(10), note: '已转乡镇核实' });
    store.reply(receipt, '经核实，已补充公示。', { actor: '李科员', now: at(60) });
    const rec = store.get(receipt)!;
    expect(rec.status).toBe('answered');
    expect(rec.reply).toEqual({ text: '经核实，已补充公示。', at: at(60).toISOString(), actor: '李科员' });
    expect(rec.events.map((e) => [e.kind, e.status])).toEqual([
      ['status', 'received'],
      ['status', 'in_progress'],
      ['reply', null],
      ['status', 'answered'],
    ]);
    store.setStatus(receipt, 'closed', { actor: '李科员', now: at(120) });
    expect(store.get(receipt)!.status).toBe('closed');
    expect(store.get(receipt)!.events).toHaveLength(5);
  });

  it('refuses unknown receipts, unknown statuses, empty replies and answered-without-reply', () => {
    const { receipt } = store.submit(privateComplaint, { now: T0 });
    expect(() => store.setStatus(newReceipt(), 'closed', { actor: 'x' })).toThrow(/not found/);
    expect(() => store.setStatus(receipt, 'done' as never, { actor: 'x' })).toThrow(/unknown status/);
    expect(() => store.setStatus(receipt, 'answered', { actor: 'x' })).toThrow(/reply/);
    expect(() => store.reply(receipt, '   ', { actor: 'x' })).toThrow(/empty/);
    expect(() => store.reply(receipt, 'ok', { actor: ' ' })).toThrow(/actor/);
    expect(store.get(receipt)!.events).toHaveLength(1);
  });

  it('the events table is append-only: UPDATE and DELETE are rejected by triggers', () => {
    const { receipt } = store.submit(privateComplaint, { now: T0 });
    store.reply(receipt, '答复', { actor: 'x', now: at(1) });
    // Even a raw connection that bypasses the store API cannot rewrite history.
    const raw = new DatabaseSync(dbPath);
    expect(() => raw.prepare("UPDATE events SET text = 'forged' WHERE kind = 'reply'").run()).toThrow(/append-only/);
    expect(() => raw.prepare('DELETE FROM events').run()).toThrow(/append-only/);
    raw.close();
    expect(store.get(receipt)!.reply!.text).toBe('答复');
    expect(store.get(receipt)!.events).toHaveLength(3);
  });

  it('publicStatus shows status history and reply but no personal data, message or internal notes', () => {
    const { receipt } = store.submit(privateComplaint, { now: T0 });
    store.setStatus(receipt, 'in_progress', { actor: '李科员', now: at(5), note: '内部：联系王五 13812345678' });
    store.addNote(receipt, '内部备注', { actor: '李科员', now: at(6) });
    store.reply(receipt, '已处理', { actor: '李科员', now: at(7) });
    const pub = store.publicStatus(receipt)!;
    expect(pub).toEqual({
      receipt,
      type: 'complaint',
      typeLabel: '诉求反映',
      submittedAt: T0.toISOString(),
      status: 'answered',
      statusLabel: '已答复',
      history: [
        { at: T0.toISOString(), status: 'received', statusLabel: '已收到' },
        { at: at(5).toISOString(), status: 'in_progress', statusLabel: '处理中' },
        { at: at(7).toISOString(), status: 'answered', statusLabel: '已答复' },
      ],
      reply: { text: '已处理', at: at(7).toISOString() },
    });
    const json = JSON.stringify(pub);
    for (const secret of ['王五', '13812345678', '李科员', '内部', '村道']) expect(json).not.toContain(secret);
  });
});

describe('list', () => {
  it('filters by current status and type, newest first, with a limit', () => {
    const a = store.submit(privateComplaint, { now: at(0) }).receipt;
    const b = store.submit(valid({ type: 'suggestion', message: '建议' }), { now: at(1) }).receipt;
    const c = store.submit(valid({ type: 'suggestion', message: '建议二' }), { now: at(2) }).receipt;
    store.setStatus(b, 'in_progress', { actor: 'x', now: at(3) });
    expect(store.list().map((i) => i.receipt)).toEqual([c, b, a]);
    expect(store.list({ status: 'received' }).map((i) => i.receipt)).toEqual([c, a]);
    expect(store.list({ status: 'in_progress' }).map((i) => i.receipt)).toEqual([b]);
    expect(store.list({ type: 'suggestion' }).map((i) => i.receipt)).toEqual([c, b]);
    expect(store.list({ limit: 1 }).map((i) => i.receipt)).toEqual([c]);
    expect(store.list({ type: 'complaint' })[0]).toMatchObject({ statusLabel: '已收到', wantsReply: true, hasContact: true });
  });
});

describe('publishedReplies', () => {
  it('includes only opted-in AND answered submissions, and never name or contact', () => {
    const optedIn = store.submit(
      valid({ type: 'complaint', message: '请回电 13900001111 或 me@example.com', name: '王五', contact: '13812345678', wantsReply: 'on', publishReply: 'on' }),
      { now: at(0) },
    ).receipt;
    const notOptedIn = store.submit(valid({ type: 'suggestion', message: '不公开', name: '钱七', contact: 'q7@example.com' }), { now: at(1) }).receipt;
    const optedInUnanswered = store.submit(valid({ type: 'suggestion', message: '未答复', publishReply: true }), { now: at(2) }).receipt;
    store.setStatus(optedInUnanswered, 'in_progress', { actor: 'x', now: at(3) });
    store.reply(optedIn, '已安排维修。', { actor: '李科员', now: at(4) });
    store.reply(notOptedIn, '谢谢。', { actor: '李科员', now: at(5) });

    const pub = store.publishedReplies();
    expect(pub).toHaveLength(1);
    expect(pub[0]).toEqual({
      id: expect.any(Number),
      type: 'complaint',
      typeLabel: '诉求反映',
      message: '请回电 [电话已隐去] 或 [邮箱已隐去]',
      figureId: null,
      reply: '已安排维修。',
      submittedAt: at(0).toISOString(),
      answeredAt: at(4).toISOString(),
    });
    const json = JSON.stringify(pub);
    for (const secret of ['王五', '13812345678', '13900001111', 'example.com', '李科员', optedIn]) expect(json).not.toContain(secret);

    // Closing after the answer keeps it published; an opted-in item closed without a reply is not.
    store.setStatus(optedIn, 'closed', { actor: 'x', now: at(6) });
    store.setStatus(optedInUnanswered, 'closed', { actor: 'x', now: at(7) });
    expect(store.publishedReplies().map((p) => p.message)).toEqual(['请回电 [电话已隐去] 或 [邮箱已隐去]']);
  });
});

describe('exportRows', () => {
  it('masks name and contact unless includeContact', () => {
    const { receipt } = store.submit(privateComplaint, { now: T0 });
    store.reply(receipt, '答复', { actor: 'x', now: at(1) });
    const [masked] = store.exportRows();
    expect(masked).toMatchObject({ receipt, name: '王*', contact: '138****5678', status: 'answered', reply: '答复' });
    expect(JSON.stringify(masked)).not.toContain('13812345678');
    const [full] = store.exportRows({ includeContact: true });
    expect(full).toMatchObject({ name: '王五', contact: '13812345678' });
  });
});
