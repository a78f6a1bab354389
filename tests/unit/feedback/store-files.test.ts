/**
 * The feedback database on disk: who can read it, what happens when it is replaced, and
 * backups (consistent, 0600, integrity-checked restore).
 */
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, permissionWarnings, StoreUnavailableError } from '../../../src/lib/feedback/store.ts';
import { backup, restore, checkDatabase, BackupError } from '../../../src/lib/feedback/backup.ts';
import { validateSubmission } from '../../../src/lib/feedback/schema.ts';

const tmp = mkdtempSync(join(tmpdir(), 'store-files-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));
const mode = (p: string) => statSync(p).mode & 0o777;
const value = () => {
  const r = validateSubmission({ type: 'suggestion', message: '测试意见', consent: 'on' });
  if (!r.ok) throw new Error('fixture invalid');
  return r.value;
};

describe('permissions', () => {
  it('creates the data directory 0700 and the database, -wal and -shm 0600, whatever the umask', () => {
    const old = process.umask(0o022);
    try {
      const path = join(tmp, 'fresh', 'var', 'feedback.sqlite');
      const store = openStore(path);
      store.submit(value());
      expect(mode(join(tmp, 'fresh', 'var'))).toBe(0o700);
      for (const f of [path, `${path}-wal`, `${path}-shm`]) expect(mode(f), f).toBe(0o600);
      expect(permissionWarnings(path)).toEqual([]);
      store.close();
    } finally {
      process.umask(old);
    }
  });

  it('warns, naming the file and the chmod, when existing files are readable by others', () => {
    const path = join(tmp, 'loose', 'feedback.sqlite');
    openStore(path).close();
    chmodSync(join(tmp, 'loose'), 0o755);
    chmodSync(path, 0o644);
    const w = permissionWarnings(path);
    expect(w).toHaveLength(2);
    expect(w[0]).toContain('chmod 700');
    expect(w[1]).toContain(`chmod 600 ${path}`);
  });
});

describe('a replaced or deleted database file', () => {
  it('refuses writes instead of acknowledging them into a file nobody will read', () => {
    const path = join(tmp, 'replaced', 'feedback.sqlite');
    const store = openStore(path);
    store.submit(value());
    expect(store.health().writable).toBe(true);
    copyFileSync(path, `${path}.x`);
    renameSync(`${path}.x`, path);
    expect(() => store.submit(value())).toThrow(StoreUnavailableError);
    expect(store.health().writable).toBe(false);
    store.close();
  });

  it('notices a deleted -wal file too', () => {
    const path = join(tmp, 'wal', 'feedback.sqlite');
    const store = openStore(path);
    store.submit(value());
    rmSync(`${path}-wal`);
    expect(() => store.submit(value())).toThrow(/deleted or replaced/);
    store.close();
  });

  it('a locked database fails at once with the short server timeout, as "busy"', () => {
    const path = join(tmp, 'busy', 'feedback.sqlite');
    const store = openStore(path, { busyTimeoutMs: 0 });
    const other = new DatabaseSync(path);
    other.exec('BEGIN IMMEDIATE');
    const t = performance.now();
    let err: unknown;
    try {
      store.submit(value());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(StoreUnavailableError);
    expect((err as StoreUnavailableError).reason).toBe('busy');
    expect(performance.now() - t).toBeLessThan(50);
    other.exec('ROLLBACK');
    other.close();
    expect(store.submit(value()).receipt).toBeTruthy();
    store.close();
  });
});

describe('backup and restore', () => {
  it('backs up to a 0600 file that passes the integrity check, and never overwrites', () => {
    const path = join(tmp, 'b', 'feedback.sqlite');
    const store = openStore(path);
    const receipts = [store.submit(value()).receipt, store.submit(value()).receipt];
    const target = join(tmp, 'b', 'backup-1.sqlite');
    expect(backup(path, target).submissions).toBe(2);
    expect(mode(target)).toBe(0o600);
    expect(checkDatabase(target)).toEqual([]);
    expect(() => backup(path, target)).toThrow(BackupError);
    // Restore into another place: every receipt is there.
    const restored = join(tmp, 'b2', 'feedback.sqlite');
    expect(restore(target, restored).submissions).toBe(2);
    const again = openStore(restored);
    for (const r of receipts) expect(again.get(r)?.receipt).toBe(r);
    again.close();
    store.close();
  });

  it('restore refuses a damaged backup and leaves the live database untouched', () => {
    const path = join(tmp, 'c', 'feedback.sqlite');
    const store = openStore(path);
    store.submit(value());
    store.close();
    const good = join(tmp, 'c', 'good.sqlite');
    backup(path, good);
    const bad = join(tmp, 'c', 'bad.sqlite');
    const bytes = readFileSync(good);
    // Overwrite the header of page 2 (the first table's b-tree root) with garbage.
    bytes.fill(0xa5, 4096, 4096 + 16);
    writeFileSync(bad, bytes);
    const before = readFileSync(path);
    expect(checkDatabase(bad).length).toBeGreaterThan(0);
    expect(() => restore(bad, path)).toThrow(/未做任何改动|nothing changed/);
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(existsSync(`${path}.restoring-${process.pid}`)).toBe(false);
    // Not a feedback database at all.
    const other = join(tmp, 'c', 'other.sqlite');
    const o = new DatabaseSync(other);
    o.exec('CREATE TABLE t (x)');
    o.close();
    expect(() => restore(other, path)).toThrow(/not a feedback database/);
  });
});
