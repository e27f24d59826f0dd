import { z } from 'zod';
import { StoredRowError } from '../../../errors.js';

/**
 * Checks on what comes back from the database. Another process (an older or newer bot, a hand
 * edit) may have written a row, so it is parsed like any other input before a button acts on it.
 */

/** BIGINT and count(*) arrive as strings (they may exceed 2^53); our values never do. */
export const int = z.union([
  z.number().int(),
  z
    .string()
    .regex(/^-?\d+$/)
    .transform(Number),
]);

const mode = z.enum(['hybrid', 'keyword', 'vector']);

export const answerRow = z.object({
  id: z.string(),
  created_at: int,
  member: z.string(),
  question: z.string(),
  mode,
  citations: z.array(z.object({ n: z.number().int(), source: z.string(), title: z.string(), passageId: z.string(), quote: z.string() })),
});

export const conversationRow = z.object({
  id: z.string(),
  created_at: int,
  member: z.string(),
  chain: z.array(z.object({ question: z.string(), person: z.string().optional() })),
});

export const voteCitations = z.array(
  z.object({ n: z.number().int(), source: z.string(), passageId: z.string(), quote: z.string().optional() }),
);

/** Parses `row` with `schema`, or throws {@link StoredRowError} naming the table (never the row's text). */
export function parseRow<S extends z.ZodType>(schema: S, row: unknown, table: string): z.infer<S> {
  const result = schema.safeParse(row);
  if (result.success) return result.data;
  const where = result.error.issues[0]?.path.join('.') ?? '';
  throw new StoredRowError(`a row of ${table} is not in the expected shape (${where})`, { table });
}
