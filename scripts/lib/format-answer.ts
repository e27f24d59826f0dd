import { quoteMarks, shownCitations } from '../../src/answer/reply.js';
import type { Answer, Citation, IndexStatus } from '../../src/types.js';
import { bold, cyan, dim, yellow } from './style.js';

/** Where and when the article was published, as far as it states it (front matter, byline, dateline). */
export function articleFacts(source: string, status: IndexStatus): { outlet?: string; date?: string; url?: string } {
  const a = status.articles.find((x) => x.id === source);
  return { ...(a?.outlet ? { outlet: a.outlet } : {}), ...(a?.date ? { date: a.date } : {}), ...(a?.url ? { url: a.url } : {}) };
}

/**
 * The machine contract of `ask --json`: exactly these fields, best citation first; a citation has
 * `outlet`, `date` and `url` when its article states them.
 */
export function answerToJson(answer: Answer, status: IndexStatus): object {
  return {
    question: answer.question,
    answered: answer.answered,
    mode: answer.mode,
    message: answer.message,
    citations: answer.citations.map(({ n, source, title, quote, highlights, score, also }) => ({
      n,
      source,
      title,
      ...articleFacts(source, status),
      quote,
      highlights: highlights.map(({ start, end }) => ({ start, end })),
      score,
      also,
    })),
  };
}

/**
 * An answer as a person reads it in a terminal: the best quotes with the answer in bold (on a
 * terminal only), then their numbered sources. `stream` is where it will be written, which decides
 * whether styling is on.
 */
export function formatAnswer(answer: Answer, status: IndexStatus, stream: NodeJS.WriteStream = process.stdout): string {
  const titleOf = (id: string) => status.articles.find((a) => a.id === id)?.title ?? id;
  const lines = [bold(`Q: ${answer.question}`, stream), ''];
  if (!answer.answered) {
    lines.push(yellow(answer.message, stream));
  } else {
    const shown = shownCitations(answer.citations);
    for (const c of shown) lines.push(`  ${styledQuote(c, stream)} ${cyan(`[${c.n}]`, stream)}`, '');
    const hidden = answer.citations.length - shown.length;
    if (hidden > 0) lines.push(dim(`  ${hidden} more ${hidden === 1 ? 'quote' : 'quotes'} in --json`, stream), '');
    lines.push(bold('Sources', stream));
    for (const c of shown) {
      const { outlet, date, url } = articleFacts(c.source, status);
      const where = [outlet, date, url].filter(Boolean).join(', ');
      lines.push(`  ${cyan(`[${c.n}]`, stream)} ${c.title}${where ? ` — ${where}` : ''} ${dim(`(${c.source})`, stream)}`);
      if (c.also.length) lines.push(dim(`      also reported by: ${c.also.map(titleOf).join('; ')}`, stream));
    }
  }
  const mode =
    answer.mode === 'keyword' ? yellow(`keyword mode${status.modeReason ? ` — ${status.modeReason}` : ''}`, stream) : answer.mode;
  lines.push('', dim(`${mode} · ${answer.timings.total?.toFixed(1) ?? '?'} ms`, stream));
  return lines.join('\n');
}

/** The verbatim quote in balanced quotation marks, its highlight spans in bold. */
function styledQuote(c: Citation, stream: NodeJS.WriteStream): string {
  const { open, close } = quoteMarks(c.quote);
  let out = open;
  let at = 0;
  for (const { start, end } of c.highlights) {
    if (start < at || end > c.quote.length) continue;
    out += c.quote.slice(at, start) + bold(c.quote.slice(start, end), stream);
    at = end;
  }
  return out + c.quote.slice(at) + close;
}
