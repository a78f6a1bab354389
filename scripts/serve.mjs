// Serves the built portal (static pages + feedback) on 127.0.0.1. Used by `npm start`.
// Feedback is stored in FEEDBACK_DB (default ./var/feedback.sqlite); the store creates the
// file on the first feedback request, and ./var/ is created here so it is there from the start.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';

process.env.HOST ??= '127.0.0.1';
process.env.PORT ??= '4321';
mkdirSync(dirname(resolve(process.env.FEEDBACK_DB?.trim() || './var/feedback.sqlite')), { recursive: true });
await import('../dist/server/entry.mjs');
console.log(`绵阳市乡村振兴公开数据门户: http://${process.env.HOST}:${process.env.PORT}/`);
