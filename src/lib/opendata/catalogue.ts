/**
 * Every downloadable file of the catalogue with its exact bytes, size and SHA-256, and the
 * catalogue-wide files: Frictionless datapackage.json, DCAT catalog.json, the zip with a
 * README, and the Atom feed of data changes. The endpoints serve `files` byte for byte and
 * the pages list the same objects, so a hash on a page is always the hash of the file.
 */
import type { Release, SourceRow } from '../../model.ts';
import type { ColumnDoc } from './columns.ts';
import type { DatasetView, OpenDataset, Period } from './datasets.ts';
import { csvBytes, jsonBytes, sha256, textBytes } from './encode.ts';
import { atomFeed, changeAnchor } from './feed.ts';
import { zip } from './zip.ts';

export interface DataFile {
  /** File name under /data/, e.g. monitoring-excel.csv. */
  name: string;
  /** Site path, e.g. /data/monitoring.csv. */
  path: string;
  label_zh: string;
  /** Short format name, e.g. CSV. */
  format: string;
  mediaType: string;
  bytes: Uint8Array;
  size: number;
  sha256: string;
}

export interface ViewEntry {
  view: DatasetView;
  files: DataFile[];
}

export interface CatalogueEntry {
  dataset: OpenDataset;
  /** CSV for programs, CSV for Excel, JSON. */
  files: DataFile[];
  views: ViewEntry[];
}

export interface CatalogueOptions {
  /** Absolute origin of the site, e.g. https://example.gov.cn (no trailing slash). */
  site: string;
  portalName: string;
  portalNameEn: string;
  publisher: string;
  publisherEn: string;
  license: { name: string; url: string | null; zh: string; en: string };
  sources: SourceRow[];
}

export interface Catalogue {
  entries: CatalogueEntry[];
  /** datapackage.json, catalog.json, the zip and the feed. */
  packageFiles: DataFile[];
  /** Every file served under /data/, by name. */
  files: Map<string, DataFile>;
  /** Date of the newest change of any dataset. */
  updated: string | null;
  /** The current data release (version and date) and the one before it, if any. */
  release: Release;
  previous: Release | null;
  options: CatalogueOptions;
}

export const ZIP_NAME = 'mianyang-rr-data.zip';
export const FEED_NAME = 'feed.xml';

function file(name: string, label_zh: string, format: string, mediaType: string, bytes: Uint8Array): DataFile {
  return { name, path: `/data/${name}`, label_zh, format, mediaType, bytes, size: bytes.length, sha256: sha256(bytes) };
}

/** The three downloads of a set of rows; `stem` names them. */
export function rowFiles(stem: string, columns: readonly ColumnDoc[], rows: OpenDataset['rows']): DataFile[] {
  return [
    file(`${stem}.csv`, 'CSV（供程序使用，UTF-8，无 BOM）', 'CSV', 'text/csv', csvBytes(columns, rows)),
    file(`${stem}-excel.csv`, 'CSV（供 Excel 打开，UTF-8 带 BOM）', 'CSV', 'text/csv', csvBytes(columns, rows, { bom: true })),
    file(`${stem}.json`, 'JSON', 'JSON', 'application/json', jsonBytes(columns, rows)),
  ];
}

export const datasetUrl = (o: CatalogueOptions, id: string) => `${o.site}/data/${id}/`;
export const absolute = (o: CatalogueOptions, path: string) => `${o.site}${path}`;
export const licenseUrl = (o: CatalogueOptions) => o.license.url ?? `${o.site}/data/#licence`;

/** The period as an ISO 8601 interval, or null when the table has no time dimension. */
export function temporalCoverage(p: Period | null): string | null {
  if (!p || !p.start || !p.end) return null;
  return p.start === p.end ? p.start : `${p.start}/${p.end}`;
}

/** Ready-made citation lines. */
export function citation(o: CatalogueOptions, d: OpenDataset): { zh: string; en: string } {
  const version = d.updated ?? '未发布';
  return {
    zh: `${o.publisher}：《${d.title_zh}》（数据集 ${d.id}，版本 ${version}），${o.portalName}，${datasetUrl(o, d.id)}`,
    en: `${o.publisherEn}. "${d.title_en}" (dataset ${d.id}, version ${d.updated ?? 'unpublished'}). ${o.portalNameEn}. ${datasetUrl(o, d.id)}`,
  };
}

/** The filter of a view in words, e.g. "status = not_eliminated". */
export const filterText = (v: DatasetView) =>
  Object.keys(v.view.filter).sort().map((k) => `${k} = ${v.view.filter[k].join(' 或 ')}`).join('；');

function tableSchema(d: { columns: readonly ColumnDoc[]; primaryKey: string[] }) {
  return {
    fields: d.columns.map((c) => ({
      name: c.name,
      type: c.type,
      ...(c.type === 'date' ? { format: 'default' } : {}),
      description: c.unit ? `${c.description} Unit: ${c.unit}.` : c.description,
      constraints: { required: c.required, ...(c.values ? { enum: c.values } : {}) },
    })),
    primaryKey: d.primaryKey,
    missingValues: [''],
  };
}

const dialect = { delimiter: ',', lineTerminator: '\r\n', quoteChar: '"', doubleQuote: true, header: true };

function sourcesOf(o: CatalogueOptions, ids: string[]) {
  return ids.map((id) => o.sources.find((s) => s.id === id)).filter((s): s is SourceRow => !!s);
}

/** Frictionless Data Package (v1 descriptor): one tabular resource per CSV for programs. */
export function dataPackage(o: CatalogueOptions, entries: CatalogueEntry[], release: Release): object {
  const res = (name: string, f: DataFile, title: string, description: string, d: OpenDataset) => ({
    name: name.replace(/[^a-z0-9._-]/g, '_'),
    path: f.name,
    profile: 'tabular-data-resource',
    title,
    description,
    format: 'csv',
    mediatype: 'text/csv',
    encoding: 'utf-8',
    bytes: f.size,
    hash: `sha256:${f.sha256}`,
    dialect,
    schema: tableSchema(d),
    sources: sourcesOf(o, d.sourceIds).map((s) => ({ title: s.title_zh, ...(s.url ? { path: s.url } : {}) })),
  });
  return {
    profile: 'tabular-data-package',
    name: 'mianyang-rr-data',
    title: `${o.portalName}数据`,
    description: `${o.publisher}公开的乡村振兴数据：每个数字注明时期、来源与定位。${o.portalNameEn}: open data.`,
    homepage: `${o.site}/data/`,
    version: release.version,
    created: `${release.date}T00:00:00+08:00`,
    licenses: [{ name: o.license.url ? o.license.name.replace(/[^A-Za-z0-9.-]/g, '-') : 'attribution', path: licenseUrl(o), title: o.license.name }],
    contributors: [{ title: o.publisher, role: 'publisher', path: `${o.site}/` }],
    resources: entries.flatMap((e) => [
      res(e.dataset.id, e.files[0], e.dataset.title_zh, e.dataset.description_zh, e.dataset),
      ...e.views.map((v) => res(v.view.stem, v.files[0], `${e.dataset.title_zh}：${v.view.view.description_zh}`, `图表所用子集，筛选条件：${filterText(v.view)}`, e.dataset)),
    ]),
  };
}

/** schema.org Dataset for one dataset page. */
export function datasetJsonLd(o: CatalogueOptions, e: CatalogueEntry): object {
  const d = e.dataset;
  const org = { '@type': 'GovernmentOrganization', name: o.publisher, alternateName: o.publisherEn, url: `${o.site}/` };
  const coverage = temporalCoverage(d.period);
  return {
    '@context': 'https://schema.org',
    '@type': 'Dataset',
    '@id': datasetUrl(o, d.id),
    url: datasetUrl(o, d.id),
    identifier: d.id,
    name: d.title_zh,
    alternateName: d.title_en,
    description: `${d.description_zh}${d.origin_zh}`,
    inLanguage: 'zh-CN',
    creator: org,
    publisher: org,
    license: licenseUrl(o),
    isAccessibleForFree: true,
    ...(coverage ? { temporalCoverage: coverage } : {}),
    ...(d.updated ? { dateModified: d.updated } : {}),
    creditText: citation(o, d).zh,
    variableMeasured: d.columns.map((c) => c.name),
    includedInDataCatalog: { '@type': 'DataCatalog', name: `${o.portalName} · 数据下载`, url: `${o.site}/data/` },
    ...(d.sourceIds.length ? { isBasedOn: sourcesOf(o, d.sourceIds).map((s) => s.url ?? s.title_zh) } : {}),
    distribution: e.files.map((f) => ({
      '@type': 'DataDownload',
      name: `${d.title_zh}（${f.label_zh}）`,
      encodingFormat: f.mediaType,
      contentUrl: absolute(o, f.path),
      contentSize: `${f.size} B`,
      sha256: f.sha256,
    })),
  };
}

/** DCAT catalogue (JSON-LD) of every dataset and distribution. */
export function dcatCatalog(o: CatalogueOptions, entries: CatalogueEntry[], zipFile: DataFile, updated: string | null): object {
  const dist = (f: DataFile, title: string) => ({
    '@type': 'dcat:Distribution',
    '@id': absolute(o, f.path),
    'dct:title': title,
    'dcat:downloadURL': { '@id': absolute(o, f.path) },
    'dcat:accessURL': { '@id': absolute(o, f.path) },
    'dcat:mediaType': f.mediaType,
    'dct:format': f.format,
    'dcat:byteSize': f.size,
    'spdx:checksum': { '@type': 'spdx:Checksum', 'spdx:algorithm': { '@id': 'spdx:checksumAlgorithm_sha256' }, 'spdx:checksumValue': f.sha256 },
    'dct:license': { '@id': licenseUrl(o) },
  });
  return {
    '@context': {
      dcat: 'http://www.w3.org/ns/dcat#',
      dct: 'http://purl.org/dc/terms/',
      foaf: 'http://xmlns.com/foaf/0.1/',
      spdx: 'http://spdx.org/rdf/terms#',
      xsd: 'http://www.w3.org/2001/XMLSchema#',
    },
    '@id': `${o.site}/data/catalog.json`,
    '@type': 'dcat:Catalog',
    'dct:title': [{ '@language': 'zh-CN', '@value': `${o.portalName} · 数据下载` }, { '@language': 'en', '@value': `${o.portalNameEn}: open data` }],
    'dct:description': `${o.publisher}公开的乡村振兴数据目录。`,
    'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': o.publisher },
    'dct:license': { '@id': licenseUrl(o) },
    ...(updated ? { 'dct:modified': { '@value': updated, '@type': 'xsd:date' } } : {}),
    'foaf:homepage': { '@id': `${o.site}/data/` },
    'dcat:distribution': [dist(zipFile, '全部数据（zip 压缩包）')],
    'dcat:dataset': entries.map((e) => {
      const d = e.dataset;
      const coverage = d.period?.start && d.period.end ? d.period : null;
      return {
        '@id': datasetUrl(o, d.id),
        '@type': 'dcat:Dataset',
        'dct:identifier': d.id,
        'dct:title': [{ '@language': 'zh-CN', '@value': d.title_zh }, { '@language': 'en', '@value': d.title_en }],
        'dct:description': d.description_zh,
        'dct:publisher': { '@type': 'foaf:Organization', 'foaf:name': o.publisher },
        'dct:license': { '@id': licenseUrl(o) },
        'dcat:landingPage': { '@id': datasetUrl(o, d.id) },
        ...(d.updated ? { 'dct:modified': { '@value': d.updated, '@type': 'xsd:date' } } : {}),
        ...(coverage ? { 'dct:temporal': { '@type': 'dct:PeriodOfTime', 'dcat:startDate': { '@value': coverage.start, '@type': 'xsd:date' }, 'dcat:endDate': { '@value': coverage.end, '@type': 'xsd:date' } } } : {}),
        'dcat:keyword': ['乡村振兴', '绵阳'],
        'dcat:distribution': [
          ...e.files.map((f) => dist(f, `${d.title_zh}（${f.label_zh}）`)),
          ...e.views.flatMap((v) => v.files.map((f) => dist(f, `${d.title_zh}：${v.view.view.description_zh}（${f.label_zh}）`))),
        ],
      };
    }),
  };
}

/** The README of the zip: what the data is, where it comes from, the licence, how to cite. */
export function readme(o: CatalogueOptions, entries: CatalogueEntry[], updated: string | null, release?: Release): string {
  const lines = [
    `# ${o.portalName}数据 / ${o.portalNameEn}: open data`,
    '',
    `版本 / version: ${release ? `${release.version}（${release.date}）` : updated ?? '—'}`,
    `发布者 / publisher: ${o.publisher} (${o.publisherEn})`,
    `网址 / web: ${o.site}/data/`,
    '',
    '## 这是什么 / What this is',
    '',
    `${o.publisher}已公开发布的乡村振兴工作数字，逐条录入并注明时期、来源和在来源中的位置。由公开数字计算得出的数字（kind = derived）注明了公式。`,
    'Figures published by the bureau, each with its period, source and locator in the source. Figures computed from published ones (kind = derived) carry their formula.',
    '',
    '## 文件 / Files',
    '',
    '每个数据集有三个文件 / three files per dataset:',
    '- `<id>.csv`: 供程序使用 / for programs — UTF-8 without BOM, RFC 4180, CRLF line ends; numbers without digit grouping; ISO 8601 dates; empty cell = no value.',
    '- `<id>-excel.csv`: 供 Excel 打开 / for Excel — the same bytes with a UTF-8 byte-order mark, so zh-CN Excel does not garble the Chinese.',
    '- `<id>.json`: 同样的行 / the same rows as a JSON array of objects; number columns as JSON numbers, empty cells as null.',
    '',
    '`datapackage.json` describes every CSV (Frictionless Data Package: column types, units, primary keys, sizes, SHA-256).',
    '',
  ];
  for (const e of entries) {
    const d = e.dataset;
    lines.push(`### ${d.id} — ${d.title_zh} / ${d.title_en}`, '', `${d.description_zh}${d.status === 'unpublished' ? '（未公布）' : ''}`, `${d.origin_zh}`, `行数 / rows: ${d.rows.length}; 最近更新 / updated: ${d.updated ?? '—'}`, '');
    for (const v of e.views) lines.push(`- \`${v.view.stem}.csv\`: ${v.view.view.description_zh}（筛选 / filter: ${filterText(v.view)}）`);
    if (e.views.length) lines.push('');
  }
  lines.push('## 来源 / Sources', '');
  for (const s of o.sources) lines.push(`- ${s.publisher_zh}：${s.title_zh}（${s.year}）${s.url ? ` ${s.url}` : ''}`);
  lines.push('', '## 使用条款 / Licence', '', o.license.name, '', o.license.zh, '', o.license.en, ...(o.license.url ? ['', o.license.url] : []), '');
  lines.push('## 引用 / How to cite', '', `${o.publisher}：《${o.portalName}数据》（版本 ${updated ?? '—'}），${o.site}/data/`, `${o.publisherEn}. ${o.portalNameEn}: open data (version ${updated ?? '—'}). ${o.site}/data/`, '', '单个数据集的引用格式见各数据集页面 / each dataset page gives its own citation line.', '');
  return lines.join('\n');
}

/** The whole catalogue, computed once from the datasets. */
export function buildCatalogue(datasets: OpenDataset[], o: CatalogueOptions, releases: readonly Release[]): Catalogue {
  const [release, previous = null] = releases;
  const changelog = releases.flatMap((r) => r.changes);
  const entries: CatalogueEntry[] = datasets.map((d) => ({
    dataset: d,
    files: rowFiles(d.id, d.columns, d.rows),
    views: d.views.map((v) => ({ view: v, files: rowFiles(v.stem, d.columns, v.rows) })),
  }));
  const updated = datasets.map((d) => d.updated).filter((x): x is string => !!x).sort().at(-1) ?? null;
  const dataFiles = entries.flatMap((e) => [...e.files, ...e.views.flatMap((v) => v.files)]);
  const pkg = file('datapackage.json', 'Frictionless 数据包描述', 'JSON', 'application/json', textBytes(JSON.stringify(dataPackage(o, entries, release), null, 2) + '\n'));
  const readmeText = readme(o, entries, updated, release);
  const zipFile = file(ZIP_NAME, '全部数据（zip 压缩包，含说明 README.md）', 'ZIP', 'application/zip',
    zip([{ name: 'README.md', bytes: textBytes(readmeText) }, { name: pkg.name, bytes: pkg.bytes }, ...dataFiles.map((f) => ({ name: f.name, bytes: f.bytes }))], updated ?? undefined));
  const catalog = file('catalog.json', 'DCAT 数据目录（JSON-LD）', 'JSON-LD', 'application/ld+json', textBytes(JSON.stringify(dcatCatalog(o, entries, zipFile, updated), null, 2) + '\n'));
  const feed = file(FEED_NAME, '数据更新订阅（Atom）', 'Atom', 'application/atom+xml', textBytes(atomFeed(o, changelog, datasets)));
  const packageFiles = [zipFile, pkg, catalog, feed];
  const files = new Map<string, DataFile>();
  for (const f of [...dataFiles, ...packageFiles]) {
    if (files.has(f.name)) throw new Error(`two downloads are both named ${f.name}`);
    files.set(f.name, f);
  }
  return { entries, packageFiles, files, updated, release, previous, options: o };
}

export { changeAnchor };
