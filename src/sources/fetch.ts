/**
 * Fetching a page or feed over HTTP(S) with bounds on everything a remote server controls: the
 * time it takes, the bytes it sends, and where it redirects. Redirects are followed by hand so
 * every hop is checked; fetch's own following would take a server's word for any scheme and any
 * number of hops.
 */
import { problem, type SourceProblem } from './article.ts';
import { charsetFromContentType } from './charset.ts';

/** Bounds on one fetch; every field has a default. */
export interface FetchLimits {
  /** For the whole fetch: connection, every redirect and the body. */
  readonly timeoutMs?: number;
  /** Body size; a longer body is cut off and refused. */
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  readonly userAgent?: string;
}

export const DEFAULT_FETCH_LIMITS: Required<FetchLimits> = {
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

/** Fetch an http(s) address within the limits: the body, or a problem saying which bound broke. */
export async function fetchSource(address: string, limits: FetchLimits = {}): Promise<FetchedSource | SourceProblem> {
  const { timeoutMs, maxBytes, maxRedirects, userAgent } = { ...DEFAULT_FETCH_LIMITS, ...limits };
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return problem(address, 'unreadable', `${address}: not a valid URL`);
  }
  if (!isHttpUrl(url.href)) return problem(address, 'bad_scheme', `${address}: only http and https addresses are fetched, not ${url.protocol}`);
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    for (let hops = 0; ; hops++) {
      const res = await fetch(url, { redirect: 'manual', signal: controller.signal, headers: { 'user-agent': userAgent, accept: ACCEPT } });
      if (REDIRECTS.has(res.status)) {
        await res.body?.cancel();
        const location = res.headers.get('location');
        if (location === null) return problem(address, 'http_status', `${address}: HTTP ${res.status} redirect without a Location`);
        if (hops >= maxRedirects) return problem(address, 'too_many_redirects', `${address}: more than ${maxRedirects} redirects`);
        const next = URL.canParse(location, url.href) ? new URL(location, url) : undefined;
        if (next === undefined) return problem(address, 'unreadable', `${address}: redirect to an invalid address "${location}"`);
        if (!isHttpUrl(next.href)) return problem(address, 'bad_scheme', `${address}: redirected to ${next.protocol} (${next.href}), only http and https are followed`);
        url = next;
        continue;
      }
      if (res.status < 200 || res.status > 299) {
        await res.body?.cancel();
        return problem(address, 'http_status', `${address}: HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''}${url.href === address ? '' : ` at ${url.href}`}`);
      }
      const tooLarge = problem(address, 'too_large', `${address}: larger than ${maxBytes} bytes`);
      if (Number(res.headers.get('content-length') ?? 0) > maxBytes) {
        await res.body?.cancel();
        return tooLarge;
      }
      const body = await readLimited(res, maxBytes);
      if (body === undefined) return tooLarge;
      const header = res.headers.get('content-type');
      const charset = charsetFromContentType(header);
      return {
        url: url.href,
        status: res.status,
        contentType: (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '',
        ...(charset !== undefined && { charset }),
        body,
      };
    }
  } catch (e) {
    if (timedOut) return problem(address, 'timeout', `${address}: no complete answer within ${timeoutMs / 1000} s`);
    return problem(address, 'unreadable', `${address}: ${describe(e)}`);
  } finally {
    clearTimeout(timer);
  }
}

/** The body, streamed and cut off past `max` bytes (then undefined): Content-Length may lie or be absent. */
async function readLimited(res: Response, max: number): Promise<Uint8Array | undefined> {
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > max) {
      await reader.cancel();
      return undefined;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/** A network error as people read it: fetch hides the system error ("ECONNREFUSED") in its cause. */
function describe(e: unknown): string {
  const cause = e instanceof Error ? (e.cause as { code?: unknown; message?: unknown } | undefined) : undefined;
  const code = typeof cause?.code === 'string' ? cause.code : undefined;
  const message = e instanceof Error ? e.message : String(e);
  return code ? `${message} (${code})` : message;
}
