/**
 * The bot's side of the error model (src/errors.ts): what an unexpected failure tells the user.
 * An expected refusal is a `UserFacingError` and is shown as is; the router's reportFailure
 * (interaction-outcome.ts) tells them apart with `instanceof`.
 */

// Re-exported while branches that import them from here move to src/errors.ts.
export { ExpiredAnswerError, UserFacingError } from '../errors.js';

/** What an unexpected failure tells the user; the details go to the log only. */
export const APOLOGY = 'Sorry, something went wrong while handling that. It has been logged; please try again in a moment.';
