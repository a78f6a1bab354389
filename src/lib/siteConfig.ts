/**
 * Operator settings, read from the environment at build time. Registration numbers are
 * shown only when set: a government site must never display a placeholder number.
 */
const env = (name: string): string | null => {
  const v = process.env[name]?.trim();
  return v ? v : null;
};

export const siteConfig = {
  name: '绵阳市乡村振兴公开数据门户',
  nameEn: 'Mianyang Rural Revitalization Transparency Portal',
  publisher: '绵阳市乡村振兴局',
  publisherEn: 'Mianyang Rural Revitalization Bureau',
  /** 主办单位联系方式 (address / phone / email), as the operator configures it. */
  contact: {
    address: env('SITE_CONTACT_ADDRESS'),
    phone: env('SITE_CONTACT_PHONE'),
    email: env('SITE_CONTACT_EMAIL'),
  },
  /** ICP备案号, e.g. 蜀ICP备…号 */
  icp: env('SITE_ICP'),
  /** 公安机关备案号 */
  psb: env('SITE_PSB'),
  /** 政府网站标识码 */
  siteCode: env('SITE_CODE'),
  /** Date the data was last changed; defaults to the newest entry of the data changelog. */
  dataUpdated: env('SITE_DATA_UPDATED'),
  /** 审图号 for the boundary map; without it the map is labelled 示意图. */
  mapReviewNumber: env('MAP_REVIEW_NUMBER'),
  /** An optional base-map tile URL template and its attribution (e.g. 天地图 with a key). */
  tileUrl: env('MAP_TILE_URL'),
  tileAttribution: env('MAP_TILE_ATTRIBUTION'),
  /** True when the build uses synthetic demo data (npm run build:demo). */
  demo: process.env.PORTAL_DEMO === '1',
} as const;
