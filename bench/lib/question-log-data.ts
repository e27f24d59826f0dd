import { mulberry32 } from '../../harness/seeded-random.js';
import type { SqliteStore } from '../../src/bot/stores/sqlite/sqlite-store.js';
import type { QuestionEntry } from '../../src/bot/stores/store.js';

/** What {@link seedQuestionLog} wrote, to check a report against. */
export interface SeededLog {
  questions: number;
  answered: number;
  notCovered: number;
  unknownName: number;
  refused: number;
  downVotes: number;
  articleIds: string[];
}

const TOPICS = ['budget', 'ambassador', 'hackers', 'servers', 'sanctions', 'parliament', 'police', 'elections', 'border', 'ransom'];
const FRAMES = [
  'What happened to the {t}?',
  'Who was responsible for the {t}?',
  'Why did the {t} matter?',
  'How big was the {t} problem?',
  'when was the {t} affected',
];
const NAMES = ['Microsoft', 'NATO', 'Mandiant', 'Europol', 'Interpol', 'Google', 'Kosovo', 'Greece', 'Israel', 'Turkey'];

/**
 * Fills a question log as months of a busy server would: `count` questions spread over `days`
 * (70% answered citing some of `articles`, 20% not covered as variants of 50 questions, 5% about a
 * name no article has, 5% refused), and one vote for every 50th answer, a fifth of them down.
 * Seeded, so every run writes the same rows. One transaction, as a bulk load should be.
 */
export function seedQuestionLog(
  store: SqliteStore,
  count: number,
  days: number,
  articles: string[],
  now = Date.now(),
  seed = 12,
): SeededLog {
  const random = mulberry32(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const out: SeededLog = { questions: count, answered: 0, notCovered: 0, unknownName: 0, refused: 0, downVotes: 0, articleIds: articles };
  const insert = store.db.prepare(
    `INSERT INTO questions (at, member, command, outcome, reason, term, mode, article_ids, latency_ms, question, answer_id)
     VALUES (@at, @member, @command, @outcome, @reason, @term, @mode, @articleIds, @latencyMs, @question, @answerId)`,
  );
  const vote = store.db.prepare(
    "INSERT INTO votes (answer_id, member, vote, at, guild_id, question, mode, citations) VALUES (?, ?, ?, ?, NULL, ?, 'hybrid', ?)",
  );
  store.db.transaction(() => {
    for (let i = 0; i < count; i++) {
      const r = random();
      const e: QuestionEntry = {
        at: now - Math.floor(random() * days * 86_400_000),
        member: `member-${Math.floor(random() * 2000)}`,
        command: random() < 0.9 ? 'ask' : 'check',
        outcome: r < 0.7 ? 'answered' : r < 0.95 ? 'not-covered' : 'refused',
        articleIds: [],
        latencyMs: Math.floor(20 + random() * 400),
        question: '',
      };
      if (e.outcome === 'answered') {
        e.articleIds = [...new Set([pick(articles), pick(articles)])];
        e.question = pick(FRAMES).replace('{t}', pick(TOPICS)) + ' (answered)';
        out.answered++;
      } else if (e.outcome === 'refused') {
        Object.assign(e, { reason: 'cooldown', question: 'Again?' });
        out.refused++;
      } else if (r < 0.9) {
        Object.assign(e, { reason: 'below-threshold', question: pick(FRAMES).replace('{t}', pick(TOPICS)) });
        out.notCovered++;
      } else {
        const name = pick(NAMES);
        Object.assign(e, { reason: 'unknown-name', term: name, question: `What did ${name} say about the attack?` });
        out.notCovered++;
        out.unknownName++;
      }
      insert.run({
        ...e,
        reason: e.reason ?? null,
        term: e.term ?? null,
        mode: 'hybrid',
        articleIds: JSON.stringify(e.articleIds),
        answerId: null,
      });
      if (e.outcome === 'answered' && i % 50 === 0) {
        const down = random() < 0.2;
        const citations = JSON.stringify(
          e.articleIds.map((source, n) => ({ n: n + 1, source, passageId: `${source}#0`, quote: 'A quote.' })),
        );
        vote.run(`answer-${i}`, e.member, down ? 'down' : 'up', e.at, e.question, citations);
        if (down) out.downVotes++;
      }
    }
  })();
  return out;
}
