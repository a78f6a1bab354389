// Display helpers shared by the feedback pages (pure, no Astro).
import { FEEDBACK_TYPES } from './schema.ts';
import type { FieldName } from './schema.ts';

const TIME = new Intl.DateTimeFormat('zh-CN', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** An ISO timestamp as Beijing time: "2026年3月5日 14:07". */
export function beijingTime(iso: string): string {
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? iso : TIME.format(d).replace(/\s+/g, ' ');
}

/** The id of the control an error summary links to (the first option of a radio group). */
export function controlId(field: FieldName): string {
  if (field === 'type') return `type-${FEEDBACK_TYPES[0]}`;
  if (field === 'disclosureForm') return 'disclosureForm-paper';
  if (field === 'disclosureDelivery') return 'disclosureDelivery-email';
  if (field === 'website') return 'message';
  return field;
}
