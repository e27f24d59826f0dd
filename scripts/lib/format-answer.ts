import type { Answer, IndexStatus } from '../../src/types.js';
import { bold, cyan, dim, yellow } from './style.js';

/** The machine contract of `ask --json`: exactly these fields, best citation first. */
export function answerToJson(answer: Answer): object {
  return {
    question: answer.question,
    answered: answer.answered,
    mode: answer.mode,
    message: answer.message,
    citations: answer.citations.map(({ n, source, title, quote, highlights, score, also }) => ({
      n,
      source,
      title,
      quote,
      highlights: highlights.map(({ start, end }) => ({ start, end })),
      score,
      also,
    })),
  };
}

/** An answer as a person reads it in a terminal: quotes, then numbered sources. */
export function formatAnswer(answer: Answer, status: IndexStatus): string {
  const titleOf = (id: string) => status.articles.find((a) => a.id === id)?.title ?? id;
  const lines = [bold(`Q: ${answer.question}`), ''];
  if (!answer.answered) {
    lines.push(yellow(answer.message));
  } else {
    for (const c of answer.citations) lines.push(`  “${c.quote}” ${cyan(`[${c.n}]`)}`, '');
    lines.push(bold('Sources'));
    for (const c of answer.citations) {
      const where = [c.outlet, c.url].filter(Boolean).join(', ');
      lines.push(`  ${cyan(`[${c.n}]`)} ${c.title}${where ? ` — ${where}` : ''} ${dim(`(${c.source})`)}`);
      if (c.also.length) lines.push(dim(`      also reported by: ${c.also.map(titleOf).join('; ')}`));
    }
  }
  const mode = answer.mode === 'keyword' ? yellow(`keyword mode${status.modeReason ? ` — ${status.modeReason}` : ''}`) : answer.mode;
  lines.push('', dim(`${mode} · ${answer.timings.total?.toFixed(1) ?? '?'} ms`));
  return lines.join('\n');
}
