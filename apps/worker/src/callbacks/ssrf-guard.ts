import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { CallbackRefusedError } from '../errors.js';

function refuse(message: string, reason: CallbackRefusedError['reason']): CallbackRefusedError {
  return new CallbackRefusedError(message, reason);
}

export type Family = 4 | 6;
export interface ResolvedAddress {
  address: string;
  family: Family;
}
export type Resolver = (hostname: string) => Promise<ResolvedAddress[]>;

export const systemResolver: Resolver = async (hostname) => {
  const all = await dnsLookup(hostname, { all: true, verbatim: true });
  return all.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

const FORBIDDEN_V4: [string, number][] = [
  ['0.0.0.0', 8], // "this network", includes 0.0.0.0
  ['10.0.0.0', 8],
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8],
  ['169.254.0.0', 16], // link-local, cloud metadata
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, broadcast
];
const FORBIDDEN_V6: [string, number][] = [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // old site-local
  ['ff00::', 8], // multicast
];

function forbiddenList(): BlockList {
  const list = new BlockList();
  for (const [net, prefix] of FORBIDDEN_V4) list.addSubnet(net, prefix, 'ipv4');
  for (const [net, prefix] of FORBIDDEN_V6) list.addSubnet(net, prefix, 'ipv6');
  return list;
}
const FORBIDDEN = forbiddenList();

function hexPairToV4(hi: number, lo: number): string {
  return `${hi >> 8}.${hi & 0xff}.${lo >> 8}.${lo & 0xff}`;
}

/** Expands an IPv6 address to 8 numbers, or undefined if it is not one. */
function parseV6(address: string): number[] | undefined {
  let a = address.toLowerCase();
  const zone = a.indexOf('%');
  if (zone >= 0) a = a.slice(0, zone);
  // Trailing dotted IPv4 (e.g. ::ffff:1.2.3.4)
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(a);
  if (v4) {
    const o = v4[1]!.split('.').map(Number);
    a = a.slice(0, -v4[1]!.length) + `${((o[0]! << 8) | o[1]!).toString(16)}:${((o[2]! << 8) | o[3]!).toString(16)}`;
  }
  const [head, tail] = a.split('::') as [string, string | undefined];
  const h = head ? head.split(':') : [];
  const t = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const fill = a.includes('::') ? 8 - h.length - t.length : 0;
  const parts = [...h, ...Array<string>(fill).fill('0'), ...t].map((x) => parseInt(x, 16));
  return parts.length === 8 && parts.every((n) => Number.isInteger(n) && n >= 0 && n <= 0xffff) ? parts : undefined;
}

/** IPv4 embedded in an IPv6 address (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::, 6to4 2002::). */
export function embeddedIPv4(address: string): string | undefined {
  const p = parseV6(address);
  if (!p) return undefined;
  const zeros = (from: number, to: number) => p.slice(from, to).every((n) => n === 0);
  if (zeros(0, 5) && p[5] === 0xffff) return hexPairToV4(p[6]!, p[7]!);
  if (zeros(0, 6) && (p[6] !== 0 || p[7]! > 1)) return hexPairToV4(p[6]!, p[7]!);
  if (p[0] === 0x64 && p[1] === 0xff9b && zeros(2, 6)) return hexPairToV4(p[6]!, p[7]!);
  if (p[0] === 0x2002) return hexPairToV4(p[1]!, p[2]!);
  return undefined;
}

/** True if the address is loopback, private, link-local, unspecified, multicast or otherwise not public. */
export function isForbiddenAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return FORBIDDEN.check(address, 'ipv4');
  if (family === 6) {
    const v4 = embeddedIPv4(address);
    if (v4 !== undefined && FORBIDDEN.check(v4, 'ipv4')) return true;
    const bare = address.split('%')[0]!;
    return FORBIDDEN.check(bare, 'ipv6');
  }
  return true; // not an IP address at all: refuse
}

/** Parsed CALLBACK_ALLOWLIST: host names (exact, case-insensitive) and IPs/CIDRs (v4 or v6). */
export class CallbackAllowlist {
  private readonly hosts = new Set<string>();
  private readonly nets = new BlockList();
  private empty = true;

  constructor(entries: readonly string[]) {
    for (const raw of entries) {
      const entry = raw.trim().toLowerCase().replace(/^\[(.*)\]$/, '$1');
      if (!entry) continue;
      this.empty = false;
      const slash = entry.indexOf('/');
      if (slash >= 0) {
        const net = entry.slice(0, slash).replace(/^\[(.*)\]$/, '$1');
        const prefix = Number(entry.slice(slash + 1));
        const fam = isIP(net);
        if (!fam || !Number.isInteger(prefix) || prefix < 0 || prefix > (fam === 4 ? 32 : 128)) {
          throw new RangeError(`CALLBACK_ALLOWLIST: bad CIDR "${raw}"`);
        }
        this.nets.addSubnet(net, prefix, fam === 4 ? 'ipv4' : 'ipv6');
      } else if (isIP(entry)) {
        this.nets.addAddress(entry, isIP(entry) === 4 ? 'ipv4' : 'ipv6');
      } else if (/^[a-z0-9.-]+$/.test(entry)) {
        this.hosts.add(entry.replace(/\.$/, ''));
      } else {
        throw new RangeError(`CALLBACK_ALLOWLIST: bad entry "${raw}" (expected a host name, IP or CIDR)`);
      }
    }
  }

  allowsHost(hostname: string): boolean {
    return !this.empty && this.hosts.has(hostname.toLowerCase().replace(/\.$/, ''));
  }

  allowsAddress(address: string): boolean {
    if (this.empty) return false;
    const fam = isIP(address);
    if (fam === 4) return this.nets.check(address, 'ipv4');
    if (fam === 6) {
      const v4 = embeddedIPv4(address);
      return this.nets.check(address.split('%')[0]!, 'ipv6') || (v4 !== undefined && this.nets.check(v4, 'ipv4'));
    }
    return false;
  }
}

export interface CheckedTarget {
  url: URL;
  /** Host name without IPv6 brackets. */
  hostname: string;
  /** The address to connect to (checked; pin it to avoid DNS rebinding). */
  address: string;
  family: Family;
}

/**
 * Checks a callback URL: http(s) only, and every address the host resolves to must be public
 * unless the host name or the address is allow-listed. Returns the address to connect to.
 */
export async function checkCallbackUrl(
  rawUrl: string,
  allowlist: CallbackAllowlist,
  resolve: Resolver = systemResolver,
): Promise<CheckedTarget> {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw refuse(`callbackUrl is not a valid URL`, 'invalid-url');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw refuse(`callbackUrl must use http or https, not ${url.protocol}`, 'invalid-url');
  }
  if (url.username || url.password) throw refuse('callbackUrl must not contain credentials', 'invalid-url');
  const hostname = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const hostAllowed = allowlist.allowsHost(hostname);
  let addresses: ResolvedAddress[];
  if (isIP(hostname)) {
    addresses = [{ address: hostname, family: isIP(hostname) === 6 ? 6 : 4 }];
  } else {
    try {
      addresses = await resolve(hostname);
    } catch (err) {
      throw refuse(`callbackUrl host ${hostname} does not resolve: ${(err as Error).message}`, 'unresolvable');
    }
    if (addresses.length === 0) throw refuse(`callbackUrl host ${hostname} does not resolve`, 'unresolvable');
  }
  if (!hostAllowed) {
    for (const a of addresses) {
      if (isForbiddenAddress(a.address) && !allowlist.allowsAddress(a.address)) {
        throw refuse(
          `callbackUrl host ${hostname} resolves to non-public address ${a.address}; add the host or a CIDR to CALLBACK_ALLOWLIST to allow it`,
          'forbidden-address',
        );
      }
    }
  }
  const first = addresses[0]!;
  return { url, hostname, address: first.address, family: first.family };
}
