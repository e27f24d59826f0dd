import { parseArgs, type ParseArgsConfig } from 'node:util';

/** A command line the script cannot run with; `runMain` prints its message (which ends with the usage) and exits 2. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The options of one script, as `node:util` `parseArgs` takes them; `--help`/`-h` is added for every script. */
export type CliOptions = NonNullable<ParseArgsConfig['options']>;

/** What a script's command line is: its usage text, its options and whether it takes words after them. */
export interface CliSpec<O extends CliOptions> {
  /** Starts with `Usage: …`; printed for `--help` and after every error. */
  usage: string;
  options: O;
  /** Whether free words (a question, say) are allowed; when not, a stray word is an error. */
  positionals?: boolean;
}

type WithHelp<O extends CliOptions> = O & { help: { type: 'boolean'; short: 'h' } };
type Parsed<O extends CliOptions> = ReturnType<
  typeof parseArgs<{ args: string[]; options: WithHelp<O>; allowPositionals: boolean; strict: true }>
>;

/**
 * Parses `argv` strictly: an unknown flag, a missing value or an unexpected word throws a
 * {@link UsageError} whose message is the problem, then the usage. For `--help` it prints the usage
 * to stdout and returns undefined, so the script does nothing else.
 */
export function parseCommandLine<O extends CliOptions>(argv: readonly string[], spec: CliSpec<O>): Parsed<O> | undefined {
  const options = { ...spec.options, help: { type: 'boolean', short: 'h' } } as WithHelp<O>;
  let parsed: Parsed<O>;
  try {
    parsed = parseArgs({ args: [...argv], options, allowPositionals: spec.positionals ?? false, strict: true });
  } catch (error) {
    throw usageError(error instanceof Error ? error.message : String(error), spec.usage);
  }
  if ((parsed.values as { help?: boolean }).help) {
    process.stdout.write(spec.usage + '\n');
    return undefined;
  }
  return parsed;
}

/** A {@link UsageError} saying `problem`, then the usage. */
export function usageError(problem: string, usage: string): UsageError {
  // node's messages end with advice for the caller of parseArgs ("To specify a positional argument
  // starting with a '-', place it at the end of the command after '--'"): keep it, it helps here too.
  return new UsageError(`${problem}\n${usage}`);
}
