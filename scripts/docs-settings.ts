// Regenerates the settings tables in README.md from src/lib/config.ts.
// Usage: npm run docs:settings
import { readFileSync, writeFileSync } from 'node:fs';
import { withSettingsTables } from '../src/lib/config.ts';

const before = readFileSync('README.md', 'utf8');
const after = withSettingsTables(before);
writeFileSync('README.md', after);
console.log(before === after ? 'README.md settings tables already current' : 'README.md settings tables updated');
