import { describe, expect, it } from 'vitest';
import { validateSubmission, LIMITS, FIELD_ORDER, honeypotTripped, feedbackSchema } from '../../../src/lib/feedback/schema.ts';

const base = { type: 'suggestion', message: '建议增加村级数据', consent: 'on' };
const disclosure = {
  type: 'disclosure',
  message: '用于了解本村项目情况',
  name: '张三',
  contact: '13812345678',
  disclosureDescription: '2024年度衔接资金项目清单',
  disclosureForm: 'electronic',
  disclosureDelivery: 'pickup',
  consent: true,
};

function errorsOf(input: Record<string, unknown>) {
  const r = validateSubmission(input);
  if (r.ok) throw new Error('expected validation to fail');
  return r.errors;
}
function fieldsOf(input: Record<string, unknown>) {
  return errorsOf(input).map((e) => e.field);
}
function valueOf(input: Record<string, unknown>) {
  const r = validateSubmission(input);
  if (!r.ok) throw new Error('unexpected errors: ' + JSON.stringify(r.errors));
  return r.value;
}

describe('message', () => {
  it('is required, with a message telling the user what to do', () => {
    expect(errorsOf({ ...base, message: '' })).toEqual([{ field: 'message', message: '请填写反馈内容' }]);
    expect(errorsOf({ ...base, message: '   \n  ' })).toEqual([{ field: 'message', message: '请填写反馈内容' }]);
    const { message: _omit, ...noMessage } = base;
    expect(fieldsOf(noMessage)).toEqual(['message']);
  });

  it('counts Unicode code points: 2000 characters pass, 2001 fail with the current count', () => {
    const emoji = '😀'; // 1 code point, 2 UTF-16 units
    expect(valueOf({ ...base, message: emoji.repeat(LIMITS.message) }).message).toHaveLength(4000);
    expect(valueOf({ ...base, message: '村'.repeat(2000) }).message).toHaveLength(2000);
    expect(errorsOf({ ...base, message: '村'.repeat(2001) })).toEqual([
      { field: 'message', message: '反馈内容不能超过2000字，目前2001字' },
    ]);
  });

  it('trims, normalises line ends, keeps newlines and tabs', () => {
    expect(valueOf({ ...base, message: '  第一行\r\n第二行\t缩进\r第三行  ' }).message).toBe('第一行\n第二行\t缩进\n第三行');
  });

  it('rejects other control characters and bidi overrides', () => {
    for (const bad of ['a\u0000b', 'a\u0007b', 'a\u001bb', 'a\u007fb', 'a\u0085b', 'a\u202eb']) {
      const [e] = errorsOf({ ...base, message: bad });
      expect(e.field).toBe('message');
      expect(e.message).toContain('控制字符');
    }
  });
});

describe('type', () => {
  it('must be one of the five types', () => {
    expect(errorsOf({ ...base, type: 'spam' })).toEqual([{ field: 'type', message: '请选择反馈类型' }]);
    expect(fieldsOf({ ...base, type: undefined })).toEqual(['type']);
    for (const t of ['data_error', 'suggestion', 'complaint', 'other']) expect(valueOf({ ...base, type: t }).type).toBe(t);
  });
});

describe('name', () => {
  it('is optional, at most 50 characters, single line', () => {
    expect(valueOf(base).name).toBeNull();
    expect(valueOf({ ...base, name: '  李四 ' }).name).toBe('李四');
    expect(valueOf({ ...base, name: '名'.repeat(50) }).name).toHaveLength(50);
    expect(errorsOf({ ...base, name: '名'.repeat(51) })).toEqual([{ field: 'name', message: '姓名不能超过50字，目前51字' }]);
    expect(fieldsOf({ ...base, name: '李\n四' })).toEqual(['name']);
  });
});

describe('contact', () => {
  it('accepts mainland mobiles, landlines and emails and normalises them', () => {
    expect(valueOf({ ...base, contact: '138 1234 5678' })).toMatchObject({ contact: '13812345678', contactKind: 'mobile' });
    expect(valueOf({ ...base, contact: '+86 13812345678' })).toMatchObject({ contact: '13812345678', contactKind: 'mobile' });
    expect(valueOf({ ...base, contact: '0816-1234567' })).toMatchObject({ contact: '0816-1234567', contactKind: 'landline' });
    expect(valueOf({ ...base, contact: '08162345678' })).toMatchObject({ contact: '0816-2345678', contactKind: 'landline' });
    expect(valueOf({ ...base, contact: '010-12345678' })).toMatchObject({ contact: '010-12345678', contactKind: 'landline' });
    expect(valueOf({ ...base, contact: 'Wang.Li@Example.COM' })).toMatchObject({ contact: 'Wang.Li@example.com', contactKind: 'email' });
  });

  it('rejects things that are neither a phone number nor an email', () => {
    for (const bad of ['12812345678', '1381234567', '138123456789', '816-1234567', 'abc', 'a@b', 'a b@c.cn', '12317']) {
      const errs = errorsOf({ ...base, contact: bad });
      expect(errs.map((e) => e.field), bad).toEqual(['contact']);
      expect(errs[0].message).toContain('0816-1234567');
    }
  });

  it('is optional unless a private reply is requested', () => {
    expect(valueOf(base).contact).toBeNull();
    expect(errorsOf({ ...base, wantsReply: 'on' })).toEqual([
      { field: 'contact', message: expect.stringContaining('需要单独答复') },
    ]);
    expect(valueOf({ ...base, wantsReply: 'on', contact: 'a@example.com' })).toMatchObject({ wantsReply: true });
  });
});

describe('checkboxes from forms (strings) and JSON (booleans)', () => {
  it('consent is required in both encodings', () => {
    expect(errorsOf({ ...base, consent: undefined })).toEqual([
      { field: 'consent', message: '请阅读并勾选同意《个人信息保护说明》后再提交' },
    ]);
    expect(fieldsOf({ ...base, consent: false })).toEqual(['consent']);
    expect(fieldsOf({ ...base, consent: 'off' })).toEqual(['consent']);
    expect(valueOf({ ...base, consent: 'on' }).consent).toBe(true);
    expect(valueOf({ ...base, consent: true }).consent).toBe(true);
    expect(valueOf({ ...base, consent: 'true' }).consent).toBe(true);
  });

  it('publishReply: "on"/true opt in, absent/false do not', () => {
    expect(valueOf({ ...base, publishReply: 'on' }).publishReply).toBe(true);
    expect(valueOf({ ...base, publishReply: true }).publishReply).toBe(true);
    expect(valueOf({ ...base }).publishReply).toBe(false);
    expect(valueOf({ ...base, publishReply: false }).publishReply).toBe(false);
    expect(fieldsOf({ ...base, publishReply: 'perhaps' })).toEqual(['publishReply']);
  });

  it('numbers in JSON (figure value) become strings', () => {
    expect(valueOf({ ...base, type: 'data_error', figureValue: 1234.5 }).figureValue).toBe('1234.5');
  });
});

describe('data_error', () => {
  it('keeps the figure id, value and source as shown; other types drop them', () => {
    const fig = { figureId: 'income-2024', figureValue: '1.2万元', figureSource: '绵阳市统计局' };
    expect(valueOf({ ...base, type: 'data_error', ...fig })).toMatchObject(fig);
    expect(valueOf({ ...base, type: 'suggestion', ...fig })).toMatchObject({ figureId: null, figureValue: null, figureSource: null });
    expect(fieldsOf({ ...base, type: 'data_error', figureSource: 'x'.repeat(LIMITS.figureSource + 1) })).toEqual(['figureSource']);
  });
});

describe('disclosure (政府信息公开条例 第二十九条)', () => {
  it('a complete application passes and always needs a reply', () => {
    expect(valueOf(disclosure)).toMatchObject({ type: 'disclosure', wantsReply: true, disclosureForm: 'electronic', disclosureDelivery: 'pickup' });
  });

  it('requires description, form, delivery, name and contact — reported in field order', () => {
    const errs = errorsOf({ type: 'disclosure', message: '申请', consent: 'on' });
    expect(errs.map((e) => e.field)).toEqual(['disclosureDescription', 'disclosureForm', 'disclosureDelivery', 'name', 'contact']);
    expect(errs.find((e) => e.field === 'contact')!.message).toContain('申请公开需要填写联系方式');
  });

  it('rejects an unknown form', () => {
    expect(fieldsOf({ ...disclosure, disclosureForm: 'fax' })).toEqual(['disclosureForm']);
  });

  it('post needs an address; email delivery needs an email contact', () => {
    expect(errorsOf({ ...disclosure, disclosureDelivery: 'post' })).toEqual([
      { field: 'postalAddress', message: '您选择了邮寄，请填写邮寄地址' },
    ]);
    expect(valueOf({ ...disclosure, disclosureDelivery: 'post', postalAddress: '绵阳市涪城区某路1号' }).postalAddress).toBe('绵阳市涪城区某路1号');
    expect(fieldsOf({ ...disclosure, disclosureDelivery: 'email' })).toEqual(['contact']);
    expect(valueOf({ ...disclosure, disclosureDelivery: 'email', contact: 'me@example.com' }).contactKind).toBe('email');
  });

  it('other types do not need disclosure fields and do not keep them', () => {
    expect(valueOf({ ...base, disclosureForm: 'paper', postalAddress: 'x' })).toMatchObject({ disclosureForm: null, postalAddress: null });
  });
});

describe('honeypot and error summary', () => {
  it('a filled honeypot is rejected and detectable', () => {
    expect(fieldsOf({ ...base, website: 'http://spam.example' })).toEqual(['website']);
    expect(honeypotTripped({ ...base, website: 'x' })).toBe(true);
    expect(honeypotTripped({ ...base, website: '' })).toBe(false);
    expect(valueOf({ ...base, website: '' }).type).toBe('suggestion');
  });

  it('reports every problem at once, one per field, in form order', () => {
    const errs = errorsOf({ type: 'complaint', message: 'x'.repeat(2001), name: 'n'.repeat(60), contact: 'nope', wantsReply: 'on', website: 'bot' });
    const fields = errs.map((e) => e.field);
    expect(fields).toEqual(['message', 'name', 'contact', 'consent', 'website']);
    expect(fields).toEqual([...fields].sort((a, b) => FIELD_ORDER.indexOf(a) - FIELD_ORDER.indexOf(b)));
  });

  it('every field in the schema carries a description', () => {
    for (const [key, field] of Object.entries(feedbackSchema.shape)) expect(field.description, key).toBeTruthy();
  });
});
