/**
 * What each money figure is, for the 资金使用 table. The amounts are of different kinds
 * (obtained, budgeted, established, used, disbursed, lent) and periods, so the page lists
 * them side by side and never adds them up. A money figure not named here still appears,
 * marked 未分类, so a new figure in data/ can never silently drop off the page.
 */
import type { Figure } from '../../model.ts';

export interface MoneyKind {
  /** 争取 / 预算 / 建立 / 使用 / 拨付 / 贷款 */
  kind_zh: string;
  /** Whether it is public money (财政资金); loans and sales are not; null when not classified yet. */
  public_money: boolean | null;
  what_zh: string;
}

export const MONEY_KINDS: Record<string, MoneyKind> = {
  'funds.bridging_subsidy.obtained': { kind_zh: '争取到位', public_money: true, what_zh: '中央和省级财政衔接推进乡村振兴补助资金' },
  'funds.projects.budget': { kind_zh: '预算', public_money: true, what_zh: '当年巩固衔接项目的预算总投资（资金来源未细分）' },
  'monitoring.emergency_fund.established': { kind_zh: '累计建立', public_money: true, what_zh: '致贫返贫预警应急处置基金' },
  'monitoring.emergency_fund.used': { kind_zh: '累计使用', public_money: true, what_zh: '致贫返贫预警应急处置基金' },
  'eastwest.funds.allocated': { kind_zh: '拨付到位', public_money: true, what_zh: '东西部协作帮扶资金' },
  'income.microcredit.new_loans': { kind_zh: '新增贷款', public_money: false, what_zh: '脱贫人口小额信贷（银行贷款，需归还）' },
  'income.consumption.sales': { kind_zh: '销售额', public_money: false, what_zh: '脱贫地区产品销售额（市场销售，不是财政资金）' },
};

export function moneyKind(f: Figure): MoneyKind {
  return MONEY_KINDS[f.id] ?? { kind_zh: '未分类', public_money: null, what_zh: f.label_zh };
}
