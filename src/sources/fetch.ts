/**
 * Fetching a page or feed over HTTP(S) with bounds on everything a remote server controls: the
 * time it takes, the bytes it sends, where it redirects, and which addresses it can make Dyad
 * connect to. Redirects are followed by hand so every hop is checked, its scheme and the address
 * its connection reaches alike: what is fetched becomes readable through the open API, so a URL,
 * a redirect or a feed's link must not turn Dyad into a reader of the server's own network.
 */
import { isIP } from 'node:net';
import { problem, type SourceProblem } from './article.ts';
import { charsetFromContentType } from './charset.ts';
import { BlockedAddressError, connectGuard, type AddressPolicy } from './connect-guard.ts';
import { ACCEPT_ENCODING, createAgents, destroyAgents, httpGet, type HopResponse } from './http-get.ts';

/** Bounds on one fetch, and the addresses it may reach; every field has a default. */
export interface FetchLimits extends AddressPolicy {
  /** For the whole fetch: connection, every redirect and the body. */
  readonly timeoutMs?: number;
  /** Body size (decoded); a longer body is cut off and refused. */
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  readonly userAgent?: string;
}

export const DEFAULT_FETCH_LIMITS: Required<Omit<FetchLimits, keyof AddressPolicy>> = {
  timeoutMs: 15_000,
  maxBytes: 5 * 1024 * 1024,
  maxRedirects: 5,
  userAgent: 'Dyad/0.1 (international-relations event coder; reads news pages and feeds)',
};

/** A fetched response body and what its headers say about it. */
export interface FetchedSource {
  /** The address after redirects. */
  readonly url: string;
  readonly status: number;
  /** The media type in lower case without parameters ("text/html"), or "" when none is sent. */
  readonly contentType: string;
  readonly charset?: string;
  readonly body: Uint8Array;
  /** The validators the server sent, for a conditional request next time. */
  readonly etag?: string;
  readonly lastModified?: string;
}

/**
 * Validators from an earlier answer: sent as If-None-Match and If-Modified-Since, so that a
 * server whose resource has not changed answers 304 with no body (then `status` is 304, `body` empty).
 */
export interface Validators {
  readonly etag?: string;
  readonly lastModified?: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
const ACCEPT = 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/xml;q=0.9, text/plain;q=0.8, */*;q=0.1';

/** Whether an input names a URL (has a scheme) rather than a file path; "C:\..." is a path. */
export function hasScheme(input: string): boolean {
  return /^[a-z][a-z0-9+.-]+:/i.test(input);
}

/** Whether a URL is one Dyad fetches: http or https. */
export function isHttpUrl(input: string): boolean {
  return /^https?:\/\//i.test(input);
}

/**
 * Fetch an http(s) address within the limits: the body, or a problem saying which bound broke.
 * Throws a TypeError only for limits that make no sense (an allowAddresses entry that is no address).
 */
export async function fetchSource(address: string, limits: FetchLimits = {}, validators: Validators = {}): Promise<FetchedSource | SourceProblem> {
  const { timeoutMs, maxBytes, maxRedirects, userAgent } = { ...DEFAULT_FETCH_LIMITS, ...limits };
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return problem(address, 'unreadable', `${address}: not a valid URL`);
  }
  if (!isHttpUrl(url.href)) return problem(address, 'bad_scheme', `${address}: only http and https addresses are fetched, not ${url.protocol}`);
  const guard = connectGuard(limits);
  const agents = createAgents(guard.lookup);
  const headers = {
    'user-agent': userAgent, accept: ACCEPT, 'accept-encoding': ACCEPT_ENCODING,
    ...(validators.etag !== undefined && { 'if-none-match': validators.etag }),
    ...(validators.lastModified !== undefined && { 'if-modified-since': validators.lastModified }),
  };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  // The address as the URL parser spells it ("http://2130706433" is http://127.0.0.1/): hops are told from it.
  const start = url.href;
  /** The current hop, for messages: "redirected to URL: " once the first address is left. */
  const hop = (): string => (url.href === start ? '' : `redirected to ${url.href}: `);
  try {
    for (let hops = 0; ; hops++) {
      // Node connects to what net.isIP takes for an address without a lookup, so the guard's
      // lookup never sees it: it is checked here.
      const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
      const literal = isIP(host) !== 0 ? guard.check(host, host) : undefined;
      if (literal) return problem(address, 'blocked_address', `${address}: ${hop()}${literal.message}`);
      const res = await httpGet(url, headers, agents, controller.signal);
      if (REDIRECTS.has(res.status)) {
        res.discard();
        const location = res.header('location');
        if (location === undefined) return problem(address, 'http_status', `${address}: HTTP ${res.status} redirect without a Location`);
        if (hops >= maxRedirects) return problem(address, 'too_many_redirects', `${address}: more than ${maxRedirects} redirects`);
        const next = URL.canParse(location, url.href) ? new URL(location, url) : undefined;
        if (next === undefined) return problem(address, 'unreadable', `${address}: redirect to an invalid address "${location}"`);
        if (!isHttpUrl(next.href)) return problem(address, 'bad_scheme', `${address}: redirected to ${next.protocol} (${next.href}), only http and https are followed`);
        url = next;
        continue;
      }
      const etag = res.header('etag');
      const lastModified = res.header('last-modified');
      const kept = { ...(etag !== undefined && { etag }), ...(lastModified !== undefined && { lastModified }) };
      if (res.status === 304 && (validators.etag !== undefined || validators.lastModified !== undefined)) {
        res.discard();
        return { url: url.href, status: 304, contentType: '', body: new Uint8Array(0), ...validators, ...kept };
      }
      if (res.status < 200 || res.status > 299) {
        res.discard();
        return problem(address, 'http_status', `${address}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${url.href === start ? '' : ` at ${url.href}`}`);
      }
      const tooLarge = problem(address, 'too_large', `${address}: larger than ${maxBytes} bytes`);
      if (Number(res.header('content-length') ?? 0) > maxBytes) {
        res.discard();
        return tooLarge;
      }
      const body = await readLimited(res, maxBytes);
      if (body === undefined) return tooLarge;
      const header = res.header('content-type');
      const charset = charsetFromContentType(header);
      return {
        url: url.href,
        status: res.status,
        contentType: (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
        ...(charset !== undefined && { charset }),
        body,
        ...kept,
      };
    }
  } catch (e) {
    if (timedOut) return problem(address, 'timeout', `${address}: no complete answer within ${timeoutMs / 1000} s`);
    if (e instanceof BlockedAddressError) return problem(address, 'blocked_address', `${address}: ${hop()}${e.message}`);
    return problem(address, 'unreadable', `${address}: ${hop()}${describe(e)}`);
  } finally {
    clearTimeout(timer);
    destroyAgents(agents);
  }
}

/** The body, streamed and cut off past `max` bytes (then undefined): Content-Length may lie or be absent. */
async function readLimited(res: HopResponse, max: number): Promise<Uint8Array | undefined> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of res.body as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > max) {
      res.discard();
      return undefined;
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks, total);
}

/** A network error as people read it, with its system code ("ECONNREFUSED") when the message lacks it. */
function describe(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const code = (e as { code?: unknown } | undefined)?.code;
  return typeof code === 'string' && !message.includes(code) ? `${message} (${code})` : message;
}
