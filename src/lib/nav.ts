/** The site's sections, in navigation order. Pages, breadcrumbs and the site map read this. */
export interface Section {
  href: string;
  zh: string;
  en: string;
}

export const SECTIONS: Section[] = [
  { href: '/', zh: '首页', en: 'Home' },
  { href: '/monitoring/', zh: '防返贫监测', en: 'Relapse monitoring' },
  { href: '/income/', zh: '增收就业', en: 'Income and jobs' },
  { href: '/funds/', zh: '资金使用', en: 'Funds' },
  { href: '/east-west/', zh: '东西部协作', en: 'East-West cooperation' },
  { href: '/villages/', zh: '重点帮扶村', en: 'Key villages' },
  { href: '/oversight/', zh: '调研监督', en: 'Surveys and oversight' },
  { href: '/data/', zh: '数据下载', en: 'Open data' },
  { href: '/feedback/', zh: '意见反馈', en: 'Feedback' },
  { href: '/about/', zh: '关于与方法', en: 'About and methods' },
];

/** Statement pages: linked from the footer and the site map, not the main navigation. */
export const STATEMENTS: Section[] = [
  { href: '/privacy/', zh: '隐私声明', en: 'Privacy' },
  { href: '/accessibility/', zh: '无障碍声明', en: 'Accessibility' },
  { href: '/sitemap/', zh: '网站地图', en: 'Site map' },
  { href: '/search/', zh: '站内搜索', en: 'Search' },
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
