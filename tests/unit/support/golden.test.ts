// The golden-file helper can fail: a missing golden fails (and is not created), a mismatch
// fails and leaves <name>-changed beside the golden, and SVG is stored pretty-printed.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkGolden, expectGolden, prettySvg } from '../../support/golden.ts';

const dir = mkdtempSync(join(tmpdir(), 'golden-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const svg = '<svg><g><rect width="1"/><text>一</text></g></svg>';

describe('golden files', () => {
  it('a missing golden fails and is not created', () => {
    const p = join(dir, 'missing.svg');
    expect(checkGolden(p, svg, false)).toMatchObject({ ok: false, reason: 'missing' });
    expect(existsSync(p)).toBe(false);
    expect(() => expectGolden(p, svg)).toThrow(/missing: create it with UPDATE_GOLDEN=1/);
  });

  it('UPDATE_GOLDEN writes it pretty-printed, one tag per line', () => {
    const p = join(dir, 'a.svg');
    expect(checkGolden(p, svg, true)).toEqual({ ok: true });
    expect(readFileSync(p, 'utf8')).toBe('<svg>\n  <g>\n    <rect width="1"/>\n    <text>\n      一\n    </text>\n  </g>\n</svg>\n');
    expect(checkGolden(p, svg, false)).toEqual({ ok: true });
  });

  it('a mismatch fails and writes <name>-changed.svg beside it; a later match removes it', () => {
    const p = join(dir, 'b.svg');
    writeFileSync(p, prettySvg(svg));
    const other = svg.replace('width="1"', 'width="2"');
    expect(checkGolden(p, other, false)).toMatchObject({ ok: false, reason: 'changed' });
    expect(readFileSync(join(dir, 'b-changed.svg'), 'utf8')).toContain('<rect width="2"/>');
    expect(readFileSync(p, 'utf8')).toContain('<rect width="1"/>'); // the golden itself is kept
    expect(checkGolden(p, svg, false)).toEqual({ ok: true });
    expect(existsSync(join(dir, 'b-changed.svg'))).toBe(false);
  });
});
