// Feedback configuration: a typed view of the feedback settings in src/lib/config.ts (the one
// place every setting is declared, described and validated; the README table comes from it).
// No contact details are invented: when the office email/phone are unset, pages show only
// the national 12317 hotline.
import type { FeedbackType } from './schema.ts';
import { parseContact } from './contact.ts';
import { parseSettings, replyTargetDays, settings } from '../config.ts';

/** 全国农业农村系统监督举报服务热线 (national hotline, always safe to show). */
export const NATIONAL_HOTLINE = '12317';

export const DEFAULT_RETENTION = '按本局档案管理和政府信息公开的有关规定保存，期满后删除或匿名化';

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
}

type Env = Record<string, string | undefined>;

/**
 * The feedback settings, from the one typed configuration module (src/lib/config.ts).
 * An invalid value throws ConfigError naming the setting and the fix. With no argument
 * (or process.env) the process's settings are used, read once.
 */
export function readFeedbackConfig(env: Env = process.env): FeedbackConfig {
  const s = env === process.env ? settings() : parseSettings(env);
  const email = s.FEEDBACK_CONTACT_EMAIL ? (parseContact(s.FEEDBACK_CONTACT_EMAIL)?.value ?? null) : null;
  const phone = s.FEEDBACK_CONTACT_PHONE ? (parseContact(s.FEEDBACK_CONTACT_PHONE)?.value ?? null) : null;
  return {
    dbPath: s.FEEDBACK_DB,
    replyTargetDays: replyTargetDays(s),
    contact: { email, phone, hotline: NATIONAL_HOTLINE },
    rateLimit: { perMinute: s.FEEDBACK_RATE_PER_MINUTE, perDay: s.FEEDBACK_RATE_PER_DAY },
    lookupRateLimit: { perMinute: s.FEEDBACK_LOOKUP_PER_MINUTE, perDay: s.FEEDBACK_LOOKUP_PER_DAY },
    ipSalt: s.FEEDBACK_IP_SALT ?? null,
    retention: s.FEEDBACK_RETENTION || DEFAULT_RETENTION,
  };
}
