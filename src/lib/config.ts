/**
 * Every environment setting of the portal, in one place: one zod schema with a description
 * of each setting, read once (`settings()`), validated as a whole.
 *
 * - An invalid value stops the build or the server with one line per problem, naming the
 *   setting, the value read and the fix. Nothing silently falls back to a default.
 * - Settings that are unsafe together are refused the same way (see `UNSAFE`).
 * - The README's settings tables are generated from `SETTINGS` (`npm run docs:settings`);
 *   tests/unit/config.test.ts fails when they are out of date.
 */
import { z } from 'astro/zod';
import { FEEDBACK_TYPES } from './feedback/schema.ts';
import type { FeedbackType } from './feedback/schema.ts';
import { parseContact } from './feedback/contact.ts';

type Env = Record<string, string | undefined>;

/** When a setting is read: at build time (baked into the pages) or by the running server. */
export type SettingGroup = 'site' | 'server' | 'feedback';

interface Setting {
  group: SettingGroup;
  schema: z.ZodType;
  /** Default as shown in the README ('' when unset means "none"). */
  shownDefault: string;
  /** How to fix an invalid value. */
  fix: string;
}

const optionalText = (max: number) =>
  z
    .string()
    .max(max, { message: `不超过${max}个字符 / at most ${max} characters` })
    .optional();

const int = (min: number, max: number, def: number) =>
  z
    .string()
    .regex(/^\d+$/, { message: `应为整数 / must be a whole number` })
    .transform(Number)
    .pipe(z.number().min(min, { message: `应在 ${min}–${max} 之间 / must be ${min}–${max}` }).max(max, { message: `应在 ${min}–${max} 之间 / must be ${min}–${max}` }))
    .default(def);

const flag = (def: '0' | '1') =>
  z
    .enum(['0', '1'], { message: '只能是 0 或 1 / must be 0 or 1' })
    .default(def)
    .transform((v) => v === '1');

const httpUrl = z.string().refine((v) => /^https?:\/\/[^\s/]+/i.test(v) && URL.canParse(v), { message: '应为 http(s):// 开头的网址 / must be an http(s):// URL' });

const replyDays: Record<string, Setting> = Object.fromEntries(
  FEEDBACK_TYPES.map((t) => {
    const def = { data_error: 3, suggestion: 15, complaint: 15, disclosure: 20, other: 15 }[t];
    return [
      `FEEDBACK_REPLY_DAYS_${t.toUpperCase()}`,
      {
        group: 'feedback',
        schema: int(1, 60, def).describe(`reply target for ${t} feedback, in working days${t === 'disclosure' ? ' (《政府信息公开条例》第三十三条: 20)' : ''}`),
        shownDefault: String(def),
        fix: 'set a whole number of working days from 1 to 60',
      },
    ];
  }),
);

export const SETTINGS = {
  // ── Site (build time) ──────────────────────────────────────────────────────────────
  SITE_URL: { group: 'site', schema: httpUrl.default('http://127.0.0.1:4321').describe('public origin, used for absolute URLs in metadata, the sitemap and the feed'), shownDefault: 'http://127.0.0.1:4321', fix: 'set the public origin, e.g. https://xczx.mianyang.gov.cn' },
  SITE_ICP: { group: 'site', schema: optionalText(60).describe('ICP备案号 in the footer (shown only when set)'), shownDefault: '', fix: 'use the number as issued, e.g. 蜀ICP备12345678号' },
  SITE_PSB: { group: 'site', schema: optionalText(60).describe('公安机关备案号 in the footer (shown only when set)'), shownDefault: '', fix: 'use the number as issued' },
  SITE_CODE: { group: 'site', schema: optionalText(30).describe('政府网站标识码 (footer and the SiteIDCode meta)'), shownDefault: '', fix: 'use the code as issued' },
  SITE_CONTACT_ADDRESS: { group: 'site', schema: optionalText(200).describe('主办单位 postal address in the footer'), shownDefault: '', fix: 'shorten the address' },
  SITE_CONTACT_PHONE: { group: 'site', schema: optionalText(40).describe('主办单位 phone in the footer'), shownDefault: '', fix: 'e.g. 0816-2222333' },
  SITE_CONTACT_EMAIL: { group: 'site', schema: optionalText(254).describe('主办单位 email in the footer'), shownDefault: '', fix: 'e.g. xczx@mianyang.gov.cn' },
  MAP_REVIEW_NUMBER: { group: 'site', schema: optionalText(60).describe('审图号 of the county map; without it the map is labelled 示意图'), shownDefault: '', fix: 'use the number as issued, e.g. 川S〔2024〕00号' },
  MAP_TILE_URL: {
    group: 'site',
    schema: z
      .string()
      .refine((v) => /^https:\/\/[^\s/]+\/\S*\{z\}\S*\{x\}\S*\{y\}/.test(v), { message: '应为含 {z} {x} {y} 的 https 瓦片地址 / must be an https tile URL template with {z}, {x} and {y}' })
      .optional()
      .describe('optional base-map tile URL template (e.g. 天地图 with the operator\'s key); its origin is added to the CSP img-src. None by default, so no third-party request'),
    shownDefault: '',
    fix: 'e.g. https://t0.tianditu.gov.cn/img_w/wmts?…&TILEMATRIX={z}&TILEROW={y}&TILECOL={x}&tk=KEY',
  },
  MAP_TILE_ATTRIBUTION: { group: 'site', schema: optionalText(200).describe('attribution shown with the tiles'), shownDefault: '', fix: 'shorten the attribution' },
  DATA_LICENSE_NAME: { group: 'site', schema: optionalText(100).describe('name of the open-data licence (default: free reuse with attribution to the bureau)'), shownDefault: '', fix: 'e.g. CC BY 4.0' },
  DATA_LICENSE_URL: { group: 'site', schema: httpUrl.optional().describe('URL of the licence text'), shownDefault: '', fix: 'e.g. https://creativecommons.org/licenses/by/4.0/' },
  DATA_LICENSE_ZH: { group: 'site', schema: optionalText(2000).describe('terms of reuse in Chinese, replacing the default text'), shownDefault: '', fix: 'shorten the text' },
  DATA_LICENSE_EN: { group: 'site', schema: optionalText(2000).describe('terms of reuse in English, replacing the default text'), shownDefault: '', fix: 'shorten the text' },
  PORTAL_DEMO: { group: 'site', schema: flag('0').describe('1: synthetic demo build (npm run build:demo sets it), with a 示例数据 banner on every page'), shownDefault: '0', fix: 'use 1 or leave it unset' },
  KEEP_BUILDS: { group: 'site', schema: int(1, 50, 3).describe('how many builds npm run build keeps in .builds/ (a running server keeps loading its own)'), shownDefault: '3', fix: 'a whole number from 1 to 50' },
  FEEDBACK_MODE: { group: 'site', schema: z.enum(['server', 'static'], { message: '只能是 server 或 static / must be server or static' }).default('server').describe('static: no Node server, the feedback pages show the office email/phone and 12317 instead of a form'), shownDefault: 'server', fix: 'use static, or leave it unset' },
  FEEDBACK_ENDPOINT: {
    group: 'site',
    schema: z
      .string()
      .refine((v) => /^\/(?!\/)/.test(v) || /^https?:\/\/[^\s/]+/i.test(v), { message: '应为以 / 开头的路径或 http(s) 地址 / must be a path starting with / or an http(s) URL' })
      .optional()
      .describe('static pages with the form posting to this portal\'s Node server at this path/URL, on the same origin'),
    shownDefault: '',
    fix: 'e.g. /svc/feedback/',
  },

  // ── Server (run time) ──────────────────────────────────────────────────────────────
  HOST: { group: 'server', schema: z.string().regex(/^[\w.:-]+$/, { message: '不是有效的地址 / not an address' }).default('127.0.0.1').describe('address the server listens on'), shownDefault: '127.0.0.1', fix: 'e.g. 127.0.0.1 (behind a proxy) or 0.0.0.0' },
  PORT: { group: 'server', schema: int(1, 65535, 4321).describe('port the server listens on'), shownDefault: '4321', fix: 'a port number from 1 to 65535' },
  PORTAL_DIST: { group: 'server', schema: z.string().min(1).default('dist').describe('the build to serve (the link npm run build switches; dist-demo for the demo)'), shownDefault: 'dist', fix: 'a directory holding client/ and server/' },
  TRUST_PROXY: { group: 'server', schema: flag('0').describe('1 behind a reverse proxy: the client address is the last X-Forwarded-For entry, and X-Forwarded-Proto: https turns on HSTS. Refused unless HOST is a loopback address'), shownDefault: '0', fix: 'use 1 only behind your own proxy' },
  ALLOWED_DOMAINS: {
    group: 'server',
    schema: z
      .string()
      .refine((v) => v.split(',').every((h) => /^[a-z0-9.-]+$/i.test(h.trim())), { message: '应为逗号分隔的主机名 / must be host names separated by commas' })
      .optional()
      .describe('public host name(s) behind an HTTPS proxy, comma-separated, so Astro trusts X-Forwarded-Host/-Proto and the origin check compares against the public origin (read at build time too)'),
    shownDefault: '',
    fix: 'e.g. xczx.mianyang.gov.cn',
  },

  // ── Feedback ──────────────────────────────────────────────────────────────────────
  FEEDBACK_DB: { group: 'feedback', schema: z.string().min(1).default('./var/feedback.sqlite').describe('SQLite database file (its directory is created 0700, the files 0600)'), shownDefault: './var/feedback.sqlite', fix: 'a file path the server\'s user can write' },
  ...replyDays,
  FEEDBACK_CONTACT_EMAIL: {
    group: 'feedback',
    schema: z.string().refine((v) => parseContact(v)?.kind === 'email', { message: '不是有效的电子邮箱 / not a valid email address' }).optional().describe('office email shown beside the form (nothing shown when unset; 12317 always)'),
    shownDefault: '',
    fix: 'e.g. fankui@mianyang.gov.cn',
  },
  FEEDBACK_CONTACT_PHONE: {
    group: 'feedback',
    schema: z.string().refine((v) => { const p = parseContact(v); return !!p && p.kind !== 'email'; }, { message: '不是有效的电话号码 / not a valid phone number' }).optional().describe('office phone shown beside the form'),
    shownDefault: '',
    fix: 'e.g. 0816-2222333',
  },
  FEEDBACK_RETENTION: { group: 'feedback', schema: optionalText(100).describe('retention period in the privacy notice (default: 按本局档案管理和政府信息公开的有关规定保存…, as /privacy/ says)'), shownDefault: '', fix: 'at most 100 characters, e.g. 办结后保存5年' },
  FEEDBACK_RATE_PER_MINUTE: { group: 'feedback', schema: int(1, 1000, 5).describe('stored submissions per client per minute'), shownDefault: '5', fix: 'a whole number from 1 to 1000' },
  FEEDBACK_RATE_PER_DAY: { group: 'feedback', schema: int(1, 100000, 30).describe('stored submissions per client per day'), shownDefault: '30', fix: 'a whole number from 1 to 100000' },
  FEEDBACK_LOOKUP_PER_MINUTE: { group: 'feedback', schema: int(1, 10000, 20).describe('status lookups per client per minute (docs/feedback-status-policy.md)'), shownDefault: '20', fix: 'a whole number from 1 to 10000' },
  FEEDBACK_LOOKUP_PER_DAY: { group: 'feedback', schema: int(1, 1000000, 200).describe('status lookups per client per day'), shownDefault: '200', fix: 'a whole number from 1 to 1000000' },
  FEEDBACK_IP_SALT: { group: 'feedback', schema: z.string().min(16, { message: '至少16个字符 / at least 16 characters' }).optional().describe('secret for hashing client addresses (default: random per process, so limits reset on restart)'), shownDefault: '', fix: 'a random secret of 16+ characters, e.g. from openssl rand -hex 16' },
} as const satisfies Record<string, Setting>;

export type SettingName = keyof typeof SETTINGS;

const shape = Object.fromEntries(Object.entries(SETTINGS).map(([k, s]) => [k, s.schema])) as { [K in SettingName]: (typeof SETTINGS)[K]['schema'] };
export const settingsSchema = z.object(shape);
export type Settings = z.output<typeof settingsSchema>;

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

/** Combinations refused even though each value is valid on its own. */
const UNSAFE: Array<{ when: (s: Settings) => boolean; message: (s: Settings) => string }> = [
  {
    when: (s) => s.TRUST_PROXY && !LOOPBACK.test(s.HOST),
    message: (s) =>
      `TRUST_PROXY=1 与 HOST=${s.HOST} 不能同时使用：服务器可被直接访问时，任何人都能伪造 X-Forwarded-For 绕过频率限制 / TRUST_PROXY=1 while listening on ${s.HOST}: clients reaching the server directly could forge X-Forwarded-For and escape the rate limit — listen on 127.0.0.1 behind the proxy, or unset TRUST_PROXY`,
  },
];

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.map((p) => `✗ ${p}`).join('\n'));
    this.problems = problems;
    this.name = 'ConfigError';
  }
}

/** Parse settings from an environment; throws ConfigError listing every problem. */
export function parseSettings(env: Env): Settings {
  const input: Record<string, string | undefined> = {};
  for (const k of Object.keys(SETTINGS)) {
    const v = env[k]?.trim();
    input[k] = v ? v : undefined; // empty = unset
  }
  const r = settingsSchema.safeParse(input);
  if (!r.success) {
    const problems = r.error.issues.map((i) => {
      const key = String(i.path[0]) as SettingName;
      return `设置无效 / invalid setting ${key}=${JSON.stringify(input[key] ?? '')}: ${i.message} — 修正 / fix: ${SETTINGS[key]?.fix ?? ''}`;
    });
    throw new ConfigError(problems);
  }
  const unsafe = UNSAFE.filter((u) => u.when(r.data)).map((u) => u.message(r.data));
  if (unsafe.length) throw new ConfigError(unsafe);
  return r.data;
}

let cached: Settings | null = null;
/** The process's settings, read from process.env once. */
export function settings(): Settings {
  cached ??= parseSettings(process.env);
  return cached;
}

/** Reply targets by feedback type. */
export function replyTargetDays(s: Settings): Record<FeedbackType, number> {
  const bag = s as unknown as Record<string, number>;
  return Object.fromEntries(FEEDBACK_TYPES.map((t) => [t, bag[`FEEDBACK_REPLY_DAYS_${t.toUpperCase()}`]])) as Record<FeedbackType, number>;
}

const GROUP_TITLES: Record<SettingGroup, string> = {
  site: 'Site (read at build time)',
  server: 'Server (read at start)',
  feedback: 'Feedback (read at build time for prerendered pages and at start for the server)',
};

/** The README table of one group, generated from SETTINGS. */
export function settingsTable(group: SettingGroup): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  const rows = Object.entries(SETTINGS)
    .filter(([, s]) => s.group === group)
    .map(([k, s]) => `| \`${k}\` | ${s.shownDefault ? `\`${esc(s.shownDefault)}\`` : '—'} | ${esc(s.schema.description ?? '')} |`);
  return [`**${GROUP_TITLES[group]}**`, '', '| Variable | Default | Meaning |', '| --- | --- | --- |', ...rows].join('\n');
}

export const README_MARKERS = { start: '<!-- settings:start (generated from src/lib/config.ts by npm run docs:settings) -->', end: '<!-- settings:end -->' };

/** README text with the generated settings block replaced. */
export function withSettingsTables(readme: string): string {
  const a = readme.indexOf(README_MARKERS.start);
  const b = readme.indexOf(README_MARKERS.end);
  if (a < 0 || b < a) throw new Error('README.md has no settings markers');
  const body = (['site', 'server', 'feedback'] as const).map(settingsTable).join('\n\n');
  return `${readme.slice(0, a + README_MARKERS.start.length)}\n\n${body}\n\n${readme.slice(b)}`;
}
