// Validation of a feedback submission (form posts and JSON posts).
//
// Form posts arrive as strings (checkboxes as "on"); JSON posts carry booleans.
// validateSubmission() accepts both and returns either a normalised value or a list of
// Chinese error messages in field order, ready for a GOV.UK-style error summary.
import { z } from 'astro/zod';
import { parseContact } from './contact.ts';
import type { ContactKind } from './contact.ts';

export const FEEDBACK_TYPES = ['data_error', 'suggestion', 'complaint', 'disclosure', 'other'] as const;
export type FeedbackType = (typeof FEEDBACK_TYPES)[number];
export const FEEDBACK_TYPE_LABELS: Readonly<Record<FeedbackType, string>> = {
  data_error: '数据纠错',
  suggestion: '意见建议',
  complaint: '诉求反映',
  disclosure: '申请公开',
  other: '其他',
};

/**
 * 《政府信息公开条例》第二十九条（三）: the applicant states the form of the information
 * and the way of obtaining it (获取信息的方式、途径).
 */
export const DISCLOSURE_FORMS = ['paper', 'electronic'] as const;
export type DisclosureForm = (typeof DISCLOSURE_FORMS)[number];
export const DISCLOSURE_FORM_LABELS: Readonly<Record<DisclosureForm, string>> = {
  paper: '纸质',
  electronic: '电子文档',
};
export const DISCLOSURE_DELIVERIES = ['email', 'post', 'pickup'] as const;
export type DisclosureDelivery = (typeof DISCLOSURE_DELIVERIES)[number];
export const DISCLOSURE_DELIVERY_LABELS: Readonly<Record<DisclosureDelivery, string>> = {
  email: '电子邮件',
  post: '邮寄',
  pickup: '当面领取',
};

/** Limits in Unicode code points (what a user counts as characters). */
export const LIMITS = {
  message: 2000,
  name: 50,
  contact: 254,
  figureId: 100,
  figureValue: 200,
  figureSource: 500,
  disclosureDescription: 1000,
  postalAddress: 200,
} as const;

/** Field order: errors are reported in this order; form controls should use these names/ids. */
export const FIELD_ORDER = [
  'type',
  'message',
  'figureId',
  'figureValue',
  'figureSource',
  'disclosureDescription',
  'disclosureForm',
  'disclosureDelivery',
  'postalAddress',
  'name',
  'contact',
  'wantsReply',
  'publishReply',
  'consent',
  'website',
] as const;
export type FieldName = (typeof FIELD_ORDER)[number];

export const FIELD_LABELS: Readonly<Record<FieldName, string>> = {
  type: '反馈类型',
  message: '反馈内容',
  figureId: '图表编号',
  figureValue: '页面显示的数值',
  figureSource: '页面显示的数据来源',
  disclosureDescription: '所需信息的名称、文号或描述',
  disclosureForm: '信息形式',
  disclosureDelivery: '获取方式',
  postalAddress: '邮寄地址',
  name: '姓名',
  contact: '联系方式',
  wantsReply: '需要单独答复',
  publishReply: '同意公开答复',
  consent: '同意个人信息保护说明',
  website: '网站',
};

/** Name of the honeypot field. Render it hidden (CSS off-screen, tabindex=-1, autocomplete=off). */
export const HONEYPOT_FIELD = 'website';

// Control characters other than tab and newline (C0, DEL, C1), plus bidi overrides.
const CONTROL_MULTILINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;
const CONTROL_SINGLELINE = /[\u0000-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** Strings: NFC, CRLF/CR → LF, trim; empty → undefined. Numbers (JSON) → string. */
function toText(v: unknown): unknown {
  if (v === undefined || v === null) return undefined;
  if (typeof v === 'number' && Number.isFinite(v)) v = String(v);
  if (typeof v !== 'string') return v;
  const s = v.normalize('NFC').replace(/\r\n?/g, '\n').trim();
  return s === '' ? undefined : s;
}

const TRUE_STRINGS = new Set(['on', 'true', '1', 'yes']);
const FALSE_STRINGS = new Set(['', 'off', 'false', '0', 'no']);
/** Checkbox: "on"/"true"/"1"/true → true; absent/""/"false"/"0"/false → false. */
function toFlag(v: unknown): unknown {
  if (v === undefined || v === null) return false;
  if (typeof v === 'boolean') return v;
  if (v === 1) return true;
  if (v === 0) return false;
  if (typeof v === 'string') {
    const s = v.trim().toLowerCase();
    if (TRUE_STRINGS.has(s)) return true;
    if (FALSE_STRINGS.has(s)) return false;
  }
  return v;
}

function text(label: string, max: number, opts: { multiline: boolean; required?: string }) {
  const base = opts.required ? z.string({ error: opts.required }) : z.string({ error: `${label}格式不正确，请填写文字` });
  const checked = base.superRefine((s, ctx) => {
    if ((opts.multiline ? CONTROL_MULTILINE : CONTROL_SINGLELINE).test(s)) {
      ctx.addIssue({
        code: 'custom',
        message: opts.multiline
          ? `${label}包含不可见的控制字符，请删除后重新输入（可以换行）`
          : `${label}包含换行或不可见的控制字符，请写在一行内`,
      });
    }
    const n = codePointLength(s);
    if (n > max) ctx.addIssue({ code: 'custom', message: `${label}不能超过${max}字，目前${n}字` });
  });
  return z.preprocess(toText, opts.required ? checked : checked.optional());
}

function flag(label: string) {
  return z.preprocess(toFlag, z.boolean({ error: `${label}的取值无效，请勾选或取消勾选` }));
}

function choice<T extends readonly [string, ...string[]]>(values: T, message: string) {
  return z.preprocess(toText, z.enum(values, { error: message }).optional());
}

export const feedbackSchema = z
  .object({
    type: z
      .preprocess(toText, z.enum(FEEDBACK_TYPES, { error: '请选择反馈类型' }))
      .describe('反馈类型：data_error 数据纠错 / suggestion 意见建议 / complaint 诉求反映 / disclosure 申请公开 / other 其他'),
    message: text('反馈内容', LIMITS.message, { multiline: true, required: '请填写反馈内容' }).describe(
      `反馈内容，必填，不超过${LIMITS.message}字（按Unicode字符计），可换行`,
    ),
    figureId: text('图表编号', LIMITS.figureId, { multiline: false }).describe(
      '（数据纠错）有误数据所在图表的编号，可选',
    ),
    figureValue: text('页面显示的数值', LIMITS.figureValue, { multiline: false }).describe(
      '（数据纠错）页面上显示的数值，原样记录，可选',
    ),
    figureSource: text('页面显示的数据来源', LIMITS.figureSource, { multiline: false }).describe(
      '（数据纠错）页面上显示的数据来源，原样记录，可选',
    ),
    disclosureDescription: text('所需信息的名称、文号或描述', LIMITS.disclosureDescription, {
      multiline: true,
    }).describe('（申请公开，必填）申请公开的政府信息的名称、文号或便于查询的特征性描述（条例第二十九条第二项）'),
    disclosureForm: choice(DISCLOSURE_FORMS, '请选择信息形式：纸质或电子文档').describe(
      '（申请公开，必填）信息形式：paper 纸质 / electronic 电子文档（条例第二十九条第三项）',
    ),
    disclosureDelivery: choice(DISCLOSURE_DELIVERIES, '请选择获取方式：电子邮件、邮寄或当面领取').describe(
      '（申请公开，必填）获取方式：email 电子邮件 / post 邮寄 / pickup 当面领取（条例第二十九条第三项）',
    ),
    postalAddress: text('邮寄地址', LIMITS.postalAddress, { multiline: false }).describe(
      '（申请公开且选择邮寄时必填）邮寄地址',
    ),
    name: text('姓名', LIMITS.name, { multiline: false }).describe(
      `姓名，可选，不超过${LIMITS.name}字；申请公开时必填（条例第二十九条第一项）。不会公开`,
    ),
    contact: text('联系方式', LIMITS.contact, { multiline: false }).describe(
      '联系方式：手机号（如13812345678）、固定电话（如0816-1234567）或电子邮箱。申请公开或需要单独答复时必填。不会公开',
    ),
    wantsReply: flag('需要单独答复').describe('是否需要通过联系方式单独答复；勾选后必须填写联系方式'),
    publishReply: flag('同意公开答复').describe('是否同意在网站公开答复（公开内容不含姓名和联系方式）'),
    consent: flag('同意个人信息保护说明').describe('已阅读并同意个人信息保护说明（个人信息保护法），必须勾选'),
    website: z
      .preprocess(toText, z.unknown())
      .describe('防机器人字段（对用户隐藏），必须留空'),
  })
  .superRefine(
    (v, ctx) => {
      // Runs even when some fields failed (when: () => true) so that every error is
      // reported at once; read fields defensively.
      const str = (x: unknown) => (typeof x === 'string' ? x : undefined);
      const contact = str(v.contact);
      const parsed = contact ? parseContact(contact) : null;
      if (contact && !parsed) {
        ctx.addIssue({
          code: 'custom',
          path: ['contact'],
          message: '联系方式格式不正确，请填写11位手机号（如13812345678）、带区号的固定电话（如0816-1234567）或电子邮箱',
        });
      }
      const isDisclosure = v.type === 'disclosure';
      if (!contact) {
        if (isDisclosure) {
          ctx.addIssue({ code: 'custom', path: ['contact'], message: '申请公开需要填写联系方式（手机号、固定电话或电子邮箱），以便送达答复' });
        } else if (v.wantsReply === true) {
          ctx.addIssue({ code: 'custom', path: ['contact'], message: '您选择了需要单独答复，请填写联系方式（手机号、固定电话或电子邮箱），或取消勾选“需要单独答复”' });
        }
      }
      if (isDisclosure) {
        if (!str(v.disclosureDescription))
          ctx.addIssue({ code: 'custom', path: ['disclosureDescription'], message: '请填写所需政府信息的名称、文号或其他便于查找的描述' });
        if (v.disclosureForm === undefined)
          ctx.addIssue({ code: 'custom', path: ['disclosureForm'], message: '请选择信息形式：纸质或电子文档' });
        if (v.disclosureDelivery === undefined)
          ctx.addIssue({ code: 'custom', path: ['disclosureDelivery'], message: '请选择获取方式：电子邮件、邮寄或当面领取' });
        if (v.disclosureDelivery === 'post' && !str(v.postalAddress))
          ctx.addIssue({ code: 'custom', path: ['postalAddress'], message: '您选择了邮寄，请填写邮寄地址' });
        if (v.disclosureDelivery === 'email' && parsed && parsed.kind !== 'email')
          ctx.addIssue({ code: 'custom', path: ['contact'], message: '您选择了通过电子邮件获取，请在联系方式中填写电子邮箱' });
        if (!str(v.name))
          ctx.addIssue({ code: 'custom', path: ['name'], message: '申请公开需要填写申请人姓名或单位名称' });
      }
      if (v.consent !== true)
        ctx.addIssue({ code: 'custom', path: ['consent'], message: '请阅读并勾选同意《个人信息保护说明》后再提交' });
      if (v.website !== undefined)
        ctx.addIssue({ code: 'custom', path: ['website'], message: '提交未通过检查。如您看到“网站”一栏，请清空后重新提交' });
    },
    { when: () => true },
  );

export interface FeedbackSubmission {
  type: FeedbackType;
  message: string;
  name: string | null;
  contact: string | null;
  contactKind: ContactKind | null;
  wantsReply: boolean;
  figureId: string | null;
  figureValue: string | null;
  figureSource: string | null;
  disclosureDescription: string | null;
  disclosureForm: DisclosureForm | null;
  disclosureDelivery: DisclosureDelivery | null;
  postalAddress: string | null;
  publishReply: boolean;
  consent: true;
}

export interface FieldError {
  field: FieldName;
  message: string;
}

export type ValidationResult = { ok: true; value: FeedbackSubmission } | { ok: false; errors: FieldError[] };

/** True when the honeypot was filled: the endpoint may answer like a success and store nothing. */
export function honeypotTripped(input: Record<string, unknown>): boolean {
  return toText(input[HONEYPOT_FIELD]) !== undefined;
}

export function validateSubmission(input: Record<string, unknown>): ValidationResult {
  const r = feedbackSchema.safeParse(input ?? {});
  if (!r.success) {
    const first = new Map<FieldName, string>();
    for (const issue of r.error.issues) {
      const field = (issue.path[0] ?? 'message') as FieldName;
      if (!FIELD_ORDER.includes(field)) continue;
      if (!first.has(field)) first.set(field, issue.message);
    }
    const errors = FIELD_ORDER.filter((f) => first.has(f)).map((field) => ({ field, message: first.get(field)! }));
    return { ok: false, errors };
  }
  const v = r.data;
  const contact = v.contact ? parseContact(v.contact) : null;
  const isDataError = v.type === 'data_error';
  const isDisclosure = v.type === 'disclosure';
  return {
    ok: true,
    value: {
      type: v.type,
      message: v.message!, // required by the schema
      name: v.name ?? null,
      contact: contact?.value ?? null,
      contactKind: contact?.kind ?? null,
      wantsReply: v.wantsReply || isDisclosure,
      figureId: isDataError ? (v.figureId ?? null) : null,
      figureValue: isDataError ? (v.figureValue ?? null) : null,
      figureSource: isDataError ? (v.figureSource ?? null) : null,
      disclosureDescription: isDisclosure ? (v.disclosureDescription ?? null) : null,
      disclosureForm: isDisclosure ? (v.disclosureForm ?? null) : null,
      disclosureDelivery: isDisclosure ? (v.disclosureDelivery ?? null) : null,
      postalAddress: isDisclosure && v.disclosureDelivery === 'post' ? (v.postalAddress ?? null) : null,
      publishReply: v.publishReply,
      consent: true,
    },
  };
}
