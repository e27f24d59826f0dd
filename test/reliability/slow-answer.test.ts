import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { otherUser } from '../../harness/other-user.js';
import { finalReply, visibleText } from '../../harness/interaction-reply.js';
import { resolvePath } from '../../src/config.js';
import { reindex } from '../../src/index/reindex.js';
import { MAX_SENTENCE_CHARS } from '../../src/passages/chunking.js';
import type { Embedder } from '../../src/types.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { loadTinyEmbedder } from '../helpers/tiny-embedder.js';

/**
 * One slow answer must not hold up anyone else. A member asks about an article that is one
 * unpunctuated 80,000-character line (the kind that once blocked the bot for seconds), and that
 * answer is kept in progress: the model's embedding of that one question waits until the test lets
 * it go. Meanwhile `/help` and another member's `/ask` are sent; both are answered before the slow
 * answer is, which then arrives quoting the long line verbatim and within the sentence bound.
 * Only the order of events is asserted (the simulator numbers every request), never a duration.
 */

const SLOW_QUESTION = 'Which ministry reported the cyberattack on the Albania servers and networks?';
const OTHER_QUESTION = 'How long did the Iranian diplomats have to leave?';

/** The tiny model, but embedding `question` only once `release()` is called; `reached` resolves when it is asked to. */
function holdingEmbedder(inner: Embedder, question: string) {
  let release!: () => void;
  let reached!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  const reachedGate = new Promise<void>((r) => (reached = r));
  const embedder: Embedder = {
    modelId: inner.modelId,
    dimensions: inner.dimensions,
    maxTokens: inner.maxTokens,
    embedPassages: (texts) => inner.embedPassages(texts),
    countTokens: (text) => inner.countTokens(text),
    async embedQuery(text) {
      if (text.includes(question)) {
        reached();
        await gate;
      }
      return inner.embedQuery(text);
    },
  };
  return { embedder, reached: reachedGate, release };
}

/** A headline, then one line of about `size` characters without punctuation. */
function longLineArticle(size: number): string {
  const words = ['the', 'ministry', 'reported', 'cyberattack', 'on', 'Albania', 'servers', 'and', 'networks', 'again'];
  const line: string[] = [];
  for (let n = 0, i = 0; n < size; i++) {
    line.push(words[i % words.length]!);
    n += line.at(-1)!.length + 1;
  }
  return `Ministry log of the attack\n\n${line.join(' ')}\n`;
}

let h: BotHarness;
let held: ReturnType<typeof holdingEmbedder>;
beforeAll(async () => {
  const tiny = await loadTinyEmbedder();
  held = holdingEmbedder(tiny, SLOW_QUESTION);
  h = await startBotHarness({ embedder: held.embedder });
  await writeFile(path.join(h.articlesDir, 'long-line.txt'), longLineArticle(80_000));
  await reindex({ articlesDir: h.articlesDir, embeddingsDir: resolvePath(h.config, h.config.EMBEDDINGS_DIR), embedder: tiny });
  await h.engines.checkNow();
}, 120_000);
afterAll(async () => {
  held?.release();
  await h?.close();
});

it('answers /help and another /ask while one slow answer is being composed', async () => {
  expect(
    h.engines
      .current()
      .status()
      .articles.map((a) => a.id),
  ).toContain('long-line');
  const slow = h.ask(SLOW_QUESTION, otherUser(1));
  await held.reached; // that answer is now in progress, inside the engine
  const slowDeferred = await slow.waitForCallback();

  const help = finalReply(h.slash('help', otherUser(2)));
  const other = finalReply(h.ask(OTHER_QUESTION, otherUser(3)));
  const [helpReply, otherReply] = await Promise.all([help, other]);
  expect(visibleText(helpReply.message)).toContain('/ask');
  expect(visibleText(otherReply.message)).toMatch(/”/);
  // Both were answered while the slow one still was not.
  expect(slow.requests().filter((r) => r.route === 'editWebhookMessage' || r.route === 'followUp')).toEqual([]);

  held.release();
  const slowReply = await finalReply(slow);
  const answered = slowReply.messages.at(-1)!;
  expect(slowDeferred.seq).toBeLessThan(helpReply.callback.seq);
  for (const r of [helpReply.callback, ...otherReply.messages]) expect(r.seq).toBeLessThan(answered.seq);

  // The slow answer quotes the long line, verbatim and bounded.
  expect(visibleText(slowReply.message)).toContain('Ministry log of the attack');
  const answer = await h.engines.current().ask(SLOW_QUESTION);
  const text = await readFile(path.join(h.articlesDir, 'long-line.txt'), 'utf8');
  const quotes = answer.citations.filter((c) => c.source === 'long-line').map((c) => c.quote);
  expect(quotes.length).toBeGreaterThan(0);
  for (const q of quotes) {
    expect(q.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
    expect(text).toContain(q);
  }
}, 120_000);
