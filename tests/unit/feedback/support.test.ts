import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../../src/lib/feedback/csv.ts';
import { maskContact, maskName, redactPersonalData } from '../../../src/lib/feedback/contact.ts';
import { readFeedbackConfig } from '../../../src/lib/feedback/config.ts';

describe('CSV', () => {
  it('quotes per RFC 4180 and starts with a BOM', () => {
    const csv = toCsv(['a', 'b'], [{ a: 'x,y', b: 'say "hi"\nbye' }]);
    expect(csv).toBe('\uFEFFa,b\r\n"x,y","say ""hi""\nbye"\r\n');
  });

  it('neutralises formula injection', () => {
    for (const s of ['=HYPERLINK("http://x")', '+1+1', '-2+3', '@SUM(A1)', '\tcmd']) expect(csvCell(s).replace(/^"/, '')[0]).toBe("'");
    expect(csvCell('正常文本')).toBe('正常文本');
  });
});

describe('masking', () => {
  it('masks mobiles, landlines, emails and names', () => {
    expect(maskContact('13812345678')).toBe('138****5678');
    expect(maskContact('0816-1234567')).toBe('0816-***4567');
    expect(maskContact('alice@example.com')).toBe('a***@example.com');
    expect(maskContact(null)).toBe('');
    expect(maskName('张三丰')).toBe('张**');
  });

  it('redacts phone numbers, emails and ID numbers typed into free text', () => {
    const out = redactPersonalData('我的电话13812345678，座机0816-1234567，邮箱a.b@example.com，身份证51070319900101123X');
    expect(out).not.toMatch(/13812345678|1234567|example\.com|51070319900101123X/);
    expect(redactPersonalData('2024年发放资金1234567元')).toBe('2024年发放资金1234567元');
  });
});

describe('config', () => {
  it('has the documented defaults and no invented contact details', () => {
    const c = readFeedbackConfig({});
    expect(c.replyTargetDays).toEqual({ data_error: 3, suggestion: 15, complaint: 15, disclosure: 20, other: 15 });
    expect(c.contact).toEqual({ email: null, phone: null, hotline: '12317' });
    expect(c.rateLimit).toEqual({ perMinute: 5, perDay: 30 });
    expect(c.dbPath).toBe('./var/feedback.sqlite');
  });

  it('reads overrides', () => {
    const c = readFeedbackConfig({
      FEEDBACK_REPLY_DAYS_DATA_ERROR: '5',
      FEEDBACK_CONTACT_PHONE: '0816 2222333',
      FEEDBACK_DB: '/srv/fb.sqlite',
    });
    expect(c.replyTargetDays.data_error).toBe(5);
    expect(c.contact.phone).toBe('0816-2222333');
    expect(c.dbPath).toBe('/srv/fb.sqlite');
  });

  it('refuses bad values, naming each setting (no silent fallback)', () => {
    let err: Error | undefined;
    try {
      readFeedbackConfig({ FEEDBACK_REPLY_DAYS_COMPLAINT: 'ten', FEEDBACK_CONTACT_EMAIL: 'not-an-email', FEEDBACK_RATE_PER_MINUTE: '0' });
    } catch (e) {
      err = e as Error;
    }
    expect(err?.name).toBe('ConfigError');
    for (const k of ['FEEDBACK_REPLY_DAYS_COMPLAINT="ten"', 'FEEDBACK_CONTACT_EMAIL="not-an-email"', 'FEEDBACK_RATE_PER_MINUTE="0"']) expect(err?.message).toContain(k);
  });
});
