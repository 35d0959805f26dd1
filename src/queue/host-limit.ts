/**
 * A per-host limit for polling: one request at a time to each host, and at least `gapMs`
 * between the end of one and the start of the next, so that watching many feeds of one site
 * never hammers it. Different hosts are not held up by each other.
 */
export class HostLimit {
  readonly #gapMs: number;
  /** Per host, the end of the last request queued for it (a promise that never rejects). */
  readonly #tails = new Map<string, Promise<void>>();

  constructor(gapMs: number) {
    this.#gapMs = gapMs;
  }

  /** Run `work` when the host of `url` is free, and keep the host for the gap after it. */
  async run<T>(url: string, work: () => Promise<T>): Promise<T> {
    const host = new URL(url).host.toLowerCase();
    const before = this.#tails.get(host) ?? Promise.resolve();
    let release = (): void => undefined;
    const mine = new Promise<void>((resolve) => { release = resolve; });
    this.#tails.set(host, mine);
    await before;
    try {
      return await work();
    } finally {
      // Not unref()ed: a poll waiting for this host is all that may keep the process alive.
      setTimeout(release, this.#gapMs);
    }
  }
}
