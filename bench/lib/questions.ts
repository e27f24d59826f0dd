import { readFile } from 'node:fs/promises';

/** A question the articles answer, and facts of which one must appear in a top-3 result. */
export interface AnswerableQuestion {
  question: string;
  expect: string[];
}

export interface QuestionSet {
  answerable: AnswerableQuestion[];
  /** Questions the articles don't cover (may be empty). */
  offTopic: string[];
}

/** Reads test/fixtures/questions.json: `{ answerable, offTopic }`, or a bare answerable array. */
export async function loadQuestions(file: string): Promise<QuestionSet> {
  const raw: unknown = JSON.parse(await readFile(file, 'utf8'));
  const set = Array.isArray(raw) ? { answerable: raw, offTopic: [] } : (raw as Partial<QuestionSet>);
  const answerable = set.answerable ?? [];
  const valid = answerable.every((q) => typeof q?.question === 'string' && Array.isArray(q.expect) && q.expect.length > 0);
  if (!valid || answerable.length === 0) throw new Error(`${file}: expected answerable questions shaped { question, expect: string[] }`);
  return { answerable, offTopic: set.offTopic ?? [] };
}

/** Lower case, straight quotes, single spaces: passages and quotes differ from facts only in these. */
function normalise(text: string): string {
  return text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\s+/g, ' ');
}

/** True when one of `facts` appears in one of the first three `texts`. */
export function hitInTop3(texts: readonly string[], facts: readonly string[]): boolean {
  const top = texts.slice(0, 3).map(normalise);
  return facts.some((f) => top.some((t) => t.includes(normalise(f))));
}
