/** The one typed configuration module: defaults, refusals with the fix, unsafe pairs, README. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, parseSettings, SETTINGS, withSettingsTables } from '../../../src/lib/config.ts';

const problems = (env: Record<string, string>) => {
  try {
    parseSettings(env);
    return [];
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return (e as ConfigError).problems;
  }
};

describe('settings', () => {
  it('every setting has a description and a fix', () => {
    for (const [k, s] of Object.entries(SETTINGS)) {
      expect(s.schema.description, k).toBeTruthy();
      expect(s.fix, k).toBeTruthy();
    }
  });

  it('has the documented defaults', () => {
    const s = parseSettings({});
    expect(s).toMatchObject({ HOST: '127.0.0.1', PORT: 4321, TRUST_PROXY: false, FEEDBACK_DB: './var/feedback.sqlite', SITE_URL: 'http://127.0.0.1:4321', FEEDBACK_RATE_PER_MINUTE: 5, KEEP_BUILDS: 3, PORTAL_DEMO: false });
  });

  it('treats empty values as unset', () => {
    expect(parseSettings({ PORT: '', SITE_ICP: '  ' })).toMatchObject({ PORT: 4321, SITE_ICP: undefined });
  });

  it('refuses each invalid value with one line naming it, the value read and the fix', () => {
    const p = problems({ PORT: '80a', TRUST_PROXY: 'yes', SITE_URL: 'mianyang.gov.cn', FEEDBACK_IP_SALT: 'short', MAP_TILE_URL: 'http://tiles.example/{z}/{x}/{y}.png' });
    expect(p).toHaveLength(5);
    expect(p.find((l) => l.includes('PORT="80a"'))).toMatch(/fix: a port number from 1 to 65535/);
    expect(p.find((l) => l.includes('TRUST_PROXY="yes"'))).toMatch(/0 或 1/);
    expect(p.find((l) => l.includes('SITE_URL='))).toMatch(/http\(s\)/);
    expect(p.find((l) => l.includes('FEEDBACK_IP_SALT='))).toMatch(/16/);
    expect(p.find((l) => l.includes('MAP_TILE_URL='))).toMatch(/https/);
  });

  it('refuses TRUST_PROXY=1 on a public address, accepts it on loopback', () => {
    const p = problems({ TRUST_PROXY: '1', HOST: '0.0.0.0' });
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/TRUST_PROXY=1 .*0\.0\.0\.0/);
    expect(parseSettings({ TRUST_PROXY: '1', HOST: '127.0.0.1' }).TRUST_PROXY).toBe(true);
  });
});

describe('README', () => {
  it('has settings tables generated from the module (run npm run docs:settings after a change)', () => {
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toBe(withSettingsTables(readme));
    for (const k of Object.keys(SETTINGS)) expect(readme).toContain(`| \`${k}\` |`);
  });
});
