/**
 * Operator settings for the pages, from the typed settings (src/lib/config.ts), read at build
 * time. Registration numbers are shown only when set: a government site must never display
 * a placeholder number.
 */
import { settings } from './config.ts';

const s = settings();
const env = (name: 'DATA_LICENSE_NAME' | 'DATA_LICENSE_URL' | 'DATA_LICENSE_ZH' | 'DATA_LICENSE_EN' | 'SITE_CONTACT_ADDRESS' | 'SITE_CONTACT_PHONE' | 'SITE_CONTACT_EMAIL' | 'SITE_ICP' | 'SITE_PSB' | 'SITE_CODE' | 'MAP_REVIEW_NUMBER' | 'MAP_TILE_URL' | 'MAP_TILE_ATTRIBUTION'): string | null => s[name] ?? null;

const PUBLISHER = '绵阳市乡村振兴局';
const PUBLISHER_EN = 'Mianyang Rural Revitalization Bureau';

export const siteConfig = {
  name: '绵阳市乡村振兴公开数据门户',
  nameEn: 'Mianyang Rural Revitalization Transparency Portal',
  publisher: PUBLISHER,
  publisherEn: PUBLISHER_EN,
  /**
   * Terms of reuse for the open data (数据下载). The default is free reuse with
   * attribution; an operator may set another licence (e.g. DATA_LICENSE_NAME=CC BY 4.0,
   * DATA_LICENSE_URL=https://creativecommons.org/licenses/by/4.0/). Without a URL the
   * metadata points at the terms on /data/.
   */
  dataLicense: {
    name: env('DATA_LICENSE_NAME') ?? '署名后可自由使用 / Free reuse with attribution',
    url: env('DATA_LICENSE_URL'),
    zh: env('DATA_LICENSE_ZH') ?? `本站数据可免费复制、传播、改编，并可用于商业或非商业目的，但须注明来源“${PUBLISHER}”及数据的版本日期；改编后的数据须说明所作改动，且不得暗示本局认可改编结果。数据按原样提供，以本局发布的原始文件为准。`,
    en: env('DATA_LICENSE_EN') ?? `Free to copy, share and adapt for any purpose, commercial or not, with attribution to the ${PUBLISHER_EN} (${PUBLISHER}) and the version date of the data; state any changes and do not imply endorsement. Provided as is; the bureau's original documents prevail.`,
  },
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
  /** 审图号 for the boundary map; without it the map is labelled 示意图. */
  mapReviewNumber: env('MAP_REVIEW_NUMBER'),
  /** An optional base-map tile URL template and its attribution (e.g. 天地图 with a key). */
  tileUrl: env('MAP_TILE_URL'),
  tileAttribution: env('MAP_TILE_ATTRIBUTION'),
  /** True when the build uses synthetic demo data (npm run build:demo). */
  demo: s.PORTAL_DEMO,
} as const;
