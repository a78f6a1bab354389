// The feedback server side: one store, one config and two rate limiters per process,
// and the request handlers the routes call. Routes only render what these return.
//
// Order of checks for a submission (cheapest first, nothing stored unless all pass):
// method → content type → origin (JSON) → size → parse → honeypot → fields → rate limit →
// one transaction (store.submit) → receipt.
import { resolve } from 'node:path';
import { readFeedbackConfig } from './config.ts';
import type { FeedbackConfig } from './config.ts';
import { openStore, SERVER_BUSY_TIMEOUT_MS, StoreUnavailableError } from './store.ts';
import type { FeedbackStore, PublicStatus } from './store.ts';
import { createRateLimiter, defaultWindows, clientKey } from './rateLimit.ts';
import type { RateLimiter } from './rateLimit.ts';
import { FIELD_ORDER, HONEYPOT_FIELD, honeypotTripped, validateSubmission } from './schema.ts';
import type { FeedbackType, FieldError } from './schema.ts';
import { normaliseReceipt } from './receipt.ts';
import { ALLOWED_METHODS, BadBody, BodyTooLarge, bodyKind, parseBody, readLimited } from './http.ts';

interface State {
  config: FeedbackConfig;
  store: FeedbackStore;
  submitLimiter: RateLimiter;
  lookupLimiter: RateLimiter;
}
let state: State | null = null;

/** The process-wide store and limiters, opened on first use (creates ./var/ and the database). */
export function feedbackServer(): State {
  if (state) return state;
  const config = readFeedbackConfig();
  const store = openStore(config.dbPath === ':memory:' ? ':memory:' : resolve(config.dbPath), { busyTimeoutMs: SERVER_BUSY_TIMEOUT_MS });
  state = {
    config,
    store,
    submitLimiter: createRateLimiter({ windows: defaultWindows(config.rateLimit.perMinute, config.rateLimit.perDay) }),
    lookupLimiter: createRateLimiter({ windows: defaultWindows(config.lookupRateLimit.perMinute, config.lookupRateLimit.perDay) }),
  };
  return state;
}

export type SubmitOutcome =
  | { kind: 'created'; receipt: string; type: FeedbackType; replyTargetDays: number }
  | {
      kind: 'rejected';
      status: 400 | 403 | 405 | 413 | 415 | 422 | 429 | 500 | 503;
      /** A message for the whole submission (shown in the error summary). */
      message: string | null;
      errors: FieldError[];
      /** What the user typed, to put back into the form (never the honeypot). */
      values: Record<string, string>;
      headers: Record<string, string>;
    };

const reject = (
  status: Extract<SubmitOutcome, { kind: 'rejected' }>['status'],
  message: string | null,
  extra: { errors?: FieldError[]; values?: Record<string, string>; headers?: Record<string, string> } = {},
): SubmitOutcome => ({ kind: 'rejected', status, message, errors: extra.errors ?? [], values: extra.values ?? {}, headers: extra.headers ?? {} });

/** Form values to echo back: known fields only, as strings, never the honeypot. */
export function echoValues(input: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FIELD_ORDER) {
    if (f === HONEYPOT_FIELD) continue;
    const v = input[f];
    if (typeof v === 'string') out[f] = v;
    else if (typeof v === 'number' && Number.isFinite(v)) out[f] = String(v);
    else if (v === true) out[f] = 'on';
  }
  return out;
}

export const MESSAGES = {
  method: '此地址只接受通过表单提交（POST）或浏览（GET）。',
  contentType: '提交格式不受支持。请通过网页表单提交，或以 application/json 格式发送。',
  origin: '请从本网站的反馈页面提交。',
  tooLarge: '提交内容过大。反馈内容请不超过2000字；如需提供大量材料，请通过电子邮件或电话联系。',
  honeypot: '提交未通过自动检查，未被保存。如果您是通过本页面正常填写的，请刷新页面后重新提交，或改用下方的电话、电子邮件联系我们。',
  rate: (s: number) => `您提交得过于频繁，请${s >= 120 ? `约${Math.ceil(s / 60)}分钟` : `${s}秒`}后再试。您填写的内容已保留在下方。`,
  busy: '系统繁忙，您的反馈这次没有保存。您填写的内容已保留在下方，请稍等片刻后再次提交，或使用下方的电话、电子邮件联系我们。',
  failed: '服务器出现故障，您的反馈未能保存。您填写的内容已保留在下方，请稍后再试，或使用下方的电话、电子邮件联系我们。',
  rateLookup: (s: number) => `查询过于频繁，请${s >= 120 ? `约${Math.ceil(s / 60)}分钟` : `${s}秒`}后再试。`,
} as const;

/**
 * Read and drop a (small) body we are refusing, so the connection stays usable: answering
 * while the client is still sending makes Node reset the socket under the client.
 */
async function discard(request: Request): Promise<void> {
  await readLimited(request).catch(() => {});
}

export async function handleSubmission(request: Request, ctx: { ip: string; origin: string }): Promise<SubmitOutcome> {
  if (request.method !== 'POST') {
    await discard(request);
    return reject(405, MESSAGES.method, { headers: { Allow: ALLOWED_METHODS.join(', ') } });
  }
  const contentType = request.headers.get('content-type');
  const kind = bodyKind(contentType);
  if (!kind) {
    await discard(request);
    return reject(415, MESSAGES.contentType);
  }
  // Astro's origin check covers form posts; a JSON post from a page on another site would
  // need CORS, which we never grant, but refuse a foreign Origin explicitly anyway.
  const origin = request.headers.get('origin');
  if (kind === 'json' && origin !== null && origin !== ctx.origin) {
    await discard(request);
    return reject(403, MESSAGES.origin);
  }

  let input: Record<string, unknown>;
  try {
    input = await parseBody(await readLimited(request), contentType);
  } catch (e) {
    // readLimited has read (or, when huge, cut off) the rest of the body; do not reuse the
    // connection either way.
    if (e instanceof BodyTooLarge) return reject(413, MESSAGES.tooLarge, { headers: { Connection: 'close' } });
    if (e instanceof BadBody) return reject(400, e.message);
    throw e;
  }
  const values = echoValues(input);
  if (honeypotTripped(input)) return reject(400, MESSAGES.honeypot, { values });

  const result = validateSubmission(input);
  if (!result.ok) return reject(422, null, { errors: result.errors, values });

  const { config, store, submitLimiter } = feedbackServer();
  const key = clientKey(ctx.ip, config.ipSalt);
  // Only complete, valid submissions count: a person correcting mistakes is not throttled.
  const decision = submitLimiter.check(key);
  if (!decision.allowed)
    return reject(429, MESSAGES.rate(decision.retryAfterSeconds), { values, headers: { 'Retry-After': String(decision.retryAfterSeconds) } });

  let receipt: string;
  try {
    ({ receipt } = await whenNotBusy(() => store.submit(result.value, { clientHash: key })));
  } catch (e) {
    // Nothing was stored: the attempt does not count against the person's limit.
    submitLimiter.release(key);
    if (e instanceof StoreUnavailableError) {
      if (e.reason === 'replaced') logError('submit', e);
      return reject(503, MESSAGES.busy, { values, headers: { 'Retry-After': String(RETRY_AFTER_SECONDS) } });
    }
    logError('submit', e);
    return reject(500, MESSAGES.failed, { values });
  }
  return { kind: 'created', receipt, type: result.value.type, replyTargetDays: config.replyTargetDays[result.value.type] };
}

/** How long a submission waits in total for a busy database before the 503. */
export const BUSY_BUDGET_MS = 2000;
export const RETRY_AFTER_SECONDS = 5;

/**
 * Runs a store write, retrying while the database is locked by another connection. An
 * attempt on a locked database fails at once (SERVER_BUSY_TIMEOUT_MS = 0), so the event loop
 * is never held; between attempts other requests (static pages) are answered. After
 * BUSY_BUDGET_MS the busy error goes up (503).
 */
export async function whenNotBusy<T>(write: () => T, budgetMs = BUSY_BUDGET_MS): Promise<T> {
  const deadline = Date.now() + budgetMs;
  for (;;) {
    try {
      return write();
    } catch (e) {
      if (!(e instanceof StoreUnavailableError && e.reason === 'busy') || Date.now() >= deadline) throw e;
    }
    await new Promise((r) => setTimeout(r, 25));
  }
}

export type LookupOutcome =
  | { kind: 'found'; status: PublicStatus }
  | { kind: 'malformed' | 'not_found'; receipt: string }
  | { kind: 'limited'; retryAfterSeconds: number; message: string };

/** Look up a receipt for the public: rate limited (every lookup counts), validated before the database. */
export function lookupReceipt(raw: unknown, ip: string): LookupOutcome {
  const { config, store, lookupLimiter } = feedbackServer();
  const decision = lookupLimiter.check(clientKey(ip, config.ipSalt));
  if (!decision.allowed) return { kind: 'limited', retryAfterSeconds: decision.retryAfterSeconds, message: MESSAGES.rateLookup(decision.retryAfterSeconds) };
  const typed = typeof raw === 'string' ? raw.slice(0, 100) : '';
  const receipt = normaliseReceipt(typed);
  if (!receipt) return { kind: 'malformed', receipt: typed };
  const status = store.publicStatus(receipt);
  return status ? { kind: 'found', status } : { kind: 'not_found', receipt };
}

/** Log an unexpected error server-side; never send it to the client. */
export function logError(where: string, e: unknown): void {
  console.error(`[feedback] ${where}:`, e instanceof Error ? (e.stack ?? e.message) : e);
}
