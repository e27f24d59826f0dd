import { ALL_PERMISSIONS } from '../../harness/discord-simulator/index.js';
import { limitViolations } from '../helpers/discord-limits.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { callbackType, isEphemeral, sentMessage, unescape } from '../helpers/sent-message.js';

const MODERATOR = { memberPermissions: ALL_PERMISSIONS };
/** Manage Messages and nothing else: the least a moderator needs. */
const MESSAGE_MANAGER = { memberPermissions: String(1n << 13n) };

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h?.close());

describe('/sources', () => {
  test('refuses a member without Manage Messages, ephemerally, whatever the command registration says', async () => {
    const callback = await h.slash('sources').waitForCallback();
    expect(callbackType(callback)).toBe(4);
    const sent = sentMessage(callback);
    expect(isEphemeral(sent)).toBe(true);
    expect(sent.content).toMatch(/Manage Messages/);
    expect(sent.allowed_mentions).toEqual({ parse: [] });
    expect(sent.embeds ?? []).toEqual([]);
  });

  test('lists every indexed article with its passage count, and the index status, ephemerally', async () => {
    const status = h.engines.current().status();
    const handle = h.slash('sources', MESSAGE_MANAGER);
    const callback = await handle.waitForCallback();
    expect(callbackType(callback)).toBe(5);
    expect(isEphemeral(sentMessage(callback))).toBe(true);
    const sent = sentMessage(await handle.waitForOriginalEdit({ timeoutMs: 20_000 }));
    expect(sent.allowed_mentions).toEqual({ parse: [] });
    expect(limitViolations(sent)).toEqual([]);
    const [embed] = sent.embeds!;
    const description = unescape(embed!.description!);
    for (const a of status.articles) {
      const line = description.split('\n').find((l) => l.includes(a.title.slice(0, 40)));
      expect(line).toBeDefined();
      expect(line).toContain(`${a.passages} passage`);
    }
    const fields = Object.fromEntries(embed!.fields!.map((f) => [f.name.replace(/ \(\d+\)$/, ''), unescape(f.value)]));
    expect(fields['Model']).toBe(status.model);
    expect(fields['Mode']).toContain(status.mode);
    expect(fields['Built']).toBe(`<t:${Math.floor(Date.parse(status.builtAt) / 1000)}:f>`);
    expect(fields['Passages']).toBe(String(status.passages));
    expect(fields['Skipped articles']).toBe(status.skipped.length ? expect.stringContaining(status.skipped[0]!.file) : 'None');
  });

  test('with a query shows the top passages with fused, bm25 and vector scores', async () => {
    const query = 'Iranian embassy staff ordered to leave';
    const expected = await h.engines.current().search(query, 5);
    expect(expected.length).toBeGreaterThan(0);
    const handle = h.slash('sources', { ...MODERATOR, options: { query } });
    const sent = sentMessage(await handle.waitForOriginalEdit({ timeoutMs: 20_000 }));
    expect(limitViolations(sent)).toEqual([]);
    const debug = sent.embeds![1]!;
    expect(unescape(debug.title!)).toContain(query);
    expect(debug.fields).toHaveLength(expected.length);
    for (const [i, r] of expected.entries()) {
      const field = debug.fields![i]!;
      expect(unescape(field.name)).toContain(r.passage.id);
      expect(field.value).toContain(`fused ${r.score.toFixed(4)}`);
      expect(field.value).toContain(`bm25 ${r.bm25 === undefined ? '—' : r.bm25.toFixed(4)}`);
      expect(field.value).toContain(`vector ${r.vector === undefined ? '—' : r.vector.toFixed(4)}`);
    }
  });
});
