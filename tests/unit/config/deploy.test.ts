/** The deployment examples say what the README promises (the nginx file itself runs in tests/integration/nginx.test.ts). */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../../../src/server/headers.ts';

it('the systemd unit runs the server as an unprivileged user, loopback only, behind the proxy', () => {
  const unit = readFileSync('docs/deploy/portal.service', 'utf8');
  const user = /^User=(.+)$/m.exec(unit)?.[1];
  expect(user).toBeTruthy();
  expect(user).not.toBe('root');
  expect(unit).toMatch(/^Environment=HOST=127\.0\.0\.1$/m);
  expect(unit).toMatch(/^Environment=TRUST_PROXY=1$/m);
  expect(unit).toMatch(/^UMask=0077$/m);
  expect(unit).toMatch(/^NoNewPrivileges=yes$/m);
});

it("nginx's own header set matches the Node server's", () => {
  const conf = readFileSync('docs/deploy/security-headers.conf', 'utf8');
  for (const [k, v] of Object.entries(SECURITY_HEADERS)) expect(conf).toContain(`add_header ${k} "${v}" always;`);
});
