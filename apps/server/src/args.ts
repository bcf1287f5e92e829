// Command-line parsing for every `consent-ledger` command: node:util's parseArgs, with its
// errors turned into a usage error (exit code 2) that names the command.
import { type ParseArgsConfig, parseArgs } from 'node:util';

/** A mistake in how a command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {}

/** A mistake in what a command was given (a bad config file, a missing site): exit code 1. */
export class CommandError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** Parses a command's arguments; unknown flags and missing values are usage errors. */
export function parse<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** Reads an integer flag within [min, max]. */
export function integerFlag(
  value: string | undefined,
  name: string,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  const n = /^\d+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max)
    throw new UsageError(`--${name} must be an integer from ${min} to ${max}, not "${value}"`);
  return n;
}
