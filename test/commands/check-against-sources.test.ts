import { SHOWN_QUOTES } from '../../src/answer/reply.js';
import { limitViolations } from '../helpers/discord-limits.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { callbackType, customIds, isEphemeral, sentMessage, unescape } from '../helpers/sent-message.js';

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h?.close());

describe('message menu "Check against sources"', () => {
  test('checks the message text and shows the supporting quotes to the clicker only', async () => {
    const claim = 'Albania expelled the Iranian diplomats after the cyberattack in July.';
    const expected = await h.engines.current().ask(claim);
    expect(expected.answered).toBe(true);
    const handle = h.checkMessage(claim);
    const callback = await handle.waitForCallback();
    expect(callbackType(callback)).toBe(5);
    expect(isEphemeral(sentMessage(callback))).toBe(true);
    const sent = sentMessage(await handle.waitForOriginalEdit({ timeoutMs: 20_000 }));
    expect(sent.allowed_mentions).toEqual({ parse: [] });
    expect(limitViolations(sent)).toEqual([]);
    const [embed] = sent.embeds!;
    expect(unescape(embed!.title!)).toContain(claim.slice(0, 40));
    // Escapes and the bold around the answer undone in one pass, so an escaped `*` in a quote stays.
    const description = embed!.description!.replace(/\\(.)|\*\*/gu, (_, escaped?: string) => escaped ?? '');
    const shown = expected.citations.slice(0, SHOWN_QUOTES);
    expect(description.split('\n\n')).toHaveLength(shown.length);
    for (const [i, c] of shown.entries()) {
      expect(description.split('\n\n')[i]).toContain(c.quote.replace(/\s+/g, ' ').trim());
      expect(description.split('\n\n')[i]).toMatch(new RegExp(` \\[${c.n}\\]$`));
    }
    // Passages can be opened; no votes on a private check.
    expect(customIds(sent)).toEqual([expect.stringMatching(/^ask:passages:/)]);
  });

  test('says "not covered" for a message the articles say nothing about', async () => {
    const text = 'The new bakery downtown sells excellent sourdough bread on weekends.';
    expect((await h.engines.current().ask(text)).answered).toBe(false);
    const sent = sentMessage(await h.checkMessage(text).waitForOriginalEdit({ timeoutMs: 20_000 }));
    expect(unescape(sent.embeds![0]!.description!)).toMatch(/don't cover/);
  });

  test('a message without text gets an ephemeral note', async () => {
    const sent = sentMessage(await h.checkMessage('').waitForCallback());
    expect(isEphemeral(sent)).toBe(true);
    expect(sent.content).toMatch(/no text/);
  });
});
