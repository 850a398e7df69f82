import type { Readable, Writable } from 'node:stream';

/** The streams and environment a command runs with (the process's, or a test's). */
export interface CliIo {
  stdin: Readable;
  stdout: Writable;
  stderr: Writable;
  env: Record<string, string | undefined>;
}

/** A mistake the person at the keyboard can fix; printed without a stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** Writes a line to a stream. */
export function println(out: Writable, line = ''): void {
  out.write(`${line}\n`);
}
