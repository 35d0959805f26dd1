/**
 * The progress of a long run on standard error: a bar with the items done of the total, the rate
 * and the time left (cli-progress, the bar most Node CLIs use: it redraws at most 10 times a
 * second and computes the time left over the recent rate). Drawn only when standard error is a
 * terminal; a pipe or a log file gets nothing but the summary at the end.
 */
import cliProgress from 'cli-progress';

export interface Progress {
  /** One more item done; `total` grows when the run finds more items than it expected (a feed). */
  tick(done: number, address: string): void;
  /** Clear the bar, before the summary is printed. */
  stop(): void;
}

/** "42s", "3m05s", "1h02m". */
export function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

const QUIET: Progress = { tick: () => {}, stop: () => {} };

/** A progress bar over `total` items on a terminal, else nothing. */
export function progressBar(total: number, stream: NodeJS.WriteStream = process.stderr): Progress {
  if (!stream.isTTY) return QUIET;
  const started = Date.now();
  const bar = new cliProgress.SingleBar({
    stream,
    format: '{bar} {value}/{total} items | {rate}/s | {left} left | {address}',
    barsize: 24,
    hideCursor: true,
    clearOnComplete: true,
  }, cliProgress.Presets.shades_classic);
  bar.start(Math.max(total, 1), 0, { rate: '0.0', left: '?', address: '' });
  return {
    tick(done, address) {
      if (done > bar.getTotal()) bar.setTotal(done);
      // Over the whole run so far: items differ too much in size for a recent rate to say more.
      const rate = done / Math.max((Date.now() - started) / 1000, 0.001);
      bar.update(done, { rate: rate.toFixed(1), left: duration((bar.getTotal() - done) / rate), address: address.length > 40 ? `…${address.slice(-39)}` : address });
    },
    stop() {
      bar.stop();
    },
  };
}
