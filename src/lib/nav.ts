/** The site's sections, in navigation order. Pages, breadcrumbs and the site map read this. */
export interface Section {
  href: string;
  zh: string;
  en: string;
}

export const SECTIONS: Section[] = [
  { href: '/', zh: '首页', en: 'Home' },
];

export const TOPIC_PAGES: Record<string, string> = {
  monitoring: '/monitoring/',
  income: '/income/',
  funds: '/funds/',
  eastwest: '/east-west/',
  villages: '/villages/',
  survey: '/oversight/',
};

export const TOPIC_NAMES: Record<string, string> = {
  monitoring: '防返贫监测',
  income: '增收就业',
  funds: '资金使用',
  eastwest: '东西部协作',
  villages: '重点帮扶村',
  survey: '调研监督',
};
