import type { Logger } from '../logger.js';
import type { BotMetrics } from './metrics.js';

/** The message of the router's one log line per handled interaction. */
export const INTERACTION_LOG_MESSAGE = 'interaction';

/**
 * A logger that also feeds each interaction's log line to the metrics. The router already gathers
 * everything worth counting (command, outcome, answered, vote, latency) into that one line, so
 * metrics are derived from it rather than from calls scattered through the commands.
 */
export function tapInteractions(logger: Logger, metrics: BotMetrics): Logger {
  return {
    debug: (msg, fields) => logger.debug(msg, fields),
    info: (msg, fields) => {
      logger.info(msg, fields);
      if (msg === INTERACTION_LOG_MESSAGE && fields) metrics.observeInteraction(fields);
    },
    warn: (msg, fields) => logger.warn(msg, fields),
    error: (msg, fields) => logger.error(msg, fields),
    child: (fields) => tapInteractions(logger.child(fields), metrics),
  };
}
