import { launch } from './tests/support/browser.ts';
const url = process.argv[2];
const browser = await launch();
const runs: string[] = [];
for (let i = 0; i < 3; i++) {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  await cdp.send('Network.emulateNetworkConditions', { offline: false, latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 });
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const t0 = Date.now();
  await page.goto(url + '/villages/', { waitUntil: 'commit' });
  await page.locator('.kv-leaflet path.kv-county').first().waitFor({ timeout: 60_000 });
  const ms = Date.now() - t0;
  const geo = await page.evaluate(() => Math.round((performance.getEntriesByType('resource') as PerformanceResourceTiming[]).find((e) => e.name.endsWith('.geojson'))?.startTime ?? -1));
  runs.push(`${ms} (geo at ${geo})`);
  await context.close();
}
await browser.close();
console.log(url, runs.join(', '));
