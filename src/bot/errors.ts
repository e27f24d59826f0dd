/**
 * An expected failure the user can do something about (cooldown, missing permission, stale
 * button). The router shows its message as an ephemeral reply and logs it at info, not error.
 */
export class UserFacingError extends Error {
  override name = 'UserFacingError';
  /** A short machine-readable reason for the log line, e.g. `cooldown`. */
  readonly reason: string;

  constructor(message: string, reason = 'refused') {
    super(message);
    this.reason = reason;
  }
}

/** A button points at an answer the bot no longer has (too old, or the id is unknown). */
export class ExpiredAnswerError extends UserFacingError {
  override name = 'ExpiredAnswerError';

  constructor() {
    super('This answer has expired, so its buttons no longer work. Please ask again with `/ask`.', 'expired');
  }
}

/**
 * Whether a failure is the user's to fix and can be shown to them as is: ours, or the engine's
 * `QuestionError` (matched by name so the bot's commands need not load the engine module).
 */
export function isUserFacing(error: unknown): error is Error {
  return error instanceof UserFacingError || (error instanceof Error && error.name === 'QuestionError');
}

/** What an unexpected failure tells the user; the details go to the log only. */
export const APOLOGY = 'Sorry, something went wrong while handling that. It has been logged; please try again in a moment.';
