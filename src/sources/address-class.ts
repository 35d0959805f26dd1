/**
 * The class of an IP address, as far as fetching cares: public, or one of the kinds a fetch must
 * not reach by default (loopback, private networks, link-local, ...), because what Dyad fetches
 * ends up readable through its open API.
 *
 * The ranges come from ipaddr.js, which keeps IANA's special-purpose registries for IPv4 and IPv6
 * (including IPv4-mapped, NAT64 and 6to4 forms) and is the classifier Express's proxy-addr and
 * request-filtering-agent rely on. What is added here is the policy: IPv6 forms that carry an
 * IPv4 address are judged by that address, and IPv6 outside global unicast (2000::/3) is reserved.
 */
import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/** The classes of address that are refused unless the caller allows them. */
export const ADDRESS_CLASSES = [
  'loopback',
  'private',
  'shared',
  'link-local',
  'site-local',
  'unique-local',
  'multicast',
  'broadcast',
  'unspecified',
  'reserved',
] as const;
export type AddressClass = (typeof ADDRESS_CLASSES)[number];

/** What an address is when it is not public; `ipv4` is the IPv4 address an IPv6 form carries. */
export interface NonPublic {
  readonly addressClass: AddressClass;
  readonly ipv4?: string;
}

const V4_CLASSES: Readonly<Record<string, AddressClass>> = {
  unspecified: 'unspecified',
  broadcast: 'broadcast',
  multicast: 'multicast',
  linkLocal: 'link-local',
  loopback: 'loopback',
  private: 'private',
  carrierGradeNat: 'shared',
};

const V6_CLASSES: Readonly<Record<string, AddressClass>> = {
  unspecified: 'unspecified',
  linkLocal: 'link-local',
  multicast: 'multicast',
  loopback: 'loopback',
  uniqueLocal: 'unique-local',
  deprecatedSiteLocal: 'site-local',
};

const NAT64_WELL_KNOWN = ipaddr.parseCIDR('64:ff9b::/96');
const GLOBAL_UNICAST = ipaddr.parseCIDR('2000::/3');

/**
 * The class of an IP address, or undefined for a public one. Throws on a string that is no IP
 * address: callers pass what a resolver or a parsed URL gave.
 */
export function classifyAddress(ip: string): NonPublic | undefined {
  const parsed = ipaddr.parse(ip);
  if (parsed.kind() === 'ipv4') return classifyV4(parsed as ipaddr.IPv4);
  const v6 = parsed as ipaddr.IPv6;
  const range = v6.range();
  const known = V6_CLASSES[range];
  if (known !== undefined) return { addressClass: known };
  // IPv4-mapped, SIIT and NAT64's well-known /96 end in the IPv4 address a packet reaches.
  if (range === 'ipv4Mapped' || range === 'rfc6145' || (range === 'rfc6052' && v6.match(NAT64_WELL_KNOWN))) {
    return embedded(v6.parts[6] ?? 0, v6.parts[7] ?? 0);
  }
  // 6to4 (2002:AABB:CCDD::/48) carries the IPv4 address of its relay in bits 16-47.
  if (range === '6to4') return embedded(v6.parts[1] ?? 0, v6.parts[2] ?? 0);
  // Everything else ipaddr.js names (Teredo, NAT64's local-use /48, documentation, benchmarking,
  // ORCHID, ...) and all of IPv6 outside 2000::/3 (such as the old IPv4-compatible ::a.b.c.d) is
  // no address a news site answers on.
  if (range !== 'unicast' || !v6.match(GLOBAL_UNICAST)) return { addressClass: 'reserved' };
  return undefined;
}

function classifyV4(v4: ipaddr.IPv4): NonPublic | undefined {
  const range = v4.range();
  if (range === 'unicast') return undefined;
  return { addressClass: V4_CLASSES[range] ?? 'reserved' };
}

/** An IPv6 form judged by the IPv4 address it carries in two 16-bit parts. */
function embedded(high: number, low: number): NonPublic | undefined {
  const v4 = new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  const inner = classifyV4(v4);
  return inner && { addressClass: inner.addressClass, ipv4: v4.toString() };
}

/** "a loopback address", "the broadcast address": the class as a message names it. */
export function describeClass(c: AddressClass): string {
  switch (c) {
    case 'shared': return 'a shared (carrier-grade NAT) address';
    case 'broadcast': return 'the broadcast address';
    case 'unspecified': return 'an unspecified address';
    case 'unique-local': return 'a unique-local address';
    default: return `a ${c} address`;
  }
}

/** A parsed allow-list: addresses and CIDR ranges, IPv4 entries matching IPv4-mapped IPv6 too. */
export interface AddressList {
  /** Whether the list holds an address. */
  has(ip: string): boolean;
}

/**
 * Parse addresses and CIDR ranges ("10.1.2.3", "10.1.0.0/16", "fd00::/8"). Throws a TypeError
 * naming the first entry that is neither.
 */
export function parseAddressList(entries: readonly string[]): AddressList {
  const ranges = entries.map((entry): [ipaddr.IPv4 | ipaddr.IPv6, number] => {
    const e = entry.trim();
    if (ipaddr.isValidCIDR(e)) return ipaddr.parseCIDR(e);
    if (isIP(e) !== 0) {
      const ip = ipaddr.parse(e);
      return [ip, ip.kind() === 'ipv4' ? 32 : 128];
    }
    throw new TypeError(`"${entry}" is neither an IP address nor a CIDR range such as 10.0.0.0/8`);
  });
  return {
    has(ip) {
      // ipaddr.process unmaps ::ffff:a.b.c.d, so an IPv4 entry matches both forms of its address.
      const candidates = [ipaddr.parse(ip), ipaddr.process(ip)];
      return ranges.some(([net, bits]) => candidates.some((c) => c.kind() === net.kind() && (c as ipaddr.IPv4).match(net as ipaddr.IPv4, bits)));
    },
  };
}
