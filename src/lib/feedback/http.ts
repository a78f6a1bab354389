// HTTP details of the feedback endpoint that do not depend on Astro: accepted methods and
// content types, the body size limit (counted while reading, not trusted from headers),
// body parsing, and the client address.
import { LIMITS } from './schema.ts';
import { parseSettings, settings } from '../config.ts';

export const ALLOWED_METHODS = ['GET', 'HEAD', 'POST'] as const;

export const FORM_TYPES = ['application/x-www-form-urlencoded', 'multipart/form-data'] as const;
export const JSON_TYPE = 'application/json';

/**
 * Body limit in bytes. The largest honest form post is every text field at its limit in
 * 4-byte characters, percent-encoded (12 bytes each), plus field names and checkboxes:
 * Σ LIMITS × 12 ≈ 53 KB. Round up to 64 KiB; anything larger is not a person typing.
 */
export const BODY_LIMIT_BYTES = 64 * 1024;
const LARGEST_HONEST = Object.values(LIMITS).reduce((a, b) => a + b, 0) * 12 + 2048;
if (LARGEST_HONEST > BODY_LIMIT_BYTES) throw new Error('BODY_LIMIT_BYTES is smaller than an honest submission');

export type BodyKind = 'form' | 'multipart' | 'json';

/** The media type without parameters, lower case; '' when absent. */
export function mediaType(contentType: string | null): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}

export function bodyKind(contentType: string | null): BodyKind | null {
  const t = mediaType(contentType);
  if (t === 'application/x-www-form-urlencoded') return 'form';
  if (t === 'multipart/form-data') return 'multipart';
  if (t === JSON_TYPE) return 'json';
  return null;
}

/** True when the client asked for JSON (JSON body, or Accept preferring JSON over HTML). */
export function wantsJson(contentType: string | null, accept: string | null): boolean {
  if (bodyKind(contentType) === 'json') return true;
  const a = (accept ?? '').toLowerCase();
  return a.includes(JSON_TYPE) && !a.includes('text/html');
}

export class BodyTooLarge extends Error {
  constructor() {
    super('body too large');
    this.name = 'BodyTooLarge';
  }
}

/**
 * How much of an oversized body we still read (and drop) before answering 413. A client
 * that is still sending when the server answers and closes sees a reset ("EPIPE",
 * "connection reset") instead of our error page; reading the rest first means the person
 * gets the Chinese message. Beyond this we stop reading and close, as Go's net/http does.
 */
export const DRAIN_LIMIT_BYTES = 1024 * 1024;

async function drain(reader: ReadableStreamDefaultReader<Uint8Array>, already: number): Promise<void> {
  let size = already;
  while (size <= DRAIN_LIMIT_BYTES) {
    const { done, value } = await reader.read();
    if (done) return;
    size += value.byteLength;
  }
  await reader.cancel().catch(() => {});
}

/**
 * Read a request body up to `limit` bytes. Counts bytes while streaming (chunked bodies and
 * lying headers); a declared Content-Length above the limit is refused without keeping
 * anything. An oversized body is read to its end and dropped when it is at most
 * DRAIN_LIMIT_BYTES (so the client can read the answer), and cut off when larger.
 */
export async function readLimited(request: Request, limit = BODY_LIMIT_BYTES): Promise<Uint8Array<ArrayBuffer>> {
  const declared = request.headers.get('content-length');
  const declaredBytes = declared !== null && /^\d+$/.test(declared.trim()) ? Number(declared) : null;
  if (!request.body) {
    if (declaredBytes !== null && declaredBytes > limit) throw new BodyTooLarge();
    return new Uint8Array(0);
  }
  const reader = request.body.getReader();
  if (declaredBytes !== null && declaredBytes > limit) {
    if (declaredBytes <= DRAIN_LIMIT_BYTES) await drain(reader, 0).catch(() => {});
    else await reader.cancel().catch(() => {});
    throw new BodyTooLarge();
  }
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await drain(reader, size).catch(() => {});
      throw new BodyTooLarge();
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}

export class BadBody extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BadBody';
  }
}

/**
 * Parse a body into plain fields. Form posts give strings (the last value of a repeated
 * name wins, as for a single control); JSON must be an object. Files are refused.
 */
export async function parseBody(bytes: Uint8Array<ArrayBuffer>, contentType: string | null): Promise<Record<string, unknown>> {
  const kind = bodyKind(contentType);
  if (kind === 'json') {
    let v: unknown;
    try {
      v = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    } catch {
      throw new BadBody('请求内容不是有效的JSON');
    }
    if (!v || typeof v !== 'object' || Array.isArray(v)) throw new BadBody('请求内容应为一个JSON对象');
    return v as Record<string, unknown>;
  }
  if (kind === 'form') {
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      throw new BadBody('请求内容不是有效的UTF-8文本');
    }
    return Object.fromEntries(new URLSearchParams(text));
  }
  if (kind === 'multipart') {
    let form: FormData;
    try {
      form = await new Response(bytes, { headers: { 'content-type': contentType! } }).formData();
    } catch {
      throw new BadBody('表单内容格式不正确');
    }
    const out: Record<string, unknown> = {};
    for (const [k, v] of form) {
      if (typeof v !== 'string') throw new BadBody('不接受上传文件，请只填写文字');
      out[k] = v;
    }
    return out;
  }
  throw new BadBody('不支持的内容类型');
}

/**
 * The client address for rate limiting. Behind a reverse proxy every request comes from
 * the proxy, so with TRUST_PROXY=1 the LAST X-Forwarded-For entry is used: it is the one
 * our own proxy appended; earlier entries are whatever the client claimed.
 */
export function clientIp(socketAddress: string | undefined, forwardedFor: string | null, trustProxy: boolean): string {
  if (trustProxy && forwardedFor) {
    const hops = forwardedFor.split(',').map((s) => s.trim()).filter(Boolean);
    const last = hops[hops.length - 1];
    if (last) return last;
  }
  return socketAddress || 'unknown';
}

export function trustProxy(env: Record<string, string | undefined> = process.env): boolean {
  return (env === process.env ? settings() : parseSettings(env)).TRUST_PROXY;
}
