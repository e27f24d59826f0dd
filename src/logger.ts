/** Structured logging: one JSON object per line, or a readable line on a terminal. Secrets are redacted. */

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';
export type LogFields = Record<string, unknown>;

export interface Logger {
  debug(msg: string, fields?: LogFields): void;
  info(msg: string, fields?: LogFields): void;
  warn(msg: string, fields?: LogFields): void;
  error(msg: string, fields?: LogFields): void;
  /** A logger that adds `fields` to every line. */
  child(fields: LogFields): Logger;
}

export interface LoggerOptions {
  level?: LogLevel;
  /** Strings that must never be printed (tokens); each is replaced by `[redacted]`. */
  secrets?: string[];
  /** Where lines go; defaults to stderr so stdout stays clean for machine output. */
  write?: (line: string) => void;
  /** `json` for machines, `pretty` for people; defaults to pretty on a TTY. */
  format?: 'json' | 'pretty';
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };

/** Replaces every occurrence of each secret (and anything shaped like a bot token) in `text`. */
export function redact(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const s of secrets) if (s.length >= 8) out = out.split(s).join('[redacted]');
  // A Discord bot token: base64 id . timestamp . hmac — redact even when we were not told about it.
  return out.replace(/[MNO][\w-]{23,27}\.[\w-]{6}\.[\w-]{27,40}/g, '[redacted]');
}

function serialise(value: unknown): unknown {
  if (value instanceof Error) return { name: value.name, message: value.message, stack: value.stack };
  return value;
}

/** Creates a logger. */
export function createLogger(options: LoggerOptions = {}, bound: LogFields = {}): Logger {
  const level = options.level ?? 'info';
  const secrets = options.secrets ?? [];
  const write = options.write ?? ((line: string) => process.stderr.write(line + '\n'));
  const format = options.format ?? (process.stderr.isTTY ? 'pretty' : 'json');

  const emit = (lvl: Exclude<LogLevel, 'silent'>, msg: string, fields: LogFields = {}) => {
    if (ORDER[lvl] < ORDER[level]) return;
    const all: LogFields = { ...bound, ...fields };
    let line: string;
    if (format === 'json') {
      const record: LogFields = { time: new Date().toISOString(), level: lvl, msg };
      for (const [k, v] of Object.entries(all)) record[k] = serialise(v);
      line = JSON.stringify(record);
    } else {
      const extras = Object.entries(all)
        .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(serialise(v))}`)
        .join(' ');
      line = `${new Date().toISOString().slice(11, 23)} ${lvl.toUpperCase().padEnd(5)} ${msg}${extras ? '  ' + extras : ''}`;
    }
    write(redact(line, secrets));
  };

  return {
    debug: (m, f) => emit('debug', m, f),
    info: (m, f) => emit('info', m, f),
    warn: (m, f) => emit('warn', m, f),
    error: (m, f) => emit('error', m, f),
    child: (fields) => createLogger(options, { ...bound, ...fields }),
  };
}

/** A logger that prints nothing (tests, library defaults). */
export const silentLogger: Logger = createLogger({ level: 'silent' });
