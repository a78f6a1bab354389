import { describe, expect, it } from 'vitest';
import { BODY_LIMIT_BYTES, BadBody, BodyTooLarge, DRAIN_LIMIT_BYTES, bodyKind, clientIp, parseBody, readLimited, wantsJson } from '../../../src/lib/feedback/http.ts';
import { endpointPage, readFeedbackMode } from '../../../src/lib/feedback/mode.ts';
import { prefillFrom } from '../../../src/lib/feedback/prefill.ts';
import { beijingTime, controlId } from '../../../src/lib/feedback/display.ts';
import { readFeedbackConfig } from '../../../src/lib/feedback/config.ts';
import { FIELD_ORDER, LIMITS, validateSubmission } from '../../../src/lib/feedback/schema.ts';
import { loadDataset } from '../../../src/loaders/loadDataset.ts';
import { readDataDir } from '../../../src/loaders/readDataDir.ts';
import { withUnit } from '../../../src/lib/format.ts';

const streamOf = (chunks: Uint8Array[]) =>
  new ReadableStream<Uint8Array>({
    start(c) {
      for (const x of chunks) c.enqueue(x);
      c.close();
    },
  });
const post = (body: BodyInit, headers: Record<string, string> = {}) =>
  new Request('http://x/feedback/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

describe('request bodies', () => {
  it('accepts only form, multipart and JSON bodies', () => {
    expect(bodyKind('application/x-www-form-urlencoded; charset=UTF-8')).toBe('form');
    expect(bodyKind('multipart/form-data; boundary=x')).toBe('multipart');
    expect(bodyKind('Application/JSON')).toBe('json');
    for (const t of ['text/plain', 'application/xml', '', null]) expect(bodyKind(t)).toBeNull();
  });

  it('answers JSON to JSON clients only', () => {
    expect(wantsJson('application/json', null)).toBe(true);
    expect(wantsJson('application/x-www-form-urlencoded', 'text/html,application/xhtml+xml,*/*')).toBe(false);
    expect(wantsJson('application/x-www-form-urlencoded', 'application/json')).toBe(true);
  });

  it('refuses a declared Content-Length over the limit without reading', async () => {
    const req = post('x', { 'content-length': String(BODY_LIMIT_BYTES + 1) });
    await expect(readLimited(req)).rejects.toBeInstanceOf(BodyTooLarge);
  });

  it('counts bytes of a streamed body and stops past the limit', async () => {
    const chunk = new Uint8Array(1000);
    await expect(readLimited(post(streamOf(Array(5).fill(chunk))), 4500)).rejects.toBeInstanceOf(BodyTooLarge);
    expect((await readLimited(post(streamOf(Array(4).fill(chunk))), 4500)).byteLength).toBe(4000);
  });

  it('reads an oversized body to its end before refusing it, so the client can read the 413 page', async () => {
    // A counting stream: how many chunks did the server pull?
    const counting = (n: number, size: number) => {
      let pulled = 0;
      const stream = new ReadableStream<Uint8Array>({
        pull(c) {
          if (pulled < n) {
            pulled++;
            c.enqueue(new Uint8Array(size));
          } else c.close();
        },
      });
      return { stream, pulled: () => pulled };
    };
    const small = counting(100, 1024); // 100 KiB: over the limit, under the drain limit
    await expect(readLimited(post(small.stream))).rejects.toBeInstanceOf(BodyTooLarge);
    expect(small.pulled()).toBe(100);
    const declared = counting(100, 1024);
    await expect(readLimited(post(declared.stream, { 'content-length': String(100 * 1024) }))).rejects.toBeInstanceOf(BodyTooLarge);
    expect(declared.pulled()).toBe(100);
    // A huge body is cut off soon after the drain limit, not read to its end.
    const huge = counting(10_000, 1024); // 10 MiB
    await expect(readLimited(post(huge.stream))).rejects.toBeInstanceOf(BodyTooLarge);
    expect(huge.pulled() * 1024).toBeLessThan(DRAIN_LIMIT_BYTES + 64 * 1024);
    const hugeDeclared = counting(10_000, 1024);
    await expect(readLimited(post(hugeDeclared.stream, { 'content-length': String(10_000 * 1024) }))).rejects.toBeInstanceOf(BodyTooLarge);
    expect(hugeDeclared.pulled()).toBeLessThan(64);
  });

  it('leaves room for the largest honest submission (every field full of 4-byte characters, percent-encoded)', () => {
    const big: Record<string, string> = { type: 'disclosure', consent: 'on' };
    for (const [k, n] of Object.entries(LIMITS)) big[k] = '𠀀'.repeat(n);
    expect(new TextEncoder().encode(new URLSearchParams(big).toString()).byteLength).toBeLessThan(BODY_LIMIT_BYTES);
  });

  it('parses form, multipart and JSON bodies, and refuses files, arrays and bad JSON in Chinese', async () => {
    const enc = (s: string) => new TextEncoder().encode(s);
    expect(await parseBody(enc('type=other&message=%E4%BD%A0%E5%A5%BD'), 'application/x-www-form-urlencoded')).toEqual({ type: 'other', message: '你好' });
    expect(await parseBody(enc('{"consent":true}'), 'application/json')).toEqual({ consent: true });
    await expect(parseBody(enc('[1]'), 'application/json')).rejects.toThrow(/JSON对象/);
    await expect(parseBody(enc('{'), 'application/json')).rejects.toBeInstanceOf(BadBody);
    const form = new FormData();
    form.set('message', '多部分');
    const mp = new Request('http://x/', { method: 'POST', body: form });
    const bytes = new Uint8Array(await mp.arrayBuffer());
    expect(await parseBody(bytes, mp.headers.get('content-type'))).toEqual({ message: '多部分' });
    const withFile = new FormData();
    withFile.set('file', new Blob(['x']), 'a.txt');
    const mf = new Request('http://x/', { method: 'POST', body: withFile });
    await expect(parseBody(new Uint8Array(await mf.arrayBuffer()), mf.headers.get('content-type'))).rejects.toThrow(/不接受上传文件/);
  });
});

describe('client address', () => {
  it('ignores X-Forwarded-For unless TRUST_PROXY, then takes the hop our proxy added', () => {
    expect(clientIp('10.0.0.1', '1.2.3.4', false)).toBe('10.0.0.1');
    expect(clientIp('10.0.0.1', '6.6.6.6, 1.2.3.4', true)).toBe('1.2.3.4');
    expect(clientIp('10.0.0.1', null, true)).toBe('10.0.0.1');
  });
});

describe('feedback mode', () => {
  it('is the server by default, an endpoint when configured, static on request; refuses odd endpoints', () => {
    expect(readFeedbackMode({})).toMatchObject({ mode: 'server', action: '/feedback/' });
    expect(readFeedbackMode({ FEEDBACK_ENDPOINT: 'https://fk.example.gov.cn/feedback/' })).toMatchObject({ mode: 'endpoint', action: 'https://fk.example.gov.cn/feedback/' });
    expect(readFeedbackMode({ FEEDBACK_ENDPOINT: '/svc/feedback/' })).toMatchObject({ mode: 'endpoint' });
    expect(readFeedbackMode({ FEEDBACK_MODE: 'static', FEEDBACK_ENDPOINT: '/x/' })).toMatchObject({ mode: 'static', action: null });
    expect(() => readFeedbackMode({ FEEDBACK_ENDPOINT: 'javascript:alert(1)' })).toThrow(/FEEDBACK_ENDPOINT="javascript:alert\(1\)"/);
  });
  it('puts the status and replies pages next to the endpoint', () => {
    expect(endpointPage('/svc/feedback/', 'status/')).toBe('/svc/feedback/status/');
    expect(endpointPage('/svc/feedback', 'replies/')).toBe('/svc/feedback/replies/');
    expect(endpointPage('https://fk.example.gov.cn/feedback', 'status/')).toBe('https://fk.example.gov.cn/feedback/status/');
  });
});

describe('pre-filling from links', () => {
  const data = loadDataset(readDataDir('data'));
  it('fills a known figure from the dataset, and the result passes validation', () => {
    for (const f of data.figures) {
      const p = prefillFrom(new URLSearchParams({ type: 'data_error', figure: f.id }), data);
      expect(p.notice).toBeNull();
      expect(p.values.figureValue).toContain(withUnit(f.value, f.unit));
      expect(p.values.figureSource).toContain(f.locator);
      const v = validateSubmission({ ...p.values, message: '有误', consent: 'on' });
      expect(v.ok, f.id).toBe(true);
    }
  });

  it('notes an unknown figure and ignores unknown types and topics', () => {
    const p = prefillFrom(new URLSearchParams({ type: 'bogus', figure: 'nope', topic: 'nope' }), data);
    expect(p.values).toEqual({ type: 'data_error', figureId: 'nope' });
    expect(p.notice).toMatch(/没有找到/);
  });

  it('describes the key-village list for a disclosure request', () => {
    const p = prefillFrom(new URLSearchParams({ type: 'disclosure', topic: 'key-villages' }), data);
    expect(p.values.type).toBe('disclosure');
    expect(p.values.disclosureDescription).toContain('重点帮扶村名单');
  });
});

describe('display helpers', () => {
  it('links radio groups to their first option and other fields to themselves', () => {
    for (const f of FIELD_ORDER) expect(controlId(f)).toMatch(/^[A-Za-z_-]+$/);
    expect(controlId('type')).toBe('type-data_error');
    expect(controlId('contact')).toBe('contact');
  });
  it('shows times in Beijing time', () => {
    expect(beijingTime('2026-03-04T16:30:00.000Z')).toBe('2026年3月5日 00:30');
  });
});

describe('config additions', () => {
  it('has a retention text and a separate lookup limit, both configurable', () => {
    const d = readFeedbackConfig({});
    expect(d.retention).toMatch(/保存/);
    expect(d.lookupRateLimit).toEqual({ perMinute: 20, perDay: 200 });
    const c = readFeedbackConfig({ FEEDBACK_RETENTION: '办结后保存5年', FEEDBACK_LOOKUP_PER_MINUTE: '7' });
    expect(c.retention).toBe('办结后保存5年');
    expect(c.lookupRateLimit).toEqual({ perMinute: 7, perDay: 200 });
    expect(() => readFeedbackConfig({ FEEDBACK_LOOKUP_PER_DAY: 'x' })).toThrow(/FEEDBACK_LOOKUP_PER_DAY/);
  });
});
