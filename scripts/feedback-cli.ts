// Staff CLI for the feedback store.  Run: npm run feedback -- <command> …
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { openStore, defaultDbPath, STATUSES, STATUS_LABELS, EXPORT_COLUMNS, FeedbackStoreError } from '../src/lib/feedback/store.ts';
import type { FeedbackStore, Status } from '../src/lib/feedback/store.ts';
import { FEEDBACK_TYPES } from '../src/lib/feedback/schema.ts';
import type { FeedbackType } from '../src/lib/feedback/schema.ts';
import { toCsv } from '../src/lib/feedback/csv.ts';
import { maskContact, maskName } from '../src/lib/feedback/contact.ts';
import { backup, restore } from '../src/lib/feedback/backup.ts';

const USAGE = `用法 / Usage: npm run feedback -- [--db 路径/path] <命令/command> …

  list [--status S] [--type T] [--limit N] [--json]   列出反馈 / list submissions
  show <查询码/receipt> [--include-contact] [--json]   查看详情 / show one submission
  status <查询码/receipt> <状态/status> [--note 备注]   更改状态 / change status
  reply <查询码/receipt> <答复文字/text> | --file 文件  答复（状态改为“已答复”）/ reply (sets answered)
  note <查询码/receipt> <备注/text>                     内部备注 / internal note
  export [--include-contact] [--out 文件.csv]           导出CSV（默认隐去联系方式）/ export CSV (contact masked)
  backup <文件/PATH>                                   在线备份（一致性副本，权限0600）/ consistent online backup (mode 0600)
  restore <文件/PATH>                                  检查备份完整性后恢复（原文件保留）/ check the backup, then restore (old files kept)

  状态 / statuses: ${STATUSES.filter((s) => s !== 'answered').map((s) => `${s} ${STATUS_LABELS[s]}`).join(', ')}
                   (answered ${STATUS_LABELS.answered}: 使用 reply / use reply)
  类型 / types:    ${FEEDBACK_TYPES.join(', ')}
  数据库 / database: --db，或环境变量 FEEDBACK_DB，默认 / default ./var/feedback.sqlite
  操作人 / actor:   --actor，或环境变量 FEEDBACK_ACTOR，默认为系统用户名 / default: OS user name`;

class UsageError extends Error {}

interface Parsed {
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['db', 'status', 'type', 'limit', 'note', 'file', 'out', 'actor']);
const BOOL_FLAGS = new Set(['json', 'include-contact', 'help']);

function parseArgs(argv: string[]): Parsed {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '--') {
      positional.push(...argv.slice(i + 1));
      break;
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=');
      const name = eq > 0 ? a.slice(2, eq) : a.slice(2);
      if (VALUE_FLAGS.has(name)) {
        const v = eq > 0 ? a.slice(eq + 1) : argv[++i];
        if (v === undefined) throw new UsageError(`--${name} 需要一个值 / --${name} needs a value`);
        flags.set(name, v);
      } else if (BOOL_FLAGS.has(name) && eq < 0) {
        flags.set(name, true);
      } else {
        throw new UsageError(`未知选项 / unknown option: ${a}`);
      }
    } else if (a === '-h') {
      flags.set('help', true);
    } else {
      positional.push(a);
    }
  }
  return { positional, flags };
}

function flag(p: Parsed, name: string): string | undefined {
  const v = p.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

/** `npm run` changes to the package root; resolve user-given paths against where the user ran it. */
function userPath(path: string): string {
  return resolve(process.env.INIT_CWD ?? process.cwd(), path);
}

function actorOf(p: Parsed): string {
  const a = flag(p, 'actor') ?? process.env.FEEDBACK_ACTOR;
  if (a?.trim()) return a.trim();
  try {
    return userInfo().username || 'cli';
  } catch {
    return 'cli';
  }
}

function needArgs(p: Parsed, n: number, what: string): void {
  if (p.positional.length - 1 < n) throw new UsageError(`缺少参数 / missing argument: ${what}`);
  if (p.positional.length - 1 > n) throw new UsageError(`多余的参数 / unexpected argument: ${p.positional[n + 1]}`);
}

function out(s: string): void {
  process.stdout.write(s.endsWith('\n') ? s : s + '\n');
}

function run(store: FeedbackStore, p: Parsed): void {
  const [cmd] = p.positional;
  const json = p.flags.has('json');
  switch (cmd) {
    case 'list': {
      needArgs(p, 0, '');
      const status = flag(p, 'status');
      const type = flag(p, 'type');
      const limitRaw = flag(p, 'limit');
      if (status !== undefined && !STATUSES.includes(status as Status))
        throw new UsageError(`未知状态 / unknown status: ${status}`);
      if (type !== undefined && !FEEDBACK_TYPES.includes(type as FeedbackType))
        throw new UsageError(`未知类型 / unknown type: ${type}`);
      if (limitRaw !== undefined && !/^\d+$/.test(limitRaw)) throw new UsageError('--limit 应为正整数 / must be a positive integer');
      const items = store.list({
        status: status as Status | undefined,
        type: type as FeedbackType | undefined,
        limit: limitRaw ? Number(limitRaw) : undefined,
      });
      if (json) return out(JSON.stringify(items, null, 2));
      if (items.length === 0) return out('（无记录 / no submissions）');
      for (const it of items) {
        out(`${it.receipt}  ${it.createdAt}  ${it.typeLabel}  ${it.statusLabel}${it.wantsReply ? '  需答复' : ''}  ${it.excerpt.replace(/\s+/g, ' ')}`);
      }
      return;
    }
    case 'show': {
      needArgs(p, 1, '查询码 / receipt');
      const rec = store.get(p.positional[1]);
      if (!rec) throw new FeedbackStoreError('not_found', `未找到查询码 / receipt not found: ${p.positional[1]}`);
      const include = p.flags.has('include-contact');
      const view = {
        ...rec,
        name: include ? rec.name : rec.name && maskName(rec.name),
        contact: include ? rec.contact : rec.contact && maskContact(rec.contact),
        postalAddress: include ? rec.postalAddress : rec.postalAddress && '***',
      };
      if (json) return out(JSON.stringify(view, null, 2));
      const lines = [
        `查询码 receipt:   ${view.receipt}`,
        `类型 type:        ${view.typeLabel} (${view.type})`,
        `提交时间 created: ${view.createdAt}`,
        `状态 status:      ${view.statusLabel} (${view.status})`,
        `姓名 name:        ${view.name ?? '—'}`,
        `联系方式 contact: ${view.contact ?? '—'}${view.wantsReply ? '（需要答复 / reply requested）' : ''}`,
        `公开答复 publish: ${view.publishReply ? '同意 / yes' : '不同意 / no'}`,
      ];
      if (view.type === 'data_error')
        lines.push(`图表 figure:      ${view.figureId ?? '—'}  数值 value: ${view.figureValue ?? '—'}  来源 source: ${view.figureSource ?? '—'}`);
      if (view.type === 'disclosure')
        lines.push(
          `申请信息 sought:  ${view.disclosureDescription ?? '—'}`,
          `形式/方式 form:   ${view.disclosureForm ?? '—'} / ${view.disclosureDelivery ?? '—'}${view.postalAddress ? `  地址 address: ${view.postalAddress}` : ''}`,
        );
      lines.push('', '内容 message:', view.message, '');
      if (view.reply) lines.push(`答复 reply (${view.reply.at}, ${view.reply.actor}):`, view.reply.text, '');
      lines.push('记录 events:');
      for (const e of view.events) {
        const what = e.kind === 'status' ? `状态→${STATUS_LABELS[e.status as Status]}` : e.kind === 'reply' ? '答复' : '备注';
        lines.push(`  #${e.id} ${e.at} ${e.actor}: ${what}${e.text ? ` — ${e.text.replace(/\s+/g, ' ').slice(0, 120)}` : ''}`);
      }
      return out(lines.join('\n'));
    }
    case 'status': {
      needArgs(p, 2, '查询码 状态 / receipt status');
      const [, receipt, status] = p.positional;
      if (!STATUSES.includes(status as Status)) throw new UsageError(`未知状态 / unknown status: ${status}`);
      store.setStatus(receipt, status as Status, { actor: actorOf(p), note: flag(p, 'note') });
      return out(`已更新 / updated: ${store.get(receipt)!.receipt} → ${STATUS_LABELS[status as Status]} (${status})`);
    }
    case 'reply': {
      const file = flag(p, 'file');
      needArgs(p, file ? 1 : 2, file ? '查询码 / receipt' : '查询码 答复文字 / receipt text (or --file)');
      const text = file ? readFileSync(userPath(file), 'utf8') : p.positional[2];
      store.reply(p.positional[1], text, { actor: actorOf(p) });
      return out(`已答复 / replied: ${store.get(p.positional[1])!.receipt}`);
    }
    case 'note': {
      needArgs(p, 2, '查询码 备注 / receipt text');
      store.addNote(p.positional[1], p.positional[2], { actor: actorOf(p) });
      return out(`已添加备注 / note added: ${store.get(p.positional[1])!.receipt}`);
    }
    case 'export': {
      needArgs(p, 0, '');
      const rows = store.exportRows({ includeContact: p.flags.has('include-contact') });
      const csv = toCsv(EXPORT_COLUMNS, rows);
      const file = flag(p, 'out');
      if (file) {
        writeFileSync(userPath(file), csv, { encoding: 'utf8', mode: 0o600 });
        process.stderr.write(`已导出 ${rows.length} 条到 ${file} / exported ${rows.length} rows\n`);
      } else {
        process.stdout.write(csv);
      }
      return;
    }
    case undefined:
      throw new UsageError('缺少命令 / missing command');
    default:
      throw new UsageError(`未知命令 / unknown command: ${cmd}`);
  }
}

function main(argv: string[]): number {
  let p: Parsed;
  try {
    p = parseArgs(argv);
  } catch (e) {
    process.stderr.write(`错误 / error: ${(e as Error).message}\n\n${USAGE}\n`);
    return 2;
  }
  if (p.flags.has('help') || p.positional[0] === 'help') {
    out(USAGE);
    return 0;
  }
  const dbFlag = flag(p, 'db');
  const dbPath = dbFlag ? userPath(dbFlag) : defaultDbPath();
  const [cmd, target] = p.positional;
  if (cmd === 'backup' || cmd === 'restore') {
    if (!target) {
      process.stderr.write(`错误 / error: ${cmd} 需要一个文件路径 / ${cmd} needs a file path\n\n${USAGE}\n`);
      return 2;
    }
    try {
      if (cmd === 'backup') {
        const r = backup(dbPath, userPath(target));
        out(`✓ 已备份 ${r.submissions} 条反馈到 / backed up ${r.submissions} submissions to ${userPath(target)}（完整性检查通过 / integrity ok）`);
      } else {
        const r = restore(userPath(target), dbPath);
        out(`✓ 已从 ${userPath(target)} 恢复 ${r.submissions} 条反馈 / restored ${r.submissions} submissions` + (r.previous ? `；原数据库移至 / previous database moved to ${r.previous}` : ''));
        out('  请重启服务 / restart the server now.');
      }
      return 0;
    } catch (e) {
      process.stderr.write(`错误 / error: ${(e as Error).message}\n`);
      return 1;
    }
  }
  if (!existsSync(dbPath)) {
    process.stderr.write(`错误 / error: 数据库文件不存在 / database not found: ${dbPath}\n（用 --db 或 FEEDBACK_DB 指定 / set --db or FEEDBACK_DB）\n`);
    return 1;
  }
  let store: FeedbackStore | undefined;
  try {
    store = openStore(dbPath);
    run(store, p);
    return 0;
  } catch (e) {
    if (e instanceof UsageError) {
      process.stderr.write(`错误 / error: ${e.message}\n\n${USAGE}\n`);
      return 2;
    }
    if (e instanceof FeedbackStoreError) {
      process.stderr.write(`错误 / error: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`错误 / error: ${(e as Error).message ?? String(e)}\n`);
    return 1;
  } finally {
    store?.close();
  }
}

process.exitCode = main(process.argv.slice(2));
