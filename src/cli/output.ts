/** Writing long output without holding it all in memory. */
import { once } from 'node:events';
import { rename, rm } from 'node:fs/promises';
import { createWriteStream } from 'node:fs';

/** Write text, waiting while the stream's buffer is full (a slow reader, a pipe to `head`). */
export async function writeTo(stream: NodeJS.WritableStream, text: string): Promise<void> {
  if (!stream.write(text)) await once(stream, 'drain');
}

/**
 * Write a file through `write`, under a temporary name renamed into place only once it is
 * complete: an export stopped half-way leaves no half-written file behind.
 */
export async function writeFileWhole(path: string, write: (stream: NodeJS.WritableStream) => Promise<void>): Promise<void> {
  const temporary = `${path}.${process.pid}.part`;
  const stream = createWriteStream(temporary);
  try {
    await once(stream, 'open');
    await write(stream);
    stream.end();
    await once(stream, 'finish');
    await rename(temporary, path);
  } catch (error) {
    stream.destroy();
    await rm(temporary, { force: true });
    throw error;
  }
}
