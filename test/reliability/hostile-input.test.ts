import { MAX_QUESTION_LENGTH } from '../../src/question.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { limitViolations } from '../helpers/discord-limits.js';
import { EPHEMERAL, finalReply, sentMessage, visibleText, type Reply } from '../../harness/interaction-reply.js';

/**
 * Hostile and odd `/ask` input through the simulator. The simulator sends what a client could
 * (including longer than Discord allows). Every case must get a sensible reply within Discord's
 * limits, with mentions disabled and nothing in the echoed text that looks like a mention or
 * breaks the reply's markdown.
 */

const IDS = { user: '1150000000000000201', role: '1150000000000000301', channel: '1150000000000000401' };
const ON_TOPIC = 'When did Albania cut ties with Iran?';

type Expectation = 'refused-empty' | 'refused-too-long' | 'replied';

const cases: Array<[string, string, Expectation]> = [
  ['an empty question', '', 'refused-empty'],
  ['whitespace only', ' \t\n   \n ', 'refused-empty'],
  [
    'exactly the maximum length',
    (ON_TOPIC + ' ').repeat(Math.ceil(MAX_QUESTION_LENGTH / ON_TOPIC.length)).slice(0, MAX_QUESTION_LENGTH),
    'replied',
  ],
  ['one character over the maximum', 'a'.repeat(MAX_QUESTION_LENGTH + 1), 'refused-too-long'],
  ['far beyond what Discord allows (6000 characters)', 'Albania '.repeat(750), 'refused-too-long'],
  ['only emoji', '🇦🇱🇮🇷💻🔥😱👀', 'replied'],
  ['only zero-width characters', '\u200b\u200c\u200d\u2060\ufeff', 'replied'],
  ['zero-width characters inside words', 'When did Al\u200bba\u200dnia cut ties with I\u2060ran?', 'replied'],
  ['@everyone and @here', '@everyone @here when did Albania cut ties with Iran?', 'replied'],
  [
    'user, nickname and role mentions',
    `<@${IDS.user}> <@!${IDS.user}> <@&${IDS.role}> <#${IDS.channel}> why did Albania expel diplomats?`,
    'replied',
  ],
  ['a mention split by a zero-width joiner', '@\u200deveryone <\u200d@123456789012345678> who attacked Albania?', 'replied'],
  ['a code block that would swallow the reply', '```\nwho attacked Albania? ``` ` ``` **bold** __u__ ~~s~~ ||spoiler||', 'replied'],
  [
    'markdown links, headings and quotes',
    '# Big\n> quoted [click](https://evil.example) -# small\nWho was behind the cyberattack?',
    'replied',
  ],
  ['right-to-left text and overrides', '\u202eايران\u202c متى قطعت ألبانيا العلاقات مع إيران؟ \u200fמתי', 'replied'],
  ['Albanian', 'Kur i ndërpreu Shqipëria marrëdhëniet diplomatike me Iranin?', 'replied'],
  ['Persian', 'چرا آلبانی روابط دیپلماتیک با ایران را قطع کرد؟', 'replied'],
  ['Chinese', '阿尔巴尼亚为什么与伊朗断交？', 'replied'],
  ['control characters and a NUL', 'Who\u0000 attacked\u0007 Albania\u001b[31m?', 'replied'],
  ['lone surrogates', 'Albania \ud800 Iran \udfff cyberattack', 'replied'],
];

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h?.close());

/** Mention syntax Discord would resolve or render: @everyone/@here and <@id>, <@!id>, <@&id>. */
const MENTION = /@(everyone|here)|<@[!&]?\d+>/;
/** A code fence or inline code the question could open; escaped ones are preceded by a backslash. */
const UNESCAPED_FENCE = /(?<!\\)```/;

function expectSafe(reply: Reply): void {
  expect(reply.messages.length).toBeGreaterThan(0);
  for (const request of reply.messages) expect(sentMessage(request).allowed_mentions).toEqual({ parse: [] });
  const text = visibleText(reply.message);
  expect(text).not.toMatch(MENTION);
  expect(text).not.toMatch(UNESCAPED_FENCE);
  expect(limitViolations(reply.message)).toEqual([]);
}

describe.each(cases)('/ask with %s', (_label, question, expectation) => {
  it('gets a sensible, safe reply', async () => {
    const reply = await finalReply(h.ask(question));
    expect(reply.callback.status).toBeLessThan(300);
    expectSafe(reply);
    const text = visibleText(reply.message);
    if (process.env.SHOW_REPLIES)
      process.stdout.write(`${JSON.stringify(question.slice(0, 60))} → ${JSON.stringify(text.slice(0, 160))}\n`);
    if (expectation === 'refused-empty') {
      expect(reply.callbackType).toBe(4);
      expect(reply.message.flags! & EPHEMERAL).toBe(EPHEMERAL);
      expect(text).toMatch(/Please type a question/);
    } else if (expectation === 'refused-too-long') {
      expect(reply.message.flags! & EPHEMERAL).toBe(EPHEMERAL);
      expect(text).toMatch(new RegExp(`under ${MAX_QUESTION_LENGTH} characters`));
    } else {
      // An answer with quotes, or a "not covered" reply that says what the articles cover.
      expect(reply.message.embeds?.length).toBe(1);
      const embed = reply.message.embeds![0]!;
      expect(embed.title?.length).toBeGreaterThan(0);
      expect(embed.description).toMatch(/”|don't cover|could not find any words/);
    }
  });
});

it('never logged an interaction as a crash', async () => {
  // The router writes its line just after the reply goes out.
  for (let i = 0; i < 100 && h.logs('interaction').length < cases.length; i++) await new Promise((r) => setTimeout(r, 20));
  expect(h.logs('interaction failed')).toEqual([]);
  expect(h.logs('interaction handler crashed')).toEqual([]);
  const outcomes = h.logs('interaction').map((l) => l.outcome);
  expect(outcomes.length).toBe(cases.length);
  expect(outcomes.every((o) => o !== 'error')).toBe(true);
});
