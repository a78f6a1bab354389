// Serves the built portal (static pages + feedback) on 127.0.0.1. Used by `npm start`
// (after `npm run build`) and by the tests. PORTAL_DIST chooses another build (dist-demo).
// Before listening it checks the feedback database and stops with one line if it is unusable.
import { settings } from '../src/lib/config.ts';
import { startPortal } from '../src/server/portalServer.ts';
import { checkFeedbackDatabase } from '../src/server/startupChecks.ts';

let config;
try {
  config = settings();
} catch (e) {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
}
const { HOST: host, PORT: port, FEEDBACK_DB: dbPath, PORTAL_DIST: dist, TRUST_PROXY: trustProxy } = config;

const db = checkFeedbackDatabase(dbPath);
if (!db.ok) {
  console.error(db.error);
  process.exit(1);
}
for (const w of db.warnings) console.warn(`⚠ ${w}`);

const { server, version } = await startPortal({ dist, host, port, trustProxy });
console.log(`绵阳市乡村振兴公开数据门户: http://${host}:${port}/ (build ${version})`);
const stop = () => {
  server.close(() => process.exit(0));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 3000).unref();
};
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
