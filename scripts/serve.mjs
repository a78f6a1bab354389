// Serves the built portal (static pages + feedback) on 127.0.0.1. Used by `npm start`
// (after `npm run build`) and by the tests. PORTAL_DIST chooses another build (dist-demo).
// Before listening it checks the feedback database and stops with one line if it is unusable.
import { resolve } from 'node:path';
import { startPortal } from '../src/server/portalServer.ts';
import { checkFeedbackDatabase } from '../src/server/startupChecks.ts';

const host = process.env.HOST ?? '127.0.0.1';
const port = Number(process.env.PORT ?? 4321);
const dbPath = process.env.FEEDBACK_DB?.trim() || './var/feedback.sqlite';

const db = checkFeedbackDatabase(resolve(dbPath));
if (!db.ok) {
  console.error(db.error);
  process.exit(1);
}
for (const w of db.warnings) console.warn(`⚠ ${w}`);

const { server, version } = await startPortal({ dist: process.env.PORTAL_DIST ?? 'dist', host, port, trustProxy: process.env.TRUST_PROXY?.trim() === '1' });
console.log(`绵阳市乡村振兴公开数据门户: http://${host}:${port}/ (build ${version})`);
const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
