/**
 * The queue: pg-boss (docs/scale-out.md says why), in a schema of its own in the archive's
 * PostgreSQL database. One open queue per process; it creates its tables and the three queues
 * on first use, so `dyad ingest --queue` and `dyad worker` may be started in any order.
 */
import type PgBoss from 'pg-boss';
import { StoreError } from '../store/index.ts';
import { JOB_KINDS, queueName } from './jobs.ts';
import { queueLocation } from './location.ts';
import { DEFAULT_MAINTENANCE_SECONDS, JOB_POLICIES } from './policy.ts';

export interface QueueOptions {
  /** How often (seconds) this process runs the queue's maintenance: expired jobs back to the queue. */
  readonly maintenanceSeconds?: number;
  /** Whether this process runs maintenance at all (a worker does; a command that only enqueues need not). */
  readonly supervise?: boolean;
}

/** An open queue: the pg-boss instance, and where it lives (for messages and status queries). */
export interface OpenQueue {
  readonly boss: PgBoss;
  readonly schema: string;
  /** The archive URL without its password, for messages. */
  readonly location: string;
  close(options?: { readonly graceful?: boolean; readonly timeoutMs?: number }): Promise<void>;
}

/** Open the queue of a postgres:// archive, creating its schema and queues when missing. */
export async function openQueue(archive: string, options: QueueOptions = {}): Promise<OpenQueue> {
  const where = queueLocation(archive);
  const shown = new URL(where.connectionString);
  if (shown.password) shown.password = '***';
  const Boss = await loadPgBoss();
  const boss = new Boss({
    connectionString: where.connectionString,
    schema: where.schema,
    application_name: 'dyad-queue',
    max: 4,
    supervise: options.supervise ?? false,
    schedule: false,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? DEFAULT_MAINTENANCE_SECONDS,
    // Finished jobs stay visible (throughput, re-runs) for a day, failed ones for a week.
    archiveCompletedAfterSeconds: 24 * 3600,
    archiveFailedAfterSeconds: 7 * 24 * 3600,
  });
  // pg-boss reports background errors (a lost connection) as events; without a listener they would crash the process.
  boss.on('error', (error) => process.stderr.write(`dyad: queue: ${error.message}\n`));
  try {
    await boss.start();
    for (const kind of JOB_KINDS) {
      const name = queueName(kind);
      if (!(await boss.getQueue(name))) await createQueue(boss, name, { name, policy: 'standard', ...JOB_POLICIES[kind], retryBackoff: true });
    }
  } catch (error) {
    await boss.stop({ graceful: false, wait: true }).catch(() => undefined);
    throw new StoreError('store_unavailable', `cannot open the job queue in ${shown.href} (schema ${where.schema}): ${(error as Error).message}`, shown.href);
  }
  return {
    boss,
    schema: where.schema,
    location: shown.href,
    close: async ({ graceful = true, timeoutMs = 30_000 } = {}) => {
      await boss.stop({ graceful, timeout: timeoutMs, wait: true });
    },
  };
}

/** Create a queue; another process creating it at the same moment is no error. */
async function createQueue(boss: PgBoss, name: string, queue: PgBoss.Queue): Promise<void> {
  try {
    await boss.createQueue(name, queue);
  } catch (error) {
    if (!(await boss.getQueue(name))) throw error;
  }
}

/** pg-boss, loaded only when a queue is opened: a SQLite archive needs neither it nor pg. */
async function loadPgBoss(): Promise<typeof PgBoss> {
  // A variable specifier keeps the package optional for the type-check's module graph too.
  const specifier = 'pg-boss';
  try {
    return ((await import(specifier)) as { default: typeof PgBoss }).default;
  } catch (error) {
    throw new StoreError('store_unavailable', `a job queue needs the pg-boss package (npm install pg-boss@10): ${(error as Error).message}`);
  }
}
