// In-memory sliding-window rate limiter, keyed by a salted hash of the client IP.
// Single process only: behind several server processes, each has its own counts.
import { createHmac, randomBytes } from 'node:crypto';
import { isIP } from 'node:net';

export interface RateWindow {
  /** Window length in milliseconds. */
  windowMs: number;
  /** Requests allowed per client within the window. */
  max: number;
}

export interface RateLimitDecision {
  allowed: boolean;
  /** 0 when allowed; otherwise whole seconds until the next request would be allowed. */
  retryAfterSeconds: number;
}

export interface RateLimiter {
  /** Check and, if allowed, count one request for `key`. */
  check(key: string): RateLimitDecision;
  /** Un-count the latest request for `key` (the work it allowed failed, e.g. the store was busy). */
  release(key: string): void;
  /** Forget everything (tests, admin). */
  reset(): void;
  /** Number of clients currently tracked. */
  size(): number;
}

export interface RateLimiterOptions {
  windows?: RateWindow[];
  /** Clock in milliseconds (inject for tests). */
  now?: () => number;
  /** Cap on tracked clients; the least recently seen are dropped beyond it. */
  maxClients?: number;
}

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

export function defaultWindows(perMinute = 5, perDay = 30): RateWindow[] {
  return [
    { windowMs: MINUTE_MS, max: perMinute },
    { windowMs: DAY_MS, max: perDay },
  ];
}

export function createRateLimiter(options: RateLimiterOptions = {}): RateLimiter {
  const windows = options.windows ?? defaultWindows();
  if (windows.length === 0 || windows.some((w) => !(w.windowMs > 0) || !(w.max >= 1)))
    throw new Error('rate limiter: each window needs windowMs > 0 and max >= 1');
  const now = options.now ?? Date.now;
  const maxClients = options.maxClients ?? 50_000;
  const longest = Math.max(...windows.map((w) => w.windowMs));
  // key → ascending timestamps of allowed requests within the longest window.
  // Map iteration order = insertion order; re-inserting on each hit keeps it LRU.
  const hits = new Map<string, number[]>();

  function prune(t: number): void {
    for (const [k, list] of hits) {
      if (list.length === 0 || list[list.length - 1] <= t - longest) hits.delete(k);
    }
  }

  return {
    check(key: string): RateLimitDecision {
      const t = now();
      const list = (hits.get(key) ?? []).filter((ts) => ts > t - longest);
      let retryAt = 0;
      for (const w of windows) {
        const inWindow = list.filter((ts) => ts > t - w.windowMs);
        if (inWindow.length >= w.max) {
          // Allowed again once the oldest counted request leaves this window.
          const oldest = inWindow[inWindow.length - w.max];
          retryAt = Math.max(retryAt, oldest + w.windowMs);
        }
      }
      hits.delete(key);
      if (retryAt > 0) {
        if (list.length) hits.set(key, list);
        return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil((retryAt - t) / 1000)) };
      }
      list.push(t);
      hits.set(key, list);
      if (hits.size > maxClients) {
        prune(t);
        while (hits.size > maxClients) hits.delete(hits.keys().next().value as string);
      }
      return { allowed: true, retryAfterSeconds: 0 };
    },
    release(key: string) {
      const list = hits.get(key);
      if (!list) return;
      list.pop();
      if (list.length === 0) hits.delete(key);
    },
    reset() {
      hits.clear();
    },
    size() {
      return hits.size;
    },
  };
}

/** Expand an IPv6 address to 8 groups of 16 bits; null if it is not IPv6. */
function ipv6Groups(ip: string): number[] | null {
  if (isIP(ip) !== 6) return null;
  let s = ip.split('%')[0];
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(s);
  if (v4) {
    const [a, b, c, d] = v4[1].split('.').map(Number);
    s = s.slice(0, -v4[1].length) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = s.split('::');
  const h = head ? head.split(':') : [];
  const tl = tail !== undefined && tail ? tail.split(':') : [];
  const fill = tail !== undefined ? 8 - h.length - tl.length : 0;
  return [...h, ...Array(fill).fill('0'), ...tl].map((g) => parseInt(g, 16));
}

/**
 * The part of an address that identifies one client: IPv4 as is (also when IPv4-mapped),
 * IPv6 reduced to its /64 prefix (one subscriber usually controls a whole /64).
 */
export function clientNetwork(ip: string): string {
  const t = ip.trim();
  if (isIP(t) === 4) return t;
  const g = ipv6Groups(t);
  if (!g) return t.toLowerCase();
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) {
    return `${g[6] >> 8}.${g[6] & 255}.${g[7] >> 8}.${g[7] & 255}`;
  }
  return g.slice(0, 4).map((x) => x.toString(16)).join(':') + '::/64';
}

const processSalt = randomBytes(32).toString('hex');

/**
 * Salted hash of a client IP, used as rate-limit key and stored as `client_hash`.
 * The raw IP is never stored. Without a configured salt a random per-process salt is
 * used (hashes then cannot be linked across restarts).
 */
export function clientKey(ip: string, salt?: string | null): string {
  return createHmac('sha256', salt || processSalt).update(clientNetwork(ip)).digest('hex').slice(0, 32);
}
