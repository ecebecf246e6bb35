/**
 * Command-line arguments, for every Lockstep command: `node:util` `parseArgs` reads the flags (strictly: an unknown flag
 * or a flag without its value is refused), then a zod/mini schema checks their values, as every other outside input is
 * checked. Whatever is wrong is a UsageError with one line that names the flag; `exitOnUsage` is the one way a command
 * turns it into exit code 2.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import * as z from 'zod/mini';

/** The user called the command wrongly (exit 2), as opposed to a failure while it ran (exit 1). */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

/** What `parseArgs` says, in one short line that names the flag (its own messages run to three sentences). */
function usageLine(e: unknown, hint: string): string {
  const err = e as NodeJS.ErrnoException;
  const flag = /'(-{1,2}[\w-]+)/.exec(err.message)?.[1];
  if (err.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return `unknown option '${flag}'${hint ? ` (${hint})` : ''}`;
  if (err.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `${flag} needs a value`;
  if (err.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `unexpected argument ${/'([^']*)'/.exec(err.message)?.[0] ?? ''}`.trim();
  return err.message;
}

/**
 * Reads `argv` with these flags and checks the values with `schema`; the first problem is thrown as a UsageError.
 * `hint` follows "unknown option" (what the command expects instead).
 */
export function parseCommandLine<T>(
  argv: string[],
  options: Options,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: readonly { message: string }[] } } },
  hint = '',
): T {
  let values: unknown;
  try {
    values = parseArgs({ args: argv, options, strict: true, allowPositionals: false }).values;
  } catch (e) {
    throw new UsageError(usageLine(e, hint));
  }
  const r = schema.safeParse({ ...(values as object) });
  if (!r.success) throw new UsageError(r.error.issues[0]?.message ?? 'invalid arguments');
  return r.data;
}

/** One of these words, or a message that names the flag and lists them. */
export const oneOf = <const W extends readonly [string, ...string[]]>(flag: string, words: W) =>
  z.enum(words, { error: (i) => `${flag} must be ${words.slice(0, -1).join(', ')} or ${words.at(-1)}, not '${String(i.input)}'` });

/** An ISO-8601 date-time, for `--now`. */
export const isoTime = z.string().check(
  z.refine((s) => /^\d{4}-\d{2}-\d{2}/.test(s) && !Number.isNaN(Date.parse(s)), {
    error: (i) => `--now must be an ISO-8601 date-time, not '${String(i.input)}'`,
  }),
);

/**
 * Runs a command's body; a UsageError (or an error the command counts as one) prints `command: message` on stderr and
 * exits 2, any other error exits 1. The one exit-2 path of every command.
 */
export async function exitOnUsage(command: string, body: () => Promise<void> | void, isUsage: (e: unknown) => string | undefined = () => undefined) {
  try {
    await body();
  } catch (e) {
    const usage = e instanceof UsageError ? e.message : isUsage(e);
    console.error(`${command}: ${usage ?? (e as Error).message}`);
    process.exit(usage !== undefined ? 2 : 1);
  }
}
