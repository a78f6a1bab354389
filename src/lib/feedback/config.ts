// Feedback configuration from the environment, with safe defaults.
//
//   FEEDBACK_DB                        SQLite file (default ./var/feedback.sqlite)
//   FEEDBACK_REPLY_DAYS_DATA_ERROR     reply target in working days (default 3)
//   FEEDBACK_REPLY_DAYS_SUGGESTION     (15)
//   FEEDBACK_REPLY_DAYS_COMPLAINT      (15)
//   FEEDBACK_REPLY_DAYS_DISCLOSURE     (20; 《政府信息公开条例》第三十三条)
//   FEEDBACK_REPLY_DAYS_OTHER          (15)
//   FEEDBACK_CONTACT_EMAIL             office email shown as an alternative channel (default: none)
//   FEEDBACK_CONTACT_PHONE             office phone shown as an alternative channel (default: none)
//   FEEDBACK_RATE_PER_MINUTE           submissions per client per minute (5)
//   FEEDBACK_RATE_PER_DAY              submissions per client per day (30)
//   FEEDBACK_LOOKUP_PER_MINUTE         status lookups per client per minute (20; docs/feedback-status-policy.md)
//   FEEDBACK_LOOKUP_PER_DAY            status lookups per client per day (200)
//   FEEDBACK_IP_SALT                   secret salt for hashing client IPs (default: random per process)
//   FEEDBACK_RETENTION                 how long submissions are kept, as shown in the privacy notice
//                                      (default: per the bureau's records rules, as the privacy statement says; the operator sets the period
//                                      against its records-retention rules)
//
// Invalid values fall back to the default and are listed in `warnings`.
// No contact details are invented: when the office email/phone are unset, pages should
// show only the national 12317 hotline.
import { FEEDBACK_TYPES } from './schema.ts';
import type { FeedbackType } from './schema.ts';
import { parseContact } from './contact.ts';

export const DEFAULT_DB_PATH = './var/feedback.sqlite';

/** 全国农业农村系统监督举报服务热线 (national hotline, always safe to show). */
export const NATIONAL_HOTLINE = '12317';

export const DEFAULT_REPLY_TARGET_DAYS: Readonly<Record<FeedbackType, number>> = {
  data_error: 3,
  suggestion: 15,
  complaint: 15,
  disclosure: 20,
  other: 15,
};

export const DEFAULT_RETENTION = '按本局档案管理和政府信息公开的有关规定保存，期满后删除或匿名化';

export const DEFAULT_RATE_LIMIT = { perMinute: 5, perDay: 30 } as const;
export const DEFAULT_LOOKUP_RATE_LIMIT = { perMinute: 20, perDay: 200 } as const;

export interface FeedbackConfig {
  dbPath: string;
  /** Reply target per type, in working days. */
  replyTargetDays: Record<FeedbackType, number>;
  /** Alternative channels; null when not configured. */
  contact: { email: string | null; phone: string | null; hotline: string };
  rateLimit: { perMinute: number; perDay: number };
  /** Status lookups (and confirmation page views) per client. */
  lookupRateLimit: { perMinute: number; perDay: number };
  /** Salt for client IP hashes; null means "use a random per-process salt". */
  ipSalt: string | null;
  /** Retention period, in words, for the privacy notice on the form. */
  retention: string;
  warnings: string[];
}

type Env = Record<string, string | undefined>;

function intFrom(env: Env, key: string, def: number, min: number, max: number, warnings: string[]): number {
  const raw = env[key]?.trim();
  if (!raw) return def;
  if (/^\d+$/.test(raw)) {
    const n = Number(raw);
    if (n >= min && n <= max) return n;
  }
  warnings.push(`${key}=${JSON.stringify(raw)} 无效（应为 ${min}–${max} 的整数），使用默认值 ${def} / invalid, using default ${def}`);
  return def;
}

export function readFeedbackConfig(env: Env = process.env): FeedbackConfig {
  const warnings: string[] = [];
  const replyTargetDays = {} as Record<FeedbackType, number>;
  for (const t of FEEDBACK_TYPES) {
    replyTargetDays[t] = intFrom(env, `FEEDBACK_REPLY_DAYS_${t.toUpperCase()}`, DEFAULT_REPLY_TARGET_DAYS[t], 1, 60, warnings);
  }

  let email: string | null = null;
  const rawEmail = env.FEEDBACK_CONTACT_EMAIL?.trim();
  if (rawEmail) {
    const p = parseContact(rawEmail);
    if (p?.kind === 'email') email = p.value;
    else warnings.push(`FEEDBACK_CONTACT_EMAIL 不是有效的电子邮箱，已忽略 / not a valid email, ignored`);
  }
  let phone: string | null = null;
  const rawPhone = env.FEEDBACK_CONTACT_PHONE?.trim();
  if (rawPhone) {
    const p = parseContact(rawPhone);
    if (p && p.kind !== 'email') phone = p.value;
    else warnings.push(`FEEDBACK_CONTACT_PHONE 不是有效的电话号码，已忽略 / not a valid phone number, ignored`);
  }

  const salt = env.FEEDBACK_IP_SALT?.trim();
  if (salt && salt.length < 16) warnings.push('FEEDBACK_IP_SALT 过短（建议至少16个字符）/ salt is short (use ≥ 16 characters)');

  return {
    dbPath: env.FEEDBACK_DB?.trim() || DEFAULT_DB_PATH,
    replyTargetDays,
    contact: { email, phone, hotline: NATIONAL_HOTLINE },
    rateLimit: {
      perMinute: intFrom(env, 'FEEDBACK_RATE_PER_MINUTE', DEFAULT_RATE_LIMIT.perMinute, 1, 1000, warnings),
      perDay: intFrom(env, 'FEEDBACK_RATE_PER_DAY', DEFAULT_RATE_LIMIT.perDay, 1, 100000, warnings),
    },
    lookupRateLimit: {
      perMinute: intFrom(env, 'FEEDBACK_LOOKUP_PER_MINUTE', DEFAULT_LOOKUP_RATE_LIMIT.perMinute, 1, 10000, warnings),
      perDay: intFrom(env, 'FEEDBACK_LOOKUP_PER_DAY', DEFAULT_LOOKUP_RATE_LIMIT.perDay, 1, 1000000, warnings),
    },
    ipSalt: salt || null,
    retention: env.FEEDBACK_RETENTION?.trim().slice(0, 100) || DEFAULT_RETENTION,
    warnings,
  };
}
