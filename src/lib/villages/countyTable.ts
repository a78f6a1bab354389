// The county table beside the map: one row per county-level division, saying whether it has
// key villages (from the published statement) and, only where a list exists, how many and which.
import { countiesOf, type Division } from '../divisions.ts';
import type { KeyVillageList } from './files.ts';
import type { KeyVillage } from './schema.ts';

export interface CountyRow {
  code: string;
  name_zh: string;
  short_zh: string;
  /** From the published statement (all counties except the excluded one), not from the list. */
  hasKeyVillages: boolean;
  /**
   * 'unpublished': no village list yet, the count is unknown (never shown as a number);
   * 'complete': the list agrees with the published total, the count is the list's;
   * 'partial': the list exists but disagrees with the published total, the count is only what it lists.
   */
  countState: 'unpublished' | 'complete' | 'partial';
  /** Rows listed for this county (0 when unpublished — do not display it then). */
  listed: number;
  villages: KeyVillage[];
}

export function countyRows(divisions: readonly Division[], list: KeyVillageList, excludedCountyCode: string): CountyRow[] {
  const state: CountyRow['countState'] =
    list.comparison.status === 'empty' ? 'unpublished' : list.comparison.agrees ? 'complete' : 'partial';
  return countiesOf(divisions).map((c) => {
    const villages = list.rows.filter((r) => r.county_code === c.code);
    return {
      code: c.code,
      name_zh: c.name_zh,
      short_zh: c.short_zh,
      hasKeyVillages: c.code !== excludedCountyCode,
      countState: state,
      listed: villages.length,
      villages,
    };
  });
}
