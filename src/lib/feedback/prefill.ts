// Pre-filling the form from its link: 报告此数字有误 (?type=data_error&figure=<id>) and
// disclosure requests offered where the portal shows a gap (?type=disclosure&topic=<t>).
// Pure: takes the dataset, so pages and unit tests share it.
import type { Dataset } from '../../model.ts';
import { withUnit } from '../format.ts';
import { FEEDBACK_TYPES, LIMITS } from './schema.ts';
import type { FeedbackType } from './schema.ts';

/** Descriptions for disclosure requests the portal offers where it has a gap. */
export const DISCLOSURE_TOPICS: Readonly<Record<string, string>> = {
  'key-villages': '绵阳市乡村振兴重点帮扶村名单（含村名、所属乡镇和县（市、区））及其确定依据',
};

export interface Prefill {
  values: Record<string, string>;
  /** A note shown above the form, e.g. that the figure id was not found. */
  notice: string | null;
  /** The figure being reported, for a summary above the form. */
  figure: { id: string; label: string; value: string; period: string; source: string } | null;
}

const clip = (s: string, max: number) => [...s].slice(0, max).join('');

export function prefillFrom(params: URLSearchParams, data: Pick<Dataset, 'byId' | 'sources'>): Prefill {
  const values: Record<string, string> = {};
  let notice: string | null = null;
  let figure: Prefill['figure'] = null;
  const type = params.get('type') ?? '';
  if ((FEEDBACK_TYPES as readonly string[]).includes(type)) values.type = type as FeedbackType;

  const figureId = params.get('figure')?.trim();
  if (figureId) {
    values.type ??= 'data_error';
    const f = data.byId.get(figureId);
    if (f) {
      const src = data.sources.find((s) => s.id === f.source_id);
      const source = `${src ? `${src.publisher_zh}《${src.title_zh}》` : f.source_id}，${f.locator}`;
      const value = `${withUnit(f.value, f.unit)}（${f.period.label}）`;
      values.figureId = f.id;
      values.figureValue = clip(value, LIMITS.figureValue);
      values.figureSource = clip(source, LIMITS.figureSource);
      figure = { id: f.id, label: f.label_zh, value: withUnit(f.value, f.unit), period: f.period.label, source };
    } else {
      values.figureId = clip(figureId, LIMITS.figureId);
      notice = '没有找到链接中的数字编号，可能页面已更新。请在“反馈内容”中说明是哪个页面上的哪个数字。';
    }
  }

  const topic = params.get('topic')?.trim();
  if (topic) {
    const description = DISCLOSURE_TOPICS[topic];
    if (description) {
      values.type ??= 'disclosure';
      if (values.type === 'disclosure') values.disclosureDescription = description;
    }
  }
  return { values, notice, figure };
}
