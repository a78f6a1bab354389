import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadDataset } from '../../src/loaders/loadDataset.ts';
import { readDataDir } from '../../src/loaders/readDataDir.ts';
import { withUnit } from '../../src/lib/format.ts';
import { readFeedbackConfig } from '../../src/lib/feedback/config.ts';
import { isValidReceipt } from '../../src/lib/feedback/receipt.ts';
import { startServer, type RunningServer } from '../support/server.ts';
import { VALID, countSubmissions, formPost, jsonPost, receiptFrom, submissionRow } from '../support/feedback.ts';

const base = inject('baseUrl');
const dbPath = inject('feedbackDb');
const config = readFeedbackConfig({});
const data = loadDataset(readDataDir('data'));

/** Runs `fn` and asserts that the number of stored submissions did not change. */
async function storesNothing(fn: () => Promise<void>) {
  const before = countSubmissions(dbPath);
  await fn();
  expect(countSubmissions(dbPath)).toBe(before);
}

async function lookup(receipt: string, b = base) {
  const res = await formPost(b, { receipt }, { path: '/feedback/status/' });
  return { res, html: await res.text() };
}

describe('submitting feedback without JavaScript', () => {
  it('stores the submission, then answers 303 to a confirmation page with the receipt and reply target', async () => {
    const before = countSubmissions(dbPath);
    const res = await formPost(base, { type: 'data_error', message: '第2行的9个应为10个。', figureId: 'x.y', name: '张三', contact: '13812345678', wantsReply: 'on', consent: 'on', website: '' });
    expect(res.status).toBe(303);
    const receipt = receiptFrom(res.headers.get('location'));
    expect(isValidReceipt(receipt)).toBe(true);
    expect(countSubmissions(dbPath)).toBe(before + 1);
    const row = submissionRow(dbPath, receipt)!;
    expect(row).toMatchObject({ type: 'data_error', message: '第2行的9个应为10个。', name: '张三', contact: '13812345678', wants_reply: 1, figure_id: 'x.y' });

    const page = await fetch(new URL(res.headers.get('location')!, base));
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const html = await page.text();
    expect(html).toContain(receipt);
    expect(html).toContain(`${config.replyTargetDays.data_error}个工作日`);
    expect(html).toContain('href="/feedback/status/"');
    expect(html).not.toContain('13812345678');
  });

  it('shows the reply target of the submitted type (申请公开 differs from 数据纠错)', async () => {
    const res = await formPost(base, { type: 'disclosure', message: '申请公开名单', disclosureDescription: '重点帮扶村名单', disclosureForm: 'electronic', disclosureDelivery: 'email', name: '李四', contact: 'li@example.com', consent: 'on' });
    expect(res.status).toBe(303);
    const html = await (await fetch(new URL(res.headers.get('location')!, base))).text();
    expect(html).toContain(`${config.replyTargetDays.disclosure}个工作日`);
    expect(config.replyTargetDays.disclosure).not.toBe(config.replyTargetDays.data_error);
  });

  it('a receipt that does not exist gets no confirmation', async () => {
    const res = await fetch(base + '/feedback/received/?r=MY-00000-00000-00000');
    expect(res.status).toBe(404);
    expect(await res.text()).toContain('没有找到这个查询码');
  });
});

describe('submitting feedback as JSON', () => {
  it('answers 201 with the receipt, the status page and the reply target', async () => {
    const before = countSubmissions(dbPath);
    const res = await jsonPost(base, { type: 'complaint', message: '村道维修问题', contact: '0816-1234567', wantsReply: true, consent: true });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(isValidReceipt(body.receipt)).toBe(true);
    expect(body.statusUrl).toBe('/feedback/status/');
    expect(body.replyTargetDays).toBe(config.replyTargetDays.complaint);
    expect(countSubmissions(dbPath)).toBe(before + 1);
    expect(submissionRow(dbPath, body.receipt)).toMatchObject({ type: 'complaint', contact: '0816-1234567', contact_kind: 'landline' });
  });

  it('answers 422 with the Chinese messages in field order and stores nothing', async () => {
    await storesNothing(async () => {
      const res = await jsonPost(base, { type: 'disclosure', message: '', consent: false });
      expect(res.status).toBe(422);
      const body = await res.json();
      const fields = body.errors.map((e: { field: string }) => e.field);
      expect(fields).toEqual(['message', 'disclosureDescription', 'disclosureForm', 'disclosureDelivery', 'name', 'contact', 'consent']);
      for (const e of body.errors) expect(e.message).toMatch(/[\u4e00-\u9fff]/);
    });
  });

  it('answers 400 to a body that is not a JSON object', async () => {
    await storesNothing(async () => {
      const res = await fetch(base + '/feedback/', { method: 'POST', headers: { 'content-type': 'application/json', origin: base }, body: '{"type":' });
      expect(res.status).toBe(400);
      expect((await res.json()).message).toContain('JSON');
    });
  });
});

describe('invalid fields without JavaScript', () => {
  it('re-renders the form with status 422, an error summary linking each field, inline errors and what was typed (escaped)', async () => {
    await storesNothing(async () => {
      const typed = '<script>alert("x")</script> 我的意见';
      const res = await formPost(base, { type: 'suggestion', message: typed, name: '王五', contact: '12345', wantsReply: 'on' });
      expect(res.status).toBe(422);
      const html = await res.text();
      const summary = html.match(/<div class="fb-summary"[^>]*>[\s\S]*?<\/div>/)![0];
      expect(summary).toContain('role="alert"');
      expect(summary).toMatch(/autofocus/);
      expect(summary).toContain('href="#contact"');
      expect(summary).toContain('href="#consent"');
      expect(summary).toContain('联系方式格式不正确');
      expect(html).toContain('id="contact-error"');
      expect(html).toMatch(/<input[^>]*id="contact"[^>]*aria-invalid="true"|<input[^>]*aria-invalid="true"[^>]*id="contact"/);
      // Kept, escaped, never executable.
      expect(html).not.toContain('<script>alert("x")</script>');
      expect(html).toContain('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; 我的意见');
      expect(html).toMatch(/value="王五"/);
      expect(html).toMatch(/id="wantsReply"[^>]*checked/);
      expect(html).toMatch(/id="type-suggestion"[^>]*checked/);
      expect(html).toContain('<title>错误：意见反馈');
    });
  });

  it('counts the 2000-character limit in characters, not bytes', async () => {
    const ok = await jsonPost(base, { ...VALID, message: '字'.repeat(2000), consent: true });
    expect(ok.status).toBe(201);
    await storesNothing(async () => {
      const res = await jsonPost(base, { ...VALID, message: '字'.repeat(2001), consent: true });
      expect(res.status).toBe(422);
      expect((await res.json()).errors[0].message).toContain('不能超过2000字');
    });
  });
});

describe('bad input and abuse', () => {
  it('rejects a filled honeypot with 400 and stores nothing (form and JSON)', async () => {
    await storesNothing(async () => {
      const res = await formPost(base, { ...VALID, website: 'http://spam.example' });
      expect(res.status).toBe(400);
      const html = await res.text();
      expect(html).toContain('未被保存');
      expect(html).not.toContain('spam.example');
      const j = await jsonPost(base, { ...VALID, website: 'x' });
      expect(j.status).toBe(400);
    });
  });

  it('answers 413 to a body over the limit, by Content-Length and by counting a streamed body', async () => {
    await storesNothing(async () => {
      // Several times: answering before the body is read makes the client see a reset
      // (EPIPE) instead of the page, and only sometimes.
      for (const kib of [70, 200, 600, 70, 200, 600]) {
        const big = new URLSearchParams({ ...VALID, message: 'a'.repeat(kib * 1024) }).toString();
        const res = await fetch(base + '/feedback/', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base }, body: big });
        expect(res.status, `${kib} KiB`).toBe(413);
        expect(await res.text()).toContain('提交内容过大');
      }
      // Chunked, no Content-Length: the server must count while reading, and read the rest
      // before answering, or the client sees a reset instead of the page.
      for (let round = 0; round < 10; round++) {
        const chunks = round % 2 ? 100 : 20; // 800 KiB or 160 KiB
        const chunk = new TextEncoder().encode('message=' + 'b'.repeat(8 * 1024));
        let sent = 0;
        const stream = new ReadableStream<Uint8Array>({
          pull(c) {
            if (sent++ < chunks) c.enqueue(chunk);
            else c.close();
          },
        });
        const res2 = await fetch(base + '/feedback/', {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base },
          body: stream,
          duplex: 'half',
        } as RequestInit);
        expect(res2.status).toBe(413);
        expect(await res2.text()).toContain('提交内容过大');
      }
    });
  });

  it('answers 405 with Allow to PUT, DELETE and PATCH', async () => {
    await storesNothing(async () => {
      for (const method of ['PUT', 'DELETE', 'PATCH']) {
        const res = await fetch(base + '/feedback/', { method, headers: { origin: base, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(VALID).toString() });
        expect(res.status, method).toBe(405);
        expect(res.headers.get('allow')).toBe('GET, HEAD, POST');
      }
    });
  });

  it('answers 415 to other content types', async () => {
    await storesNothing(async () => {
      for (const type of ['text/plain', 'application/xml']) {
        const res = await fetch(base + '/feedback/', { method: 'POST', headers: { origin: base, 'content-type': type }, body: 'type=suggestion&message=x&consent=on' });
        expect(res.status, type).toBe(415);
        expect(await res.text()).toContain('提交格式不受支持');
      }
    });
  });

  it('answers 403 to a cross-site post: without Origin, or from another site', async () => {
    await storesNothing(async () => {
      expect((await formPost(base, { ...VALID }, { origin: null })).status).toBe(403);
      expect((await formPost(base, { ...VALID }, { origin: 'https://evil.example' })).status).toBe(403);
      expect((await jsonPost(base, { ...VALID, consent: true }, 'https://evil.example')).status).toBe(403);
    });
  });
});

describe('pre-filled forms', () => {
  const f = data.figures.find((x) => x.kind === 'published')!;
  it('fills in the id, value and source of a figure from its 报告此数字有误 link', async () => {
    const res = await fetch(`${base}/feedback/?type=data_error&figure=${encodeURIComponent(f.id)}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toMatch(new RegExp(`id="figureId"[^>]*value="${f.id.replace(/\./g, '\\.')}"`));
    expect(html).toMatch(new RegExp(`id="figureValue"[^>]*value="${withUnit(f.value, f.unit)}`));
    const src = data.sources.find((s) => s.id === f.source_id)!;
    expect(html).toMatch(new RegExp(`id="figureSource"[^>]*value="[^"]*${src.publisher_zh}[^"]*${f.locator.replace(/[()]/g, '\\$&')}`));
    expect(html).toMatch(/id="type-data_error"[^>]*checked/);
  });

  it('explains an unknown figure id instead of failing', async () => {
    const res = await fetch(`${base}/feedback/?type=data_error&figure=${encodeURIComponent('no.such"><img src=x onerror=alert(1)>')}`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('没有找到链接中的数字编号');
    // Kept for the record, as an attribute value whose quote is escaped, so it cannot break out.
    expect(/id="figureId"[^>]*value="no\.such&quot;/.test(html)).toBe(true);
    expect(html.includes('value="no.such">')).toBe(false);
  });

  it('pre-selects 申请公开 with the key-village list described', async () => {
    const html = await (await fetch(`${base}/feedback/?type=disclosure&topic=key-villages`)).text();
    expect(html).toMatch(/id="type-disclosure"[^>]*checked/);
    expect(html).toMatch(/<textarea[^>]*id="disclosureDescription"[^>]*>[^<]*重点帮扶村名单/);
  });
});

describe('status lookup', () => {
  it('shows 已收到 for a new receipt typed loosely, and never the name, contact or message', async () => {
    const res = await formPost(base, { type: 'suggestion', message: '秘密内容ABC', name: '赵六', contact: 'zhao@example.com', consent: 'on' });
    const receipt = receiptFrom(res.headers.get('location'));
    const typed = receipt.toLowerCase().replace(/-/g, ' ');
    const { res: r, html } = await lookup(typed);
    expect(r.status).toBe(200);
    expect(r.headers.get('cache-control')).toBe('no-store');
    expect(r.headers.get('referrer-policy')).toBe('same-origin');
    expect(html).toContain('当前状态：<span data-status="received"');
    expect(html).toContain('已收到');
    for (const secret of ['秘密内容ABC', '赵六', 'zhao@example.com']) expect(html).not.toContain(secret);
  });

  it('says so for a mistyped receipt (check character) and for an unknown one', async () => {
    const res = await formPost(base, { ...VALID });
    const receipt = receiptFrom(res.headers.get('location'));
    const last = receipt.at(-1)!;
    const typo = receipt.slice(0, -1) + (last === '0' ? '1' : '0');
    const bad = await lookup(typo);
    expect(bad.res.status).toBe(422);
    expect(bad.html).toContain('查询码格式不正确');
    const unknown = await lookup('MY-00000-00000-00000');
    expect(unknown.res.status).toBe(404);
    expect(unknown.html).toContain('没有找到');
  });

  it('does not reveal a status from the URL (GET)', async () => {
    const res = await formPost(base, { ...VALID });
    const receipt = receiptFrom(res.headers.get('location'));
    const html = await (await fetch(`${base}/feedback/status/?r=${receipt}`)).text();
    expect(html).not.toContain('当前状态');
    expect(html).not.toContain(receipt);
  });
});

describe('staff CLI round trip', () => {
  const cli = (...args: string[]) => execFileSync(process.execPath, ['scripts/feedback-cli.ts', ...args], { env: { ...process.env, FEEDBACK_DB: dbPath, FEEDBACK_ACTOR: '测试员' }, encoding: 'utf8' });

  it('a reply written with the CLI appears on the status page (escaped) and, when opted in, on 答复公开 without personal data', async () => {
    const pub = await formPost(base, { type: 'suggestion', message: '请公开各县资金明细，我的电话13900001111', name: '钱七', contact: '13900001111', publishReply: 'on', consent: 'on' });
    const priv = await formPost(base, { type: 'suggestion', message: '不公开的问题', consent: 'on' });
    const rPub = receiptFrom(pub.headers.get('location'));
    const rPriv = receiptFrom(priv.headers.get('location'));
    cli('status', rPub, 'in_progress');
    expect((await lookup(rPub)).html).toContain('data-status="in_progress"');
    const replyText = `已在资金页面补充明细 <b>${rPub.slice(-5)}</b>`;
    cli('reply', rPub, replyText);
    cli('reply', rPriv, '私下答复内容XYZ');

    const { html } = await lookup(rPub);
    expect(html).toContain('data-status="answered"');
    expect(html).toContain('已答复');
    expect(html).toContain(`已在资金页面补充明细 &lt;b&gt;${rPub.slice(-5)}&lt;/b&gt;`);
    expect(html).toMatch(/处理中[\s\S]*已答复/);

    const replies = await fetch(base + '/feedback/replies/');
    expect(replies.status).toBe(200);
    const page = await replies.text();
    expect(page).toContain(`补充明细 &lt;b&gt;${rPub.slice(-5)}`);
    expect(page).toContain('请公开各县资金明细');
    for (const secret of ['钱七', '13900001111', '私下答复内容XYZ', '不公开的问题', rPub, rPriv]) expect(page).not.toContain(secret);
  });
});

describe('rate limits (own server with small limits)', () => {
  let server: RunningServer;
  let tmp: string;
  beforeAll(async () => {
    tmp = mkdtempSync(join(tmpdir(), 'feedback-rate-'));
    server = await startServer({ env: { FEEDBACK_DB: join(tmp, 'fb.sqlite'), FEEDBACK_RATE_PER_MINUTE: '2', FEEDBACK_RATE_PER_DAY: '100', FEEDBACK_LOOKUP_PER_MINUTE: '3' } });
  });
  afterAll(async () => {
    await server?.stop();
    rmSync(tmp, { recursive: true, force: true });
  });

  it('answers the third submission in a minute with 429, Retry-After and a Chinese message, keeping what was typed', async () => {
    const db = join(tmp, 'fb.sqlite');
    expect((await formPost(server.url, { ...VALID })).status).toBe(303);
    expect((await jsonPost(server.url, { ...VALID, consent: true })).status).toBe(201);
    const n = countSubmissions(db);
    const res = await formPost(server.url, { ...VALID, message: '第三条意见' });
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    const html = await res.text();
    expect(html).toContain('提交得过于频繁');
    expect(html).toContain('第三条意见');
    const j = await jsonPost(server.url, { ...VALID, consent: true });
    expect(j.status).toBe(429);
    expect((await j.json()).message).toContain('过于频繁');
    expect(countSubmissions(db)).toBe(n);
  });

  it('limits status lookups separately, counting every lookup', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await lookup('MY-00000-00000-00000', server.url)).res.status);
    expect(statuses).toEqual([404, 404, 404, 429]);
  });
});

describe('page weight', () => {
  it('keeps the form page script at most 10 KB gzipped', async () => {
    const { gzipSync } = await import('node:zlib');
    const html = await (await fetch(base + '/feedback/')).text();
    let js = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
    for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)) js += await (await fetch(new URL(m[1], base))).text();
    expect(js).toContain('data-fb-count');
    expect(gzipSync(js).byteLength).toBeLessThanOrEqual(10 * 1024);
  });
});
