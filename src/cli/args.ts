import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './io.js';

/** Parses a command's arguments strictly; an unknown flag is a UsageError that says which. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(
  args: string[],
  options: T,
  usage: string,
) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\nusage: ${usage}`);
  }
}
