import { ALL_PERMISSIONS } from '../../harness/discord-simulator/index.js';
import { csvButtonId } from '../../src/bot/insights/insights-view.js';
import { limitViolations } from '../helpers/discord-limits.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { callbackType, customIds, isEphemeral, sentMessage, unescape } from '../helpers/sent-message.js';
import { entry } from '../helpers/store-fixtures.js';

const MODERATOR = { memberPermissions: ALL_PERMISSIONS };
const HOUR = 3_600_000;

let h: BotHarness;
let articleIds: string[];
beforeAll(async () => {
  h = await startBotHarness();
  articleIds = h.engines
    .current()
    .status()
    .articles.map((a) => a.id);
  const { questions, votes } = h.bot.store;
  const now = Date.now();
  // Two wordings of one unanswered question, another asked once, long text that must be cut to fit.
  for (let i = 0; i < 5; i++)
    await questions.add(
      entry({
        at: now - i * HOUR,
        outcome: 'not-covered',
        reason: 'below-threshold',
        question: 'How much did the cyberattack cost Albania?',
      }),
    );
  for (let i = 0; i < 2; i++)
    await questions.add(
      entry({ at: now - HOUR, outcome: 'not-covered', reason: 'below-threshold', question: 'how much did the cyber attack cost albania' }),
    );
  for (let i = 0; i < 7; i++)
    await questions.add(
      entry({
        at: now - i * HOUR,
        outcome: 'not-covered',
        reason: 'unknown-name',
        term: 'Microsoft',
        question: `What did Microsoft find? (${i})`,
      }),
    );
  const unique = (i: number) => ['alpha', 'beta', 'gamma', 'delta'].map((w) => `${w}${i}`).join(' ');
  for (let i = 0; i < 60; i++)
    await questions.add(entry({ at: now, outcome: 'not-covered', question: `Is ${unique(i)} ${'z'.repeat(200)}${i}?` }));
  await questions.add(entry({ at: now - 10 * 86_400_000, outcome: 'not-covered', question: 'asked before the period' }));
  await questions.add(entry({ at: now, outcome: 'answered', articleIds: [articleIds[0]!], question: 'When did Albania cut ties?' }));
  const quote = { n: 1, source: articleIds[0]!, passageId: `${articleIds[0]}#0`, quote: 'Albania cut diplomatic ties with Iran.' };
  await votes.record({
    answerId: 'ans1',
    member: 'm1',
    at: now,
    guildId: null,
    vote: 'down',
    question: 'Why did Albania cut ties?',
    mode: 'keyword',
    citations: [quote],
  });
  await votes.record({
    answerId: 'ans1',
    member: 'm2',
    at: now,
    guildId: null,
    vote: 'down',
    question: 'Why did Albania cut ties?',
    mode: 'keyword',
    citations: [quote],
  });
});
afterAll(() => h?.close());

describe('/insights', () => {
  test('refuses a member without Manage Messages, privately, for the command and for its CSV button', async () => {
    for (const handle of [h.slash('insights'), h.button(csvButtonId(7))]) {
      const callback = await handle.waitForCallback();
      expect(callbackType(callback)).toBe(4);
      const sent = sentMessage(callback);
      expect(isEphemeral(sent)).toBe(true);
      expect(sent.content).toMatch(/Manage Messages/);
      expect(sent.embeds ?? []).toEqual([]);
    }
  });

  test('shows a moderator the four sections privately, within Discord’s limits, with a CSV button', async () => {
    const handle = h.slash('insights', { ...MODERATOR, options: { days: 7 } });
    expect(isEphemeral(sentMessage(await handle.waitForCallback()))).toBe(true);
    const sent = sentMessage(await handle.waitForOriginalEdit({ timeoutMs: 20_000 }));
    expect(limitViolations(sent)).toEqual([]);
    expect(sent.allowed_mentions).toEqual({ parse: [] });
    const [header, unanswered, names, down, uncited] = sent.embeds!.map((e) => ({
      title: unescape(e.title ?? ''),
      text: unescape(e.description ?? ''),
    }));
    expect(header!.text).toMatch(/^75 questions since .*: 1 answered, 74 not covered \(99% .*\), 0 refused, 0 failed\.$/);
    expect(unanswered!.title).toMatch(/^Top unanswered questions/);
    // The two wordings count as one question, ahead of everything asked once.
    expect(unanswered!.text.split('\n')[0]).toMatch(/^\*\*7×\*\* “How much did the cyberattack cost Albania\?” · last <t:\d+:R>/);
    expect(unanswered!.text).toMatch(/…and \d+ more \(see the CSV\)$/);
    expect(unanswered!.text).not.toContain('asked before the period');
    expect(names!.text).toMatch(/^\*\*Microsoft\*\* ×7 · last <t:\d+:R>$/);
    expect(down!.text).toContain('**2×** “Why did Albania cut ties?”');
    expect(down!.text).toContain('“Albania cut diplomatic ties with Iran.”');
    expect(uncited!.title).toBe(`Articles never cited (${articleIds.length - 1})`);
    expect(uncited!.text).not.toContain(`(${articleIds[0]})`);
    expect(customIds(sent)).toEqual([csvButtonId(7)]);
  });

  test('the CSV button attaches the full report: every item of every section', async () => {
    const click = h.button(csvButtonId(7), MODERATOR);
    expect(isEphemeral(sentMessage(await click.waitForCallback()))).toBe(true);
    const edit = await click.waitForOriginalEdit({ timeoutMs: 20_000 });
    expect(edit.files).toHaveLength(1);
    const [file] = edit.files;
    expect(file!.name).toMatch(/^casefile-insights-\d{4}-\d\d-\d\d-7d\.csv$/);
    const rows = file!.text.trim().split('\r\n');
    expect(rows[0]).toBe('section,item,count,last_at,detail');
    const bySection = (s: string) => rows.filter((r) => r.startsWith(`${s},`));
    expect(bySection('unanswered')).toHaveLength(62);
    expect(bySection('unanswered')[0]).toMatch(
      /^unanswered,How much did the cyberattack cost Albania\?,7,\d{4}-.*,terms: .* \| how much did the cyber attack cost albania$/,
    );
    expect(bySection('unknown-name')).toEqual([expect.stringMatching(/^unknown-name,Microsoft,7,/)]);
    expect(bySection('voted-down')).toEqual([expect.stringContaining('Why did Albania cut ties?,2,')]);
    expect(bySection('never-cited')).toHaveLength(articleIds.length - 1);
  });
});
