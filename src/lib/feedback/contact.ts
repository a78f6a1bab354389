// Contact details (phone or email): parsing, normalisation and masking.
// Pure functions, shared by the schema, the store export and the CLI.

export type ContactKind = 'mobile' | 'landline' | 'email';

export interface ParsedContact {
  kind: ContactKind;
  /** Canonical form: 11-digit mobile, `0816-1234567` landline, or the email as typed (trimmed). */
  value: string;
}

const MOBILE = /^1[3-9]\d{9}$/;
// Area codes: 010 and 02X are three digits; all others are four (e.g. 0816 Mianyang).
const LANDLINE = /^(0(?:10|2\d|[3-9]\d{2}))-?([1-9]\d{6,7})$/;
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;
export const EMAIL_MAX = 254;

/** Parse a phone number or email. Returns null when it is neither. */
export function parseContact(raw: string): ParsedContact | null {
  const s = raw.normalize('NFKC').trim();
  if (s.includes('@')) {
    if (s.length > EMAIL_MAX || !EMAIL.test(s)) return null;
    const at = s.lastIndexOf('@');
    return { kind: 'email', value: s.slice(0, at) + '@' + s.slice(at + 1).toLowerCase() };
  }
  const compact = s.replace(/[\s()（）]/g, '');
  let digits = compact.replace(/-/g, '');
  digits = digits.replace(/^(?:\+86|0086)/, '');
  if (MOBILE.test(digits)) return { kind: 'mobile', value: digits };
  const m = LANDLINE.exec(compact.replace(/^(?:\+86|0086)-?/, '0').replace(/^00/, '0'));
  if (m) return { kind: 'landline', value: `${m[1]}-${m[2]}` };
  return null;
}

/** Mask a contact for display/export: 138****5678, 0816-***4567, a***@example.com. */
export function maskContact(contact: string | null | undefined): string {
  if (!contact) return '';
  const p = parseContact(contact);
  if (!p) return '***';
  if (p.kind === 'mobile') return `${p.value.slice(0, 3)}****${p.value.slice(-4)}`;
  if (p.kind === 'landline') {
    const [area, num] = p.value.split('-');
    return `${area}-${'*'.repeat(num.length - 4)}${num.slice(-4)}`;
  }
  const at = p.value.lastIndexOf('@');
  return `${p.value[0]}***${p.value.slice(at)}`;
}

/** Mask a personal name: keep the first character (张**). */
export function maskName(name: string | null | undefined): string {
  if (!name) return '';
  const chars = [...name];
  return chars[0] + '*'.repeat(Math.max(1, chars.length - 1));
}

/**
 * Best-effort redaction of phone numbers, emails and ID-card numbers that a submitter
 * may have typed into free text. Used before anything is published.
 */
export function redactPersonalData(text: string): string {
  return text
    .replace(/[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g, '[邮箱已隐去]')
    .replace(/(?<!\d)\d{17}[\dXx](?!\d)/g, '[证件号已隐去]')
    .replace(/(?<!\d)(?:\+?86[-\s]?)?1[3-9]\d[-\s]?\d{4}[-\s]?\d{4}(?!\d)/g, '[电话已隐去]')
    .replace(/(?<!\d)0\d{2,3}[-\s]?\d{7,8}(?!\d)/g, '[电话已隐去]');
}
