// Progressive enhancement of the feedback form (the form works without it).
// - a character counter for the message (code points, like the server), announced politely;
// - only the section for the chosen type is shown;
// - submission as JSON through the same server path; the server's own Chinese messages are
//   shown inline and in the error summary, which receives focus.
// Deliberately free of imports: the validation rules live on the server (schema.ts uses zod,
// too big for a page script); the only thing repeated here is the limit, read from the page.

type FieldError = { field: string; message: string };

const RADIO_FIRST: Record<string, string> = { type: 'type-data_error', disclosureForm: 'disclosureForm-paper', disclosureDelivery: 'disclosureDelivery-email', website: 'message' };
const controlId = (field: string) => RADIO_FIRST[field] ?? field;
const chars = (s: string) => Array.from(s).length;

function counter(form: HTMLFormElement): void {
  const area = form.querySelector<HTMLTextAreaElement>('textarea[name="message"]');
  const shown = form.querySelector<HTMLElement>('[data-fb-count]');
  const live = form.querySelector<HTMLElement>('[data-fb-count-live]');
  if (!area || !shown || !live) return;
  const limit = Number(area.dataset.limit) || 2000;
  let timer = 0;
  const text = () => {
    const left = limit - chars(area.value);
    return left >= 0 ? `还可以输入${left}字` : `已超出${-left}字，请删减`;
  };
  const update = () => {
    shown.textContent = text();
    shown.classList.toggle('fb-count-over', chars(area.value) > limit);
    // Screen readers hear the count after a pause in typing, not on every key.
    clearTimeout(timer);
    timer = window.setTimeout(() => (live.textContent = text()), 800);
  };
  area.addEventListener('input', update);
  shown.textContent = text();
}

function sections(form: HTMLFormElement): void {
  const update = () => {
    const type = (form.querySelector<HTMLInputElement>('input[name="type"]:checked') ?? { value: '' }).value;
    for (const s of form.querySelectorAll<HTMLElement>('[data-fb-for]')) s.hidden = s.dataset.fbFor !== type;
  };
  for (const r of form.querySelectorAll<HTMLInputElement>('input[name="type"]')) r.addEventListener('change', update);
  update();
}

function clearErrors(form: HTMLFormElement): void {
  for (const e of form.querySelectorAll('.fb-error')) e.remove();
  for (const e of form.querySelectorAll('.fb-invalid')) e.classList.remove('fb-invalid');
  for (const e of form.querySelectorAll('[aria-invalid]')) e.removeAttribute('aria-invalid');
}

function showErrors(form: HTMLFormElement, errors: FieldError[], message: string | null): void {
  clearErrors(form);
  const summary = form.querySelector<HTMLElement>('#error-summary')!;
  const list = summary.querySelector('#error-summary-list')!;
  const msg = summary.querySelector<HTMLElement>('#error-summary-message')!;
  summary.querySelector('#error-summary-title')!.textContent = errors.length ? '提交前请修改以下问题' : '未能提交';
  msg.hidden = !message;
  msg.textContent = message ?? '';
  list.replaceChildren();
  for (const e of errors) {
    const id = controlId(e.field);
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `#${id}`;
    a.textContent = e.message;
    li.append(a);
    list.append(li);
    const control = form.querySelector<HTMLElement>(`#${CSS.escape(id)}`);
    if (!control) continue;
    const box = control.closest<HTMLElement>('fieldset.fb-group:not(.fb-section), .fb-field, .fb-choice')!;
    const p = document.createElement('p');
    p.className = 'fb-error';
    p.id = `${e.field}-error`;
    p.textContent = e.message;
    box.classList.add('fb-invalid');
    if (box.tagName === 'FIELDSET') box.querySelector('legend')!.after(p);
    else if (box.classList.contains('fb-choice')) box.prepend(p);
    else control.before(p);
    const target = box.tagName === 'FIELDSET' ? box : control;
    if (box.tagName !== 'FIELDSET') control.setAttribute('aria-invalid', 'true');
    const ids = (target.getAttribute('aria-describedby') ?? '').split(' ').filter((x) => x && x !== p.id);
    target.setAttribute('aria-describedby', [...ids, p.id].join(' '));
  }
  summary.hidden = false;
  summary.focus();
}

export function enhance(form: HTMLFormElement): void {
  counter(form);
  sections(form);
  // Only same-origin posts go through fetch; a separate endpoint gets the plain form post.
  if (new URL(form.action, location.href).origin !== location.origin) return;
  const button = form.querySelector<HTMLButtonElement>('[data-fb-submit]');
  let busy = false;
  form.addEventListener('submit', async (ev) => {
    ev.preventDefault();
    if (busy) return;
    busy = true;
    if (button) button.disabled = true;
    const body: Record<string, string> = {};
    for (const [k, v] of new FormData(form)) if (typeof v === 'string') body[k] = v;
    try {
      const res = await fetch(form.action, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json' },
        body: JSON.stringify(body),
        credentials: 'same-origin',
      });
      const out = await res.json().catch(() => ({}));
      if (res.status === 201 && out.receivedUrl) {
        location.assign(out.receivedUrl);
        return;
      }
      showErrors(form, Array.isArray(out.errors) ? out.errors : [], out.message ?? (out.errors?.length ? null : `提交失败（${res.status}），请稍后再试。`));
    } catch {
      showErrors(form, [], '网络连接失败，反馈未能提交。请检查网络后重试，或使用下方的电话、电子邮件联系我们。');
    }
    busy = false;
    if (button) button.disabled = false;
  });
}
