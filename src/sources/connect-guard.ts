/**
 * The check that keeps a fetch from reaching the machine it runs on or its private network: every
 * address a connection is about to be made to is classified first, so a name that resolves to
 * 127.0.0.1, a DNS answer that changes between two lookups (rebinding) and every hop of a redirect
 * chain are judged by the address actually connected to, not by how the URL spells the host.
 *
 * Node connects without a lookup when the host is an IP literal, so those are checked by `check`
 * before the request; names go through `lookup`, which net.connect calls at connect time.
 *
 * This is what request-filtering-agent does for node:http agents, over the same ipaddr.js; it is
 * not used because its refusal is an Error whose text is all it tells (the same words for loopback
 * and a private network, no class to report), it refuses NAT64 and 6to4 addresses of public hosts
 * wholesale, and it takes no resolver, which the tests need to play a name that resolves to
 * loopback or changes its answer.
 */
import { promises as dns, type LookupAddress, type LookupOptions } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { classifyAddress, describeClass, parseAddressList, type NonPublic } from './address-class.ts';

/** Resolves a host name to its addresses (all of them, IPv4 and IPv6). */
export type Resolver = (hostname: string) => Promise<readonly LookupAddress[]>;

/** Which addresses a fetch may connect to; by default public ones only. */
export interface AddressPolicy {
  /** Connect to addresses of every class: loopback, private, link-local, ... (an intranet deployment). */
  readonly allowPrivate?: boolean;
  /** Addresses and CIDR ranges ("10.1.0.0/16") connected to whatever their class: a narrower opening than allowPrivate. */
  readonly allowAddresses?: readonly string[];
  /** How names are resolved (default: the system resolver); its answers are checked like any other. */
  readonly resolve?: Resolver;
}

/** A connection refused because of the class of the address it would reach. */
export class BlockedAddressError extends Error {
  override readonly name = 'BlockedAddressError';

  constructor(
    /** The host as the URL names it. */
    readonly host: string,
    /** The address it is or resolved to. */
    readonly address: string,
    readonly nonPublic: NonPublic,
  ) {
    const ip = nonPublic.ipv4 === undefined ? address : `${address} (IPv4 ${nonPublic.ipv4})`;
    const subject = host === address ? `${ip} is` : `${host} is ${ip},`;
    super(`${subject} ${describeClass(nonPublic.addressClass)}: refused (--allow-private to fetch it)`);
  }
}

/** The checks of one policy: for IP literals, and a lookup for names. */
export interface ConnectGuard {
  /** Why `host`, which is or resolved to `ip`, may not be connected to; undefined when it may. */
  check(host: string, ip: string): BlockedAddressError | undefined;
  /** A lookup for net.connect: resolves, and hands on only the addresses the policy allows. */
  readonly lookup: LookupFunction;
}

const systemResolver: Resolver = (hostname) => dns.lookup(hostname, { all: true });

/** The checks of a policy. Throws a TypeError when allowAddresses holds something that is no address or range. */
export function connectGuard(policy: AddressPolicy = {}): ConnectGuard {
  const allowed = parseAddressList(policy.allowAddresses ?? []);
  const resolve = policy.resolve ?? systemResolver;
  const check = (host: string, ip: string): BlockedAddressError | undefined => {
    if (policy.allowPrivate || allowed.has(ip)) return undefined;
    const nonPublic = classifyAddress(ip);
    return nonPublic && new BlockedAddressError(host, ip, nonPublic);
  };
  const lookup = (hostname: string, options: LookupOptions, callback: Parameters<LookupFunction>[2]): void => {
    resolve(hostname).then((found) => {
      const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : options.family;
      const wanted = found.filter((a) => !family || a.family === family);
      // A name with both public and refused addresses is connected to its public ones only.
      const refusals = wanted.map((a) => check(hostname, a.address));
      const ok = wanted.filter((_, i) => refusals[i] === undefined);
      const first = ok[0];
      if (first === undefined) {
        const refused = refusals.find((r) => r !== undefined);
        callback(refused ?? Object.assign(new Error(`${hostname}: no address${family ? ` of IPv${family}` : ''}`), { code: 'ENOTFOUND' }), '');
      } else if (options.all) {
        callback(null, ok.map((a) => ({ address: a.address, family: a.family })));
      } else {
        callback(null, first.address, first.family);
      }
    }, (e: unknown) => callback(e as NodeJS.ErrnoException, ''));
  };
  return { check, lookup };
}
