import { createInterface } from 'node:readline';
import { loadEngineConfig } from '../src/config.js';
import { Engine } from '../src/engine.js';
import { QuestionError } from '../src/errors.js';
import { createLogger } from '../src/logger.js';
import type { RetrievalMode } from '../src/types.js';
import { answerToJson, formatAnswer } from './lib/format-answer.js';
import { progressBar } from './lib/progress.js';
import { isMain, runMain } from './lib/run-main.js';

interface AskArgs {
  json: boolean;
  mode?: RetrievalMode;
  /** The question given as arguments; undefined when there were none (questions come on stdin). */
  question?: string;
}

/** Parses `[--json] [--mode hybrid|keyword|vector] [question words…]`. */
export function parseArgs(argv: readonly string[]): AskArgs {
  const args: AskArgs = { json: false };
  const words: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--json') args.json = true;
    else if (a === '--mode') {
      const m = argv[++i];
      if (m !== 'hybrid' && m !== 'keyword' && m !== 'vector') throw new Error('--mode takes hybrid, keyword or vector');
      args.mode = m;
    } else words.push(a);
  }
  // A blank argument is an empty question to refuse, not a request to read stdin.
  if (words.length > 0) args.question = words.join(' ').trim();
  return args;
}

async function* stdinLines(): AsyncGenerator<string> {
  for await (const line of createInterface({ input: process.stdin, crlfDelay: Infinity })) if (line.trim()) yield line.trim();
}

/** `npm run ask -- "question"`: answers from the articles; `--json` for machines; stdin for many. */
export async function main(argv = process.argv.slice(2)): Promise<void> {
  const args = parseArgs(argv);
  const config = loadEngineConfig();
  const logger = createLogger({ level: args.json ? 'error' : 'warn' });
  const bar = progressBar('Building the index');
  const engine = await Engine.open({ config, logger, ...(args.mode ? { mode: args.mode } : {}), onProgress: (d, t) => bar.update(d, t) });
  bar.stop();
  const questions = args.question !== undefined ? [args.question] : stdinLines();
  for await (const question of questions) {
    try {
      const answer = await engine.ask(question);
      process.stdout.write((args.json ? JSON.stringify(answerToJson(answer)) : formatAnswer(answer, engine.status())) + '\n');
    } catch (error) {
      if (!(error instanceof QuestionError)) throw error;
      const refusal = { question, answered: false, mode: engine.mode, message: error.message, citations: [] };
      process.stdout.write((args.json ? JSON.stringify(refusal) : error.message) + '\n');
    }
  }
}

if (isMain(import.meta.url)) runMain(main);
