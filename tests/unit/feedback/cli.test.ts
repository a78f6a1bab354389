import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { openStore } from '../../../src/lib/feedback/store.ts';
import { validateSubmission } from '../../../src/lib/feedback/schema.ts';

const CLI = resolve(import.meta.dirname, '../../../scripts/feedback-cli.ts');
let dir: string;
let db: string;
let receipt: string;

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [CLI, '--db', db, ...args], {
    encoding: 'utf8',
    env: { ...process.env, FEEDBACK_ACTOR: '测试员', INIT_CWD: dir },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'feedback-cli-'));
  db = join(dir, 'fb.sqlite');
  const v = validateSubmission({
    type: 'data_error',
    message: '=1+1 第三张图数据与统计公报不一致',
    name: '王五',
    contact: '13812345678',
    wantsReply: 'on',
    figureId: 'fig-income',
    figureValue: '-12.5',
    consent: 'on',
  });
  if (!v.ok) throw new Error('fixture invalid');
  const store = openStore(db);
  receipt = store.submit(v.value, { now: new Date('2026-03-02T01:00:00Z') }).receipt;
  store.close();
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('feedback CLI', { timeout: 30_000 }, () => {
  it('reply via CLI is visible to show and to the store', () => {
    const r = cli('reply', receipt.toLowerCase(), '已核实并更正数据。');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const shown = cli('show', receipt);
    expect(shown.code).toBe(0);
    expect(shown.stdout).toContain('已答复');
    expect(shown.stdout).toContain('已核实并更正数据。');
    expect(shown.stdout).toContain('测试员');
    expect(shown.stdout).not.toContain('13812345678');
    const json = JSON.parse(cli('show', receipt, '--json', '--include-contact').stdout);
    expect(json).toMatchObject({ status: 'answered', contact: '13812345678', reply: { text: '已核实并更正数据。', actor: '测试员' } });
    const store = openStore(db);
    expect(store.publicStatus(receipt)!.status).toBe('answered');
    store.close();
  });

  it('reply --file reads the text from a file (relative to where the user ran npm)', () => {
    writeFileSync(join(dir, 'answer.txt'), '第一段\n第二段\n');
    expect(cli('reply', receipt, '--file', 'answer.txt').code).toBe(0);
    expect(JSON.parse(cli('show', receipt, '--json').stdout).reply.text).toBe('第一段\n第二段');
  });

  it('status with a note, and list filtering', () => {
    const r = cli('status', receipt, 'in_progress', '--note', '转统计科');
    expect(r.code).toBe(0);
    expect(cli('list', '--status', 'in_progress').stdout).toContain(receipt);
    expect(cli('list', '--status', 'received').stdout).not.toContain(receipt);
    const events = JSON.parse(cli('show', receipt, '--json').stdout).events;
    expect(events.at(-1)).toMatchObject({ status: 'in_progress', text: '转统计科', actor: '测试员' });
  });

  it('export masks contact by default, includes it on request, and is Excel-safe CSV', () => {
    const masked = cli('export');
    expect(masked.code).toBe(0);
    expect(masked.stdout.startsWith('\uFEFFreceipt,')).toBe(true);
    expect(masked.stdout).toContain('138****5678');
    expect(masked.stdout).not.toContain('13812345678');
    expect(masked.stdout).not.toContain('王五');
    expect(masked.stdout).toContain(",'=1+1 "); // formula guard on the message
    expect(masked.stdout).toContain(",'-12.5,"); // and on the figure value
    expect(masked.stdout).toContain('\r\n');

    expect(cli('export', '--include-contact', '--out', 'all.csv').code).toBe(0);
    const file = readFileSync(join(dir, 'all.csv'), 'utf8');
    expect(file).toContain('13812345678');
    expect(file).toContain('王五');
  });

  it('fails clearly with a non-zero exit', () => {
    const unknown = cli('frobnicate');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('未知命令 / unknown command');
    expect(cli('status', receipt, 'answered').code).not.toBe(0);
    const bad = cli('status', receipt, 'finished');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unknown status');
    const missing = cli('show', 'MY-00000-00000-00000');
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/not found|malformed/);
    expect(cli('reply', receipt).code).toBe(2);
    const noDb = spawnSync(process.execPath, [CLI, '--db', join(dir, 'nope.sqlite'), 'list'], { encoding: 'utf8' });
    expect(noDb.status).toBe(1);
    expect(noDb.stderr).toContain('database not found');
  });
});
