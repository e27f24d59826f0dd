import { writeFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { manifestPath } from '../../../src/engine.js';
import { reindex } from '../../../src/index/reindex.js';
import type { Embedder } from '../../../src/types.js';
import type { Engine } from '../../../src/engine.js';
import { loadTinyEmbedder } from '../../helpers/tiny-embedder.js';
import { startBotHarness, type BotHarness } from '../../helpers/bot-harness.js';
import { otherUser } from '../../../harness/other-user.js';
import { sentMessage, unescape } from '../../helpers/sent-message.js';

/** A fact no shipped article states, in an article added while the bot runs. */
const NEW_ARTICLE = [
  'Albania names Zephyrine Halloway to lead the new cyber resilience agency',
  '',
  'TIRANA — The government appointed Zephyrine Halloway on Thursday to lead a new national cyber resilience agency created after the July cyberattack.',
  '',
  'Zephyrine Halloway previously ran the backup programme for the e-Albania portal, officials said.',
  '',
].join('\n');
const NEW_QUESTION = 'Who is Zephyrine Halloway?';
const OLD_QUESTION = 'When did Albania cut diplomatic ties with Iran?';
const QUERY_DELAY_MS = 5000;
/** Questions are slow only while the swap is being tested. */
let queryDelayMs = 0;

let h: BotHarness;
let embedder: Embedder;
let tiny: Embedder;
beforeAll(async () => {
  tiny = await loadTinyEmbedder();
  // Questions take a while, so some are still being answered when the index is swapped.
  embedder = {
    modelId: tiny.modelId,
    dimensions: tiny.dimensions,
    maxTokens: tiny.maxTokens,
    embedPassages: (texts) => tiny.embedPassages(texts),
    countTokens: (text) => tiny.countTokens(text),
    embedQuery: async (text) => {
      await new Promise((r) => setTimeout(r, queryDelayMs));
      return tiny.embedQuery(text);
    },
  };
  h = await startBotHarness({ embedder, debounceMs: 200 });
  h.engines.watch();
});
afterAll(() => h?.close());

const nextSwap = () => new Promise<Engine>((resolve) => h.engines.once('swap', resolve));

test('a finished reindex is swapped in without a restart: answers in progress finish on the old index, later ones use the new', async () => {
  const before = h.engines.current();
  expect((await before.ask(NEW_QUESTION)).answered).toBe(false);

  // Questions in flight across the swap.
  queryDelayMs = QUERY_DELAY_MS;
  const during = [h.ask(NEW_QUESTION), h.ask(OLD_QUESTION, otherUser(1)), h.ask(OLD_QUESTION, otherUser(2))];
  await Promise.all(during.map((d) => d.waitForCallback()));

  const swapped = nextSwap();
  await writeFile(path.join(h.articlesDir, '900_new_agency.txt'), NEW_ARTICLE, 'utf8');
  // The reindex embeds its calibration probes as queries: with the delayed model it would outlast
  // the questions it is meant to overtake, so it uses the same model without the delay.
  await reindex({ articlesDir: h.articlesDir, embeddingsDir: path.join(h.root, 'embeddings'), embedder: tiny });
  const after = await swapped;
  const swappedAt = Date.now();
  queryDelayMs = 0;
  expect(after).not.toBe(before);
  expect(h.engines.current()).toBe(after);
  expect(after.status().articles.map((a) => a.id)).toContain('900_new_agency');

  // Every question asked during the reindex was answered, each by the engine it started with.
  const edits = await Promise.all(during.map((d) => d.waitForOriginalEdit({ timeoutMs: 30_000 })));
  for (const edit of edits) {
    expect(edit.status).toBe(200);
    expect(edit.receivedAt).toBeGreaterThanOrEqual(swappedAt); // still in progress at the swap
  }
  expect(unescape(sentMessage(edits[0]!).embeds![0]!.description!)).toMatch(/No article contains “zephyrine”/);
  expect(sentMessage(edits[1]!).embeds![0]!.fields!.length).toBeGreaterThan(0);

  // Later questions use the new index.
  const expected = await after.ask(NEW_QUESTION);
  expect(expected.answered).toBe(true);
  expect(expected.citations.some((c) => c.source === '900_new_agency')).toBe(true);
  const later = sentMessage(await h.ask(NEW_QUESTION, otherUser(3)).waitForOriginalEdit({ timeoutMs: 30_000 }));
  const sources = later.embeds![0]!.fields!.map((f) => unescape(f.name)).join('\n');
  expect(sources).toContain('Zephyrine Halloway to lead');
});

test('a damaged manifest is not swapped in; the bot keeps answering from the index it has', async () => {
  const current = h.engines.current();
  const failed = new Promise<unknown>((resolve) => h.engines.once('reloadFailed', resolve));
  const manifest = manifestPath(path.join(h.root, 'embeddings'));
  await writeFile(`${manifest}.broken`, '{ not json', 'utf8');
  await rename(`${manifest}.broken`, manifest);
  await failed;
  expect(h.engines.current()).toBe(current);
  const edit = await h.ask(OLD_QUESTION, otherUser(4)).waitForOriginalEdit({ timeoutMs: 30_000 });
  expect(sentMessage(edit).embeds![0]!.fields!.length).toBeGreaterThan(0);
});
