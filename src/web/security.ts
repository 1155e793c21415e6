// A local server is still a server: every request carries the start-up token (or, on a LAN, a logged-in session),
// comes to our own Host name (no DNS rebinding), and a request that changes anything comes from our own pages.
import { randomBytes, scryptSync, timingSafeEqual } from 'node:crypto';

export const COOKIE = 'taizhang_session';

export interface Access {
  /** Host header values this server answers to: `127.0.0.1:4800`, `localhost:4800`, and the LAN name when shared. */
  hosts: Set<string>;
  /** The token printed at start; on the loopback it is the whole credential. */
  token: string;
  /** On a LAN: the password's scrypt hash and salt (the password itself is never kept). */
  password: { salt: Buffer; hash: Buffer } | null;
}

export function newToken(): string {
  return randomBytes(24).toString('base64url');
}

export function hashPassword(password: string): { salt: Buffer; hash: Buffer } {
  const salt = randomBytes(16);
  return { salt, hash: scryptSync(password, salt, 32) };
}

export function passwordMatches(access: Access, password: string): boolean {
  if (!access.password) return false;
  return timingSafeEqual(scryptSync(password, access.password.salt, 32), access.password.hash);
}

export function sameSecret(a: string | undefined, b: string): boolean {
  if (a === undefined) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Sessions opened by a password login on a LAN server; the loopback server needs none (its token is the session). */
export class Sessions {
  private open = new Set<string>();

  create(): string {
    const id = randomBytes(24).toString('base64url');
    this.open.add(id);
    return id;
  }

  valid(id: string | undefined): boolean {
    return id !== undefined && this.open.has(id);
  }
}

/**
 * Failed logins per client address: after `limit` failures within the window, further attempts are refused until
 * it passes, so a password cannot be guessed at network speed.
 */
export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly limit = 5,
    private readonly windowMs = 10 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Minutes until this address may try again, or 0. */
  blockedFor(address: string): number {
    const recent = this.recent(address);
    return recent.length >= this.limit ? Math.ceil((recent[0]! + this.windowMs - this.now()) / 60_000) : 0;
  }

  fail(address: string): void {
    this.failures.set(address, [...this.recent(address), this.now()]);
  }

  succeed(address: string): void {
    this.failures.delete(address);
  }

  private recent(address: string): number[] {
    return (this.failures.get(address) ?? []).filter((t) => t > this.now() - this.windowMs);
  }
}

/** Whether an Origin (or, lacking one, a Referer) names one of our own hosts. */
export function fromOwnPage(access: Access, origin: string | undefined, referer: string | undefined): boolean {
  const source = origin ?? referer;
  if (!source || source === 'null') return false;
  try {
    const url = new URL(source);
    return url.protocol === 'http:' && access.hosts.has(url.host);
  } catch {
    return false;
  }
}
