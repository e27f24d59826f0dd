import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { config as loadDotenv } from 'dotenv';
import { z } from 'zod';
import { ConfigError } from './errors.js';

/** The project root (the folder holding package.json), whether run from `src/` or from `dist/src/`. */
export const PROJECT_ROOT = findRoot(path.dirname(fileURLToPath(import.meta.url)));

function findRoot(dir: string): string {
  for (let d = dir; ; d = path.dirname(d)) {
    if (existsSync(path.join(d, 'package.json'))) return d;
    if (path.dirname(d) === d) return process.cwd();
  }
}

// Re-exported while branches that import it from here move to src/errors.ts.
export { ConfigError } from './errors.js';

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no'], 'must be true or false').transform((v) => ['true', '1', 'yes'].includes(v));
const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));
const SECONDS = 'must be a whole number of seconds from 0 to 3600';
const DAYS = 'must be a whole number of days from 0 to 3650';
const PORT = 'must be a port number from 1 to 65535';
const DATABASE_URL_MESSAGE = 'must be a PostgreSQL URL, postgres://user:password@host:5432/database';
/** postgres:// or postgresql://, naming a server (a host, or a socket folder in `?host=`). */
function isPostgresUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const url = new URL(value);
  return /^postgres(ql)?:$/.test(url.protocol) && (url.hostname !== '' || url.searchParams.has('host'));
}
const snowflake = z.string().regex(/^\d{17,20}$/, 'must be a Discord id (17–20 digits)');

const engineShape = {
  ARTICLES_DIR: z.string().default('data/articles'),
  EMBEDDINGS_DIR: z.string().default('embeddings'),
  MODELS_DIR: z.string().default('models'),
  DATA_DIR: z.string().default('data'),
  MODEL_ID: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*\/[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'must be a hub-style model id, owner/name')
    .refine((id) => !id.includes('..'), 'must be a hub-style model id, owner/name')
    .default('Xenova/bge-small-en-v1.5'),
  MODEL_DOWNLOAD: bool.default(true),
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent'], 'must be debug, info, warn, error or silent').default('info'),
  // Read by the bot and by `npm run insights` / `forget`, which need no Discord keys. An empty value
  // means the default, never 0: turning the log off must be said explicitly.
  QUESTION_LOG_DAYS: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : 30))
    .pipe(z.number().int(DAYS).min(0, DAYS).max(3650, DAYS)),
  // Empty: guess from the terminal (pretty on a TTY, JSON otherwise); set it under a supervisor.
  LOG_FORMAT: optionalString.pipe(z.enum(['json', 'pretty'], 'must be json or pretty (or empty)').optional()),
  // Empty: the embedded SQLite store in DATA_DIR. Set: the shared PostgreSQL store, for several shards.
  // Read by the bot and by `npm run insights` / `forget`, so they see every shard's rows.
  DATABASE_URL: optionalString.pipe(z.string().refine(isPostgresUrl, DATABASE_URL_MESSAGE).optional()),
};

const botShape = {
  ...engineShape,
  DISCORD_TOKEN: z
    .string()
    .min(50, 'is too short for a bot token')
    .regex(/^[\w.-]+$/, 'is not a bot token (letters, digits, dots, dashes and underscores only)'),
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_GUILD_ID: optionalString.pipe(snowflake.optional()),
  DISCORD_API_BASE: z.url('must be a URL').default('https://discord.com/api'),
  DISCORD_GATEWAY_URL: optionalString.pipe(z.url('must be a URL').optional()),
  ASK_COOLDOWN_SECONDS: z.coerce.number(SECONDS).int(SECONDS).min(0, SECONDS).max(3600, SECONDS).default(10),
  HEALTH_PORT: optionalString
    .transform((v) => (v === undefined ? undefined : Number(v)))
    .pipe(z.number(PORT).int(PORT).min(1, PORT).max(65535, PORT).optional()),
};

export const engineSchema = z.object(engineShape);
export const botSchema = z.object(botShape);
export type EngineConfig = z.infer<typeof engineSchema> & { root: string };
export type BotConfig = z.infer<typeof botSchema> & { root: string };

/** What a required key holds and where to find it, for the message when it is not set. */
const REQUIRED_HINTS: Record<string, string> = {
  DISCORD_TOKEN: 'the bot token (Discord developer portal → your application → Bot → Reset Token)',
  DISCORD_CLIENT_ID: 'the application ID (Discord developer portal → your application → General Information)',
};

/**
 * One line per bad key, however many of its checks failed: the key, what is wrong, how to fix it.
 * A value is never quoted (it may be a token).
 */
export function describeConfigProblems(issues: readonly z.core.$ZodIssue[], env: NodeJS.ProcessEnv): string[] {
  const lines = new Map<string, string>();
  for (const issue of issues) {
    const key = issue.path.join('.');
    if (lines.has(key)) continue;
    const unset = (env[key] ?? '').trim() === '';
    lines.set(
      key,
      unset
        ? `${key} is not set: add ${key}=… to .env with ${REQUIRED_HINTS[key] ?? 'a value'}.`
        : `${key} ${issue.message}: fix it in .env.`,
    );
  }
  return [...lines.values()];
}

function parse<S extends z.ZodObject>(schema: S, given: NodeJS.ProcessEnv | undefined, root: string): z.infer<S> & { root: string } {
  const env = given ?? readEnv(root);
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = describeConfigProblems(result.error.issues, env);
    // Without a .env at all the first step is to create one; otherwise point at the documented keys.
    const lead =
      !given && !existsSync(path.join(root, '.env'))
        ? 'There is no .env file: copy .env.example to .env and fill it in.'
        : 'Configuration problem (settings come from .env; .env.example documents each key):';
    throw new ConfigError(`${lead}\n  ${problems.join('\n  ')}`);
  }
  return { ...result.data, root } as z.infer<S> & { root: string };
}

function readEnv(root: string): NodeJS.ProcessEnv {
  loadDotenv({ path: path.join(root, '.env'), quiet: true });
  return process.env;
}

/** Settings the retrieval core needs (no Discord keys). Reads `.env` unless `env` is given. */
export function loadEngineConfig(env?: NodeJS.ProcessEnv, root = PROJECT_ROOT): EngineConfig {
  return parse(engineSchema, env, root);
}

/** Every setting the bot needs. Fails fast, naming each bad key. */
export function loadBotConfig(env?: NodeJS.ProcessEnv, root = PROJECT_ROOT): BotConfig {
  return parse(botSchema, env, root);
}

/** Resolves a configured path against the project root. */
export function resolvePath(config: { root: string }, p: string): string {
  return path.resolve(config.root, p);
}
