// Refuses to run on any Node major other than 24. The project gets Node 24 from the
// npm package `node` (a devDependency); `npm run` puts it first on PATH.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 24) {
  console.error(
    `✗ Node ${process.versions.node} found; this project needs Node 24. ` +
      'Run it through npm (npm start / npm test) after `npm ci` without --ignore-scripts, so node_modules/.bin/node (Node 24) is used.',
  );
  process.exit(1);
}
