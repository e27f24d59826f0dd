import { createLogger, type Logger, type LogLevel } from '../../src/logger.js';

/** A real JSON logger whose lines are kept for assertions. */
export interface CapturedLog {
  logger: Logger;
  lines: string[];
  /** Parsed records whose `msg` is exactly `msg`. */
  find(msg: string): Array<Record<string, unknown>>;
}

export function captureLog(level: LogLevel = 'debug', secrets: string[] = []): CapturedLog {
  const lines: string[] = [];
  const logger = createLogger({ level, secrets, format: 'json', write: (line) => lines.push(line) });
  return {
    logger,
    lines,
    find: (msg) => lines.map((l) => JSON.parse(l) as Record<string, unknown>).filter((r) => r.msg === msg),
  };
}
