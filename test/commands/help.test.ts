import { limitViolations } from '../helpers/discord-limits.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { callbackType, isEphemeral, sentMessage, unescape } from '../helpers/sent-message.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness({ embedder: null });
});
afterAll(() => h?.close());

test('/help explains the incident, lists the articles and how to ask, ephemerally', async () => {
  const callback = await h.slash('help').waitForCallback();
  expect(callbackType(callback)).toBe(4);
  const sent = sentMessage(callback);
  expect(isEphemeral(sent)).toBe(true);
  expect(sent.allowed_mentions).toEqual({ parse: [] });
  expect(limitViolations(sent)).toEqual([]);
  const [embed] = sent.embeds!;
  expect(embed!.description).toMatch(/Albania/);
  expect(embed!.description).toMatch(/Iran/);
  const text = unescape(JSON.stringify(embed));
  expect(text).toContain('/ask');
  expect(text).toContain('Check against sources');
  for (const a of h.engines.current().status().articles) expect(unescape(embed!.fields!.at(-1)!.value)).toContain(a.title.slice(0, 30));
});
