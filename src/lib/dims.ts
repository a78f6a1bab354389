/**
 * Chinese names for the dimension codes of the figure tables. Pages group and label
 * figures by these codes (figure.dims), never by parsing label_zh.
 */
export const CATEGORY_ZH: Record<string, string> = {
  unstable: '脱贫不稳定户',
  marginal: '边缘易致贫户',
  sudden: '突发严重困难户',
  all: '合计',
};

export const STATUS_ZH: Record<string, string> = {
  new: '新增监测对象',
  monitored: '纳入监测',
  eliminated: '已消除风险',
  not_eliminated: '尚未消除风险',
};

export const MEASURE_ZH: Record<string, string> = { households: '户数', persons: '人数' };

export const PAIR_TYPE_ZH: Record<string, string> = {
  school: '学校结对',
  township: '镇乡结对',
  village: '村村结对',
  village_enterprise: '村企结对',
};

/** Household categories in the order the source lists them (the total is separate). */
export const CATEGORY_ORDER = ['unstable', 'marginal', 'sudden'] as const;
