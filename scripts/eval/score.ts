import { shownCitations } from '../../src/answer/reply.js';
import type { Answer } from '../../src/types.js';
import { isOffTopic, type EvalQuestion } from './questions.js';
import { wilson } from './statistics.js';

/** What happened to one question. */
export interface Outcome {
  id: string;
  class: EvalQuestion['class'];
  answered: boolean;
  /** Rank (1-based) of the first quote holding an expected fact; undefined when none does. */
  rank?: number;
  /** Quotes the engine cited, and how many of them a reply shows before *Show passages*. */
  quotes: number;
  shown: number;
}

/** Per-class figures of one run. Rates are fractions from 0 to 1. */
export interface ClassFigures {
  n: number;
  /** Answerable classes: a quote holding the fact is first / within the first three. */
  hit1?: number;
  hit3?: number;
  /** Answerable classes: refused although the articles answer it. */
  wronglyRefused?: number;
  /** Off-topic classes: refused, as they should be. */
  refused?: number;
  /** 95% interval (Wilson) of the class's main figure: hit@3, or the refusal rate for an off-topic class. */
  interval: [number, number];
}

export interface RunFigures {
  classes: Record<string, ClassFigures>;
  /** Over every answerable question of the run. */
  answerable: { n: number; hit1: number; hit3: number; wronglyRefused: number; interval: [number, number] };
  /** Mean number of quotes cited, and shown, in answered replies. */
  meanQuotes: number;
  meanShown: number;
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ');

/** Where in the answer's quotes the first expected fact appears. */
export function outcomeOf(question: EvalQuestion, answer: Answer): Outcome {
  const quotes = answer.answered ? answer.citations.map((c) => norm(c.quote)) : [];
  const facts = (question.expect ?? []).map(norm);
  const index = quotes.findIndex((q) => facts.some((f) => q.includes(f)));
  return {
    id: question.id,
    class: question.class,
    answered: answer.answered,
    quotes: quotes.length,
    shown: answer.answered ? shownCitations(answer.citations).length : 0,
    ...(index >= 0 ? { rank: index + 1 } : {}),
  };
}

const rate = (hits: number, n: number) => (n === 0 ? 0 : hits / n);

/** Whether an expected fact is among the first three quotes. */
export const hitAt3 = (o: Pick<Outcome, 'rank'> | undefined): boolean => o?.rank !== undefined && o.rank <= 3;

/** Whether a question came out right: an answerable one hit@3, an off-topic one refused. */
export function correct(o: Pick<Outcome, 'answered' | 'rank'> & { class: string }): boolean {
  return isOffTopic(o) ? !o.answered : hitAt3(o);
}

/** Aggregates outcomes by class. */
export function figuresOf(questions: readonly EvalQuestion[], outcomes: readonly Outcome[]): RunFigures {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const groups = new Map<string, Outcome[]>();
  for (const o of outcomes) groups.set(o.class, [...(groups.get(o.class) ?? []), o]);
  const classes: Record<string, ClassFigures> = {};
  for (const [name, list] of [...groups].sort(([a], [b]) => a.localeCompare(b))) {
    const offTopic = isOffTopic(byId.get(list[0]!.id)!);
    const refused = list.filter((o) => !o.answered).length;
    classes[name] = offTopic
      ? { n: list.length, refused: rate(refused, list.length), interval: wilson(refused, list.length) }
      : answerableFigures(list);
  }
  const answerable = outcomes.filter((o) => !isOffTopic(byId.get(o.id)!));
  const answered = outcomes.filter((o) => o.answered);
  return {
    classes,
    answerable: { n: answerable.length, ...(answerableFigures(answerable) as Required<Omit<ClassFigures, 'refused' | 'n'>>) },
    meanQuotes: rate(
      answered.reduce((s, o) => s + o.quotes, 0),
      answered.length,
    ),
    meanShown: rate(
      answered.reduce((s, o) => s + o.shown, 0),
      answered.length,
    ),
  };
}

function answerableFigures(list: readonly Outcome[]): ClassFigures {
  const n = list.length;
  const hits = list.filter(hitAt3).length;
  return {
    n,
    hit1: rate(list.filter((o) => o.rank === 1).length, n),
    hit3: rate(hits, n),
    interval: wilson(hits, n),
    wronglyRefused: rate(list.filter((o) => !o.answered).length, n),
  };
}
