import { Events } from 'discord.js';
import type { Embedder } from '../../../src/types.js';
import { answerButtonIds } from '../../../src/bot/views/answer-view.js';
import { loadTinyEmbedder } from '../../helpers/tiny-embedder.js';
import { startBotHarness, type BotHarness } from '../../helpers/bot-harness.js';
import { otherUser } from '../../../harness/other-user.js';
import { callbackType, customIds, isEphemeral, sentMessage } from '../../helpers/sent-message.js';

const QUESTION = 'Why did Albania cut diplomatic ties with Iran?';

/** The tiny embedder with its query embedding done by `embedQuery`, which may call the real one. */
async function tinyWithQuery(embedQuery: (text: string, inner: Embedder) => ReturnType<Embedder['embedQuery']>): Promise<Embedder> {
  const inner = await loadTinyEmbedder();
  return {
    modelId: inner.modelId,
    dimensions: inner.dimensions,
    maxTokens: inner.maxTokens,
    embedPassages: (texts) => inner.embedPassages(texts),
    countTokens: (text) => inner.countTokens(text),
    embedQuery: (text) => embedQuery(text, inner),
  };
}

/** Every query embedding takes `delayMs` longer; passages are not delayed, so the index builds quickly. */
const slowEmbedder = (delayMs: number) =>
  tinyWithQuery(async (text, inner) => {
    await new Promise((r) => setTimeout(r, delayMs));
    return inner.embedQuery(text);
  });

/** Query embedding fails for questions that contain `trigger`. */
const failingEmbedder = (trigger: string) =>
  tinyWithQuery((text, inner) => (text.includes(trigger) ? Promise.reject(new Error('model crashed')) : inner.embedQuery(text)));

describe('with a slow model', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({ embedder: await slowEmbedder(4500) });
  });
  afterAll(() => h?.close());

  test('the first response still arrives within 3 seconds and the answer follows', async () => {
    const handle = h.ask(QUESTION);
    const callback = await handle.waitForCallback();
    expect(callback.status).toBeLessThan(300);
    expect(callback.receivedAt - handle.dispatchedAt).toBeLessThan(3000);
    expect(callbackType(callback)).toBe(5);
    const edit = await handle.waitForOriginalEdit({ timeoutMs: 30_000 });
    expect(edit.receivedAt - handle.dispatchedAt).toBeGreaterThanOrEqual(4500);
    expect(sentMessage(edit).embeds).toHaveLength(1);
  });

  test('stop() lets an answer in progress finish, and refuses new questions meanwhile', async () => {
    const inFlight = h.ask(QUESTION);
    await inFlight.waitForCallback();
    const stopping = h.bot.stop();
    const late = h.ask(QUESTION, otherUser(1));
    const refusal = sentMessage(await late.waitForCallback());
    expect(isEphemeral(refusal)).toBe(true);
    expect(refusal.content).toMatch(/restarting/);
    const edit = await inFlight.waitForOriginalEdit({ timeoutMs: 30_000 });
    expect(sentMessage(edit).embeds).toHaveLength(1);
    await stopping;
    expect(h.bot.client.isReady()).toBe(false);
  });
});

describe('resilience', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({ embedder: await failingEmbedder('EXPLODE') });
  });
  afterAll(() => h?.close());

  test('an unexpected failure gets a short ephemeral apology, is logged with context, and the bot keeps answering', async () => {
    const handle = h.ask(`${QUESTION} EXPLODE`);
    expect(callbackType(await handle.waitForCallback())).toBe(5); // public "thinking…"
    // The public placeholder is removed and the apology goes to the asker only.
    const apology = sentMessage(await handle.waitForFollowUp({ timeoutMs: 20_000 }));
    expect(isEphemeral(apology)).toBe(true);
    expect(apology.content).toMatch(/Sorry/);
    expect(apology.allowed_mentions).toEqual({ parse: [] });
    expect(handle.requests().some((r) => r.method === 'DELETE')).toBe(true);
    const logged = h.logs('interaction failed').find((r) => r.interactionId === handle.id);
    expect(logged).toMatchObject({ command: 'ask', userId: expect.any(String), error: { message: 'model crashed' } });

    const next = await h.ask(QUESTION).waitForOriginalEdit({ timeoutMs: 20_000 });
    expect(sentMessage(next).embeds).toHaveLength(1);
  });

  test('after the gateway connection drops, the client reconnects and keeps answering', async () => {
    const resumed = new Promise<void>((resolve) => h.bot.client.once(Events.ShardResume, () => resolve()));
    await h.sim.dropConnections();
    const handle = h.ask(QUESTION);
    await resumed;
    const edit = await handle.waitForOriginalEdit({ timeoutMs: 30_000 });
    expect(sentMessage(edit).embeds).toHaveLength(1);
  });

  test('after a connection is terminated outright, the client connects again and keeps answering', async () => {
    await h.sim.dropConnections('terminate');
    const edit = await h.ask(QUESTION, otherUser(7)).waitForOriginalEdit({ timeoutMs: 30_000 });
    expect(sentMessage(edit).embeds).toHaveLength(1);
  });

  test('a rate-limited callback is retried and still answered', async () => {
    h.sim.failNext({ route: /\/callback$/, status: 429, retryAfter: 0.2 });
    const handle = h.ask(QUESTION, otherUser(8));
    const edit = await handle.waitForOriginalEdit({ timeoutMs: 20_000 });
    expect(sentMessage(edit).embeds).toHaveLength(1);
  });

  test('buttons keep working after the bot restarts', async () => {
    const edit = await h.ask(QUESTION).waitForOriginalEdit({ timeoutMs: 20_000 });
    const [passages] = customIds(sentMessage(edit));
    // A new bot: same data folder, fresh memory.
    await h.restart();
    const reply = sentMessage(await h.button(passages!).waitForCallback());
    expect(isEphemeral(reply)).toBe(true);
    expect(reply.embeds!.length).toBeGreaterThan(0);
    const stale = sentMessage(await h.button(answerButtonIds.passages('neverexisted')).waitForCallback());
    expect(stale.content).toMatch(/expired/);
  });
});

describe('cooldown', () => {
  let h: BotHarness;
  beforeAll(async () => {
    h = await startBotHarness({ embedder: null, cooldownSeconds: 60 });
  });
  afterAll(() => h?.close());

  test('a second question inside ASK_COOLDOWN_SECONDS is refused ephemerally with when to retry; others may ask', async () => {
    await h.ask(QUESTION).waitForOriginalEdit({ timeoutMs: 20_000 });
    const before = Math.floor(Date.now() / 1000);
    const callback = await h.ask(QUESTION).waitForCallback();
    expect(callbackType(callback)).toBe(4);
    const refusal = sentMessage(callback);
    expect(isEphemeral(refusal)).toBe(true);
    expect(refusal.allowed_mentions).toEqual({ parse: [] });
    const retryAt = Number(/<t:(\d+):R>/.exec(refusal.content ?? '')?.[1]);
    expect(retryAt).toBeGreaterThanOrEqual(before + 58);
    expect(retryAt).toBeLessThanOrEqual(before + 61);

    const other = await h.ask(QUESTION, otherUser(1)).waitForOriginalEdit({ timeoutMs: 20_000 });
    expect(sentMessage(other).embeds).toHaveLength(1);
  });
});
