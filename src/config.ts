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

const bool = z.enum(['true', 'false', '1', '0', 'yes', 'no']).transform((v) => ['true', '1', 'yes'].includes(v));
const optionalString = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : undefined));
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
  LOG_LEVEL: z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info'),
  // Read by the bot and by `npm run insights` / `forget`, which need no Discord keys. An empty value
  // means the default, never 0: turning the log off must be said explicitly.
  QUESTION_LOG_DAYS: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? Number(v) : 30))
    .pipe(z.number().int('must be a whole number of days').min(0).max(3650)),
  // Empty: guess from the terminal (pretty on a TTY, JSON otherwise); set it under a supervisor.
  LOG_FORMAT: optionalString.pipe(z.enum(['json', 'pretty']).optional()),
};

const botShape = {
  ...engineShape,
  DISCORD_TOKEN: z
    .string()
    .min(50, 'must be a bot token')
    .regex(/^[\w.-]+$/, 'must be a bot token'),
  DISCORD_CLIENT_ID: snowflake,
  DISCORD_GUILD_ID: optionalString.pipe(snowflake.optional()),
  DISCORD_API_BASE: z.url().default('https://discord.com/api'),
  DISCORD_GATEWAY_URL: optionalString.pipe(z.url().optional()),
  ASK_COOLDOWN_SECONDS: z.coerce.number().int().min(0).max(3600).default(10),
  HEALTH_PORT: optionalString
    .transform((v) => (v === undefined ? undefined : Number(v)))
    .pipe(z.number().int().min(1).max(65535).optional()),
};

export const engineSchema = z.object(engineShape);
export const botSchema = z.object(botShape);
export type EngineConfig = z.infer<typeof engineSchema> & { root: string };
export type BotConfig = z.infer<typeof botSchema> & { root: string };

function parse<S extends z.ZodObject>(schema: S, env: NodeJS.ProcessEnv, root: string): z.infer<S> & { root: string } {
  const result = schema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`Invalid configuration (see .env.example):\n  ${problems.join('\n  ')}`);
  }
  return { ...result.data, root } as z.infer<S> & { root: string };
}

function readEnv(env?: NodeJS.ProcessEnv, root = PROJECT_ROOT): NodeJS.ProcessEnv {
  if (env) return env;
  loadDotenv({ path: path.join(root, '.env'), quiet: true });
  return process.env;
}

/** Settings the retrieval core needs (no Discord keys). Reads `.env` unless `env` is given. */
export function loadEngineConfig(env?: NodeJS.ProcessEnv, root = PROJECT_ROOT): EngineConfig {
  return parse(engineSchema, readEnv(env, root), root);
}

/** Every setting the bot needs. Fails fast, naming each bad key. */
export function loadBotConfig(env?: NodeJS.ProcessEnv, root = PROJECT_ROOT): BotConfig {
  return parse(botSchema, readEnv(env, root), root);
}

/** Resolves a configured path against the project root. */
export function resolvePath(config: { root: string }, p: string): string {
  return path.resolve(config.root, p);
}
