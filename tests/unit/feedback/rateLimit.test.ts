import { describe, expect, it } from 'vitest';
import { createRateLimiter, clientKey, clientNetwork, MINUTE_MS, DAY_MS } from '../../../src/lib/feedback/rateLimit.ts';

function clock(start = Date.UTC(2026, 0, 1)) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('rate limiter (default 5/minute, 30/day)', () => {
  it('allows 5 in a minute, refuses the 6th with the wait until the oldest expires', () => {
    const c = clock();
    const rl = createRateLimiter({ now: c.now });
    for (let i = 0; i < 5; i++) {
      expect(rl.check('a')).toEqual({ allowed: true, retryAfterSeconds: 0 });
      c.advance(1000);
    }
    // First request at t0, now t0+5s → allowed again at t0+60s.
    expect(rl.check('a')).toEqual({ allowed: false, retryAfterSeconds: 55 });
    c.advance(54_000);
    expect(rl.check('a').allowed).toBe(false);
    c.advance(1000);
    expect(rl.check('a')).toEqual({ allowed: true, retryAfterSeconds: 0 });
  });

  it('keeps clients apart', () => {
    const c = clock();
    const rl = createRateLimiter({ now: c.now });
    for (let i = 0; i < 5; i++) rl.check('a');
    expect(rl.check('a').allowed).toBe(false);
    expect(rl.check('b').allowed).toBe(true);
  });

  it('caps a day at 30 even when spread out, and says when to come back', () => {
    const c = clock();
    const rl = createRateLimiter({ now: c.now });
    for (let i = 0; i < 30; i++) {
      expect(rl.check('a').allowed, `request ${i + 1}`).toBe(true);
      c.advance(2 * MINUTE_MS);
    }
    const d = rl.check('a');
    expect(d.allowed).toBe(false);
    // The first request was 60 minutes ago; it leaves the 24h window in 23h.
    expect(d.retryAfterSeconds).toBe((DAY_MS - 60 * MINUTE_MS) / 1000);
    c.advance(DAY_MS - 60 * MINUTE_MS);
    expect(rl.check('a').allowed).toBe(true);
  });

  it('refused attempts do not extend the wait', () => {
    const c = clock();
    const rl = createRateLimiter({ now: c.now });
    for (let i = 0; i < 5; i++) rl.check('a');
    for (let i = 0; i < 20; i++) {
      c.advance(2000);
      rl.check('a');
    }
    c.advance(MINUTE_MS - 40_000);
    expect(rl.check('a').allowed).toBe(true);
  });

  it('is configurable', () => {
    const c = clock();
    const rl = createRateLimiter({ now: c.now, windows: [{ windowMs: 10_000, max: 2 }] });
    expect(rl.check('a').allowed).toBe(true);
    expect(rl.check('a').allowed).toBe(true);
    expect(rl.check('a')).toEqual({ allowed: false, retryAfterSeconds: 10 });
    expect(() => createRateLimiter({ windows: [{ windowMs: 0, max: 1 }] })).toThrow();
  });

  it('bounds memory by dropping the least recently seen clients', () => {
    const c = clock();
    const rl = createRateLimiter({ now: c.now, maxClients: 100 });
    for (let i = 0; i < 1000; i++) rl.check(`k${i}`);
    expect(rl.size()).toBeLessThanOrEqual(100);
  });
});

describe('client key', () => {
  it('is a salted hash that never contains the IP', () => {
    const k = clientKey('203.0.113.7', 'salt-one-0123456789');
    expect(k).toMatch(/^[0-9a-f]{32}$/);
    expect(k).not.toContain('203');
    expect(clientKey('203.0.113.7', 'salt-one-0123456789')).toBe(k);
    expect(clientKey('203.0.113.7', 'salt-two-0123456789')).not.toBe(k);
    expect(clientKey('203.0.113.8', 'salt-one-0123456789')).not.toBe(k);
  });

  it('treats one IPv6 /64 as one client and IPv4-mapped addresses as IPv4', () => {
    expect(clientNetwork('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(clientNetwork('2001:db8:1:2:ffff:1:2:3')).toBe('2001:db8:1:2::/64');
    expect(clientKey('2001:db8:1:2::1', 's')).toBe(clientKey('2001:db8:1:2:aaaa::9', 's'));
    expect(clientKey('2001:db8:1:3::1', 's')).not.toBe(clientKey('2001:db8:1:2::1', 's'));
    expect(clientNetwork('::ffff:203.0.113.7')).toBe('203.0.113.7');
  });
});
