import { loadEngineConfig } from '../src/config.js';
import { Engine } from '../src/engine.js';
import { QuestionError } from '../src/errors.js';
import { createLogger } from '../src/logger.js';
import type { PreviousQuestion } from '../src/query/follow-up.js';
import type { Answer, RetrievalMode } from '../src/types.js';
import { answerToJson, formatAnswer } from './lib/format-answer.js';
import { progressBar } from './lib/progress.js';
import { parseCommandLine, usageError } from './lib/cli.js';
import { questionLines } from './lib/question-lines.js';
import { isMain, runMain } from './lib/run-main.js';

export const USAGE = `Usage: npm run ask -- [--json] [--mode hybrid|keyword|vector] [--follow-up] [question words…]

Answers a question from the articles with verbatim, cited quotes. Without question words, reads
one question per line from stdin and answers each; on a terminal it prompts (Ctrl-D ends).

  --json       one JSON object per answer (for scripts)
  --mode       force a retrieval mode (default: the best available)
  --follow-up  the stdin questions are one conversation: each follows the one before it, so
               "When did that happen?" takes its subject from the previous question; a blank
               line starts a new conversation
  -h, --help   this text`;

export interface AskArgs {
  json: boolean;
  followUp: boolean;
  mode?: RetrievalMode;
  /** The question given as arguments; undefined when there were none (questions come on stdin). */
  question?: string;
}

const MODES: readonly string[] = ['hybrid', 'keyword', 'vector'];

/**
 * Parses `[--json] [--mode hybrid|keyword|vector] [--follow-up] [question words…]`: undefined for
 * `--help` (the usage is printed); an unknown flag is a UsageError, never part of the question.
 */
export function parseArgs(argv: readonly string[]): AskArgs | undefined {
  const parsed = parseCommandLine(argv, {
    usage: USAGE,
    options: { json: { type: 'boolean', default: false }, mode: { type: 'string' }, 'follow-up': { type: 'boolean', default: false } },
    positionals: true,
  });
  if (!parsed) return undefined;
  const { values, positionals } = parsed;
  const m = values.mode;
  if (m !== undefined && !MODES.includes(m)) throw usageError(`--mode takes hybrid, keyword or vector, not "${m}"`, USAGE);
  const args: AskArgs = { json: values.json === true, followUp: values['follow-up'] === true, ...(m ? { mode: m as RetrievalMode } : {}) };
  // A blank argument is an empty question to refuse, not a request to read stdin.
  if (positionals.length > 0) args.question = positionals.join(' ').trim();
  return args;
}

/** What the next question of a conversation follows: this one, its lead quote, and what it followed. */
export function nextPrevious(answer: Answer, previous: PreviousQuestion | undefined): PreviousQuestion {
  const lead = answer.citations[0]?.quote;
  return { question: answer.question, ...(lead ? { leadQuote: lead } : {}), ...(previous ? { previous } : {}) };
}

/** `npm run ask -- "question"`: answers from the articles; `--json` for machines; stdin for many. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const args = parseArgs(argv);
  if (!args) return;
  const config = loadEngineConfig();
  const logger = createLogger({ level: args.json ? 'error' : 'warn' });
  const bar = progressBar('Building the index');
  const engine = await Engine.open({ config, logger, ...(args.mode ? { mode: args.mode } : {}), onProgress: (d, t) => bar.update(d, t) });
  bar.stop();
  // --json keeps stderr to errors, but answers from an index behind the articles must not pass unnoticed.
  if (args.json && engine.stale) process.stderr.write(`warning: ${engine.stale}\n`);
  const questions = args.question !== undefined ? [args.question] : questionLines(process.stdin, process.stderr, args.followUp);
  let previous: PreviousQuestion | undefined;
  for await (const question of questions) {
    if (args.followUp && question === '') {
      previous = undefined;
      continue;
    }
    try {
      const answer = await engine.ask(question, previous ? { previous } : {});
      if (args.followUp) previous = nextPrevious(answer, previous);
      process.stdout.write(
        (args.json ? JSON.stringify(answerToJson(answer, engine.status())) : formatAnswer(answer, engine.status())) + '\n',
      );
    } catch (error) {
      if (!(error instanceof QuestionError)) throw error;
      const refusal = { question, answered: false, mode: engine.mode, message: error.message, citations: [] };
      process.stdout.write((args.json ? JSON.stringify(refusal) : error.message) + '\n');
    }
  }
}

if (isMain(import.meta.url)) runMain(main);
