// Serves the built portal (static pages + feedback API) on 127.0.0.1. Used by `npm start`.
process.env.HOST ??= '127.0.0.1';
process.env.PORT ??= '4321';
await import('../dist/server/entry.mjs');
console.log(`绵阳市乡村振兴公开数据门户: http://${process.env.HOST}:${process.env.PORT}/`);
