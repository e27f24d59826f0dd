/**
 * Every expected failure, in one place. Each is a {@link CasefileError} with a machine
 * `identifier` (as Sapphire's `UserError` has), so callers branch with `instanceof` and log the
 * identifier, never the class name or the message. Anything that is not a `CasefileError` is a bug.
 */

/** The machine name of each kind of expected failure; stable, used in logs and metrics. */
export type ErrorIdentifier =
  | 'refused'
  | 'config'
  | 'corpus'
  | 'model-unavailable'
  | 'index-missing'
  | 'index-corrupt'
  | 'reindex-busy'
  | 'index-shrink'
  | 'index-unwritable'
  | 'store-unavailable'
  | 'store-invalid'
  | 'store-copy';

/** Base of the expected failures. */
export abstract class CasefileError extends Error {
  /** What kind of failure this is, for logs and for code that must not match on text. */
  abstract readonly identifier: ErrorIdentifier;

  /**
   * @param message what went wrong, for a person: names the setting, file or model concerned.
   * @param context facts for the log line (a path, a key); never shown to Discord users.
   */
  constructor(
    message: string,
    readonly context: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    // The subclass's own name, so stack traces and logs say `IndexCorruptError`, not `Error`.
    this.name = new.target.name;
  }
}

/** The base class of one kind of expected failure: a {@link CasefileError} with `identifier` set. */
function expected<I extends ErrorIdentifier>(identifier: I) {
  abstract class Expected extends CasefileError {
    readonly identifier: I = identifier;
  }
  return Expected;
}

/** Every reason a question or an interaction can be refused (a list, so metrics can bound their labels by it). */
export const REFUSAL_REASONS = [
  'empty',
  'too-long',
  'cooldown',
  'expired',
  'stale-button',
  'forbidden',
  'shutting-down',
  'unknown-command',
  'unsupported',
] as const;

/** Why a question or an interaction was refused; also the `outcome` of its log line and a metrics label. */
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/**
 * A refusal the user can do something about (cooldown, missing permission, stale button, an
 * empty question). The bot shows its message as an ephemeral reply and logs it at info, not error.
 */
export class UserFacingError extends expected('refused') {
  constructor(
    message: string,
    readonly reason: RefusalReason,
  ) {
    super(message, { reason });
  }
}

/** A question the engine cannot take (empty, too long). Shown to the user as is. */
export class QuestionError extends UserFacingError {
  constructor(message: string, reason: Extract<RefusalReason, 'empty' | 'too-long'>) {
    super(message, reason);
  }
}

/** A button points at an answer the bot no longer has (too old, or the id is unknown). */
export class ExpiredAnswerError extends UserFacingError {
  constructor() {
    super('This answer has expired, so its buttons no longer work. Please ask again with `/ask`.', 'expired');
  }
}

/** A setting is missing or invalid; the message names the key and how to fix it, never its value. */
export class ConfigError extends expected('config') {}

/** The articles folder is missing or unreadable; names the path. */
export class CorpusError extends expected('corpus') {}

/** The model could not be loaded (not downloaded and offline, or damaged files). Keyword mode follows. */
export class ModelUnavailableError extends expected('model-unavailable') {}

/** There is no index in the embeddings folder yet. */
export class IndexMissingError extends expected('index-missing') {}

/** A file is missing, truncated or altered: its checksum no longer matches the manifest. */
export class IndexCorruptError extends expected('index-corrupt') {}

/** Another reindex held the index folder for longer than we were willing to wait. */
export class ReindexBusyError extends expected('reindex-busy') {}

/**
 * A reindex would drop every article, or more than half of those the index holds (an empty or wrong
 * `ARTICLES_DIR`, most likely). Refused unless asked for (`--allow-shrink`); the index is left as it was.
 */
export class IndexShrinkError extends expected('index-shrink') {}

/** The index folder cannot be written (read-only, full, no permission); `context.code` is the errno code. */
export class IndexUnwritableError extends expected('index-unwritable') {}

/** The shared database (DATABASE_URL) cannot be reached or opened; names the server, never the password. */
export class StoreUnavailableError extends expected('store-unavailable') {}

/** A row read back from the shared database is not in the shape this code writes (another version, a hand edit). */
export class StoredRowError extends expected('store-invalid') {}

/** Copying the SQLite store into PostgreSQL was refused or failed; nothing was copied. */
export class StoreCopyError extends expected('store-copy') {}
