import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { z } from 'zod';

/** The classes of the evaluation, as the issue tracker defines them. */
export const ANSWERABLE_CLASSES = ['factoid', 'paraphrase', 'yes-no', 'why-how', 'typo', 'distractor', 'follow-up'] as const;
export const OFF_TOPIC_CLASSES = ['off-topic-easy', 'off-topic-hard'] as const;
export type QuestionClass = (typeof ANSWERABLE_CLASSES)[number] | (typeof OFF_TOPIC_CLASSES)[number];

const questionSchema = z.object({
  id: z.string().min(1),
  question: z.string().min(1),
  class: z.enum([...ANSWERABLE_CLASSES, ...OFF_TOPIC_CLASSES]),
  corpus: z.enum(['shipped', 'fixtures', 'any']),
  expect: z.array(z.string().min(1)).optional(),
  /** A follow-up's earlier questions, in order: each is asked with the one before as context, then `question`. */
  steps: z.array(z.string().min(1)).min(1).max(4).optional(),
});
const fileSchema = z.object({ version: z.literal(1), questions: z.array(questionSchema).min(1) });

/** One evaluation question. `expect` holds the facts of which one must appear in a top quote. */
export type EvalQuestion = z.infer<typeof questionSchema> & { split: Split };
export type Split = 'dev' | 'test';

/**
 * The split is fixed before any tuning: a seeded hash of the question's id, so it is random with
 * respect to content, never changes when questions are added, and needs no stored assignment.
 */
export const SPLIT_SEED = 'casefile-eval-2026-12';

export function splitOf(id: string, seed = SPLIT_SEED): Split {
  return createHash('sha256').update(`${seed}:${id}`).digest()[0]! < 128 ? 'dev' : 'test';
}

export function isOffTopic(q: { class: string }): boolean {
  return (OFF_TOPIC_CLASSES as readonly string[]).includes(q.class);
}

/** Reads and validates a question file; a bad file names the question and field at fault. */
export async function loadQuestions(file: string): Promise<EvalQuestion[]> {
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
  const parsed = fileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`${file}: ${issue.path.join('.')}: ${issue.message}`);
  }
  return parsed.data.questions.map((q) => {
    if (!isOffTopic(q) && !q.expect?.length) throw new Error(`${file}: question ${q.id} is answerable but has no expect`);
    if ((q.class === 'follow-up') !== !!q.steps) throw new Error(`${file}: question ${q.id}: steps belong to follow-up questions only`);
    return { ...q, split: splitOf(q.id) };
  });
}
