/**
 * One HTTP(S) GET, redirects not followed, over node:http and node:https. Not Node's fetch: its
 * client (undici, bundled in Node) has no hook for the address a connection is made to, while a
 * node:http agent takes the lookup that every new connection goes through (connect-guard.ts).
 * The body comes decoded from its Content-Encoding, as fetch would give it.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { pipeline, type Readable, type Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';

/** The connection pools of one fetch: every connection they open resolves names with its lookup. */
export interface Agents {
  readonly http: http.Agent;
  readonly https: https.Agent;
}

/** Pools whose connections use `lookup`; kept alive so redirects within a site reuse a checked connection. */
export function createAgents(lookup: LookupFunction): Agents {
  return { http: new http.Agent({ keepAlive: true, lookup }), https: new https.Agent({ keepAlive: true, lookup }) };
}

/** Close every connection of the pools. */
export function destroyAgents(agents: Agents): void {
  agents.http.destroy();
  agents.https.destroy();
}

/** A response: status, headers, and the body as decoded bytes. */
export interface HopResponse {
  readonly status: number;
  readonly statusText: string;
  /** A header's value (the first, when sent more than once). */
  header(name: string): string | undefined;
  readonly body: Readable;
  /** Stop receiving the body. */
  discard(): void;
}

/** The encodings asked for: the ones node:zlib decodes. */
export const ACCEPT_ENCODING = 'gzip, deflate, br';

// Lenient with a body cut short at the end, as browsers and fetch are.
const LENIENT = { finishFlush: constants.Z_SYNC_FLUSH };
const DECODERS: Readonly<Record<string, () => Transform>> = {
  gzip: () => createGunzip(LENIENT),
  'x-gzip': () => createGunzip(LENIENT),
  deflate: () => createInflate(LENIENT),
  br: () => createBrotliDecompress({ finishFlush: constants.BROTLI_OPERATION_FLUSH }),
};

/** GET `url` with `headers` through `agents`; rejects on a connection error, an abort or an unknown encoding. */
export function httpGet(url: URL, headers: Readonly<Record<string, string>>, agents: Agents, signal: AbortSignal): Promise<HopResponse> {
  const https_ = url.protocol === 'https:';
  return new Promise((resolve, reject) => {
    const req = (https_ ? https : http).request(url, { method: 'GET', headers, agent: https_ ? agents.https : agents.http, signal }, (res) => {
      const codings = (res.headers['content-encoding'] ?? '').split(',').map((c) => c.trim().toLowerCase()).filter((c) => c !== '' && c !== 'identity');
      const unknown = codings.find((c) => DECODERS[c] === undefined);
      if (unknown !== undefined) {
        res.destroy();
        reject(new Error(`the body is in an encoding Dyad cannot decode (Content-Encoding: ${unknown})`));
        return;
      }
      // Codings are listed in the order they were applied: undo the last one first.
      // pipeline passes an error of any stage on to the last one, where the reader sees it.
      const body = codings.reverse().reduce<Readable>((from, c) => pipeline(from, (DECODERS[c] as () => Transform)(), () => undefined), res);
      resolve({
        status: res.statusCode ?? 0,
        statusText: res.statusMessage ?? '',
        header: (name) => {
          const v = res.headers[name.toLowerCase()];
          return Array.isArray(v) ? v[0] : v;
        },
        body,
        discard: () => {
          res.destroy();
          body.destroy();
        },
      });
    });
    req.on('error', reject);
    req.end();
  });
}
