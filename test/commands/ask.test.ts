import path from 'node:path';
import { SHOWN_QUOTES } from '../../src/answer/reply.js';
import { answerButtonIds } from '../../src/bot/views/answer-view.js';
import { MemberHasher } from '../../src/bot/stores/member-hash.js';
import { limitViolations } from '../helpers/discord-limits.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { otherUser } from '../../harness/other-user.js';
import type { RecordedRequest } from '../../harness/discord-simulator/index.js';
import { customIds as idsOf, EPHEMERAL, sentMessage } from '../helpers/sent-message.js';
import { sqliteDb } from '../helpers/sqlite-db.js';

const QUESTION = 'When did Albania cut diplomatic ties with Iran?';
const OFF_TOPIC = 'What is the boiling point of liquid nitrogen?';
/** A question the articles answer with more quotes than a reply shows. */
const MANY = 'How long did the Iranian diplomats have to leave?';

const message = sentMessage;
const customIds = (r: RecordedRequest) => idsOf(sentMessage(r));
const body = (r: RecordedRequest) => r.body as { type?: number; data?: { flags?: number } };
/** Rendered markdown as read: bold markers and escapes removed in one pass, so an escaped `*` stays. */
const plain = (markdown: string) => markdown.replace(/\\(.)|\*\*/gu, (_, escaped?: string) => escaped ?? '');

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h?.close());

describe('/ask', () => {
  test('defers at once, then edits in the quotes with [n] markers, the sources and the buttons', async () => {
    const expected = await h.engines.current().ask(QUESTION);
    expect(expected.answered).toBe(true);

    const handle = h.ask(QUESTION);
    const callback = await handle.waitForCallback();
    expect(callback.status).toBeLessThan(300);
    expect(body(callback).type).toBe(5); // deferred: "thinking…"
    expect(Number(body(callback).data?.flags ?? 0) & EPHEMERAL).toBe(0);

    const edit = await handle.waitForOriginalEdit({ timeoutMs: 20_000 });
    expect(edit.status).toBe(200);
    const sent = message(edit);
    expect(sent.allowed_mentions).toEqual({ parse: [] });
    expect(limitViolations(sent)).toEqual([]);
    const [embed] = sent.embeds!;
    expect(embed!.title).toBe(QUESTION);
    const shown = expected.citations.slice(0, SHOWN_QUOTES);
    for (const c of shown) {
      expect(embed!.description).toContain(` [${c.n}]`);
      expect(embed!.fields!.some((f) => f.name.includes(`[${c.n}]`))).toBe(true);
    }
    const status = h.engines.current().status();
    const titles = new Map(status.articles.map((a) => [a.id, a.title]));
    for (const source of new Set(shown.map((c) => c.source))) {
      expect(embed!.fields!.some((f) => f.name.includes(titles.get(source)!.slice(0, 40)))).toBe(true);
    }
    const alsoIds = shown.flatMap((c) => c.also.filter((id) => id !== c.source));
    for (const id of alsoIds)
      expect(embed!.fields!.some((f) => f.value.includes('Also reported by') && f.value.includes(titles.get(id)!.slice(0, 30)))).toBe(true);

    const ids = customIds(edit);
    expect(ids).toHaveLength(4);
    for (const id of ids) expect(id.length).toBeLessThanOrEqual(100);
    expect(ids[0]).toMatch(/^ask:passages:/);
    expect(ids.slice(1)).toEqual([
      expect.stringMatching(/^ask:vote:up:/),
      expect.stringMatching(/^ask:vote:down:/),
      expect.stringMatching(/^ask:follow:/),
    ]);
  });

  test('quotes are the verbatim sentences the engine cites, the answer in bold, marks never doubled', async () => {
    const expected = await h.engines.current().ask(QUESTION);
    const handle = h.ask(QUESTION, otherUser(1));
    const description = message(await handle.waitForOriginalEdit({ timeoutMs: 20_000 })).embeds![0]!.description!;
    // The quote is escaped for markdown and its answer bold; undo both to compare with the article's words.
    const lines = description.split('\n\n').map(plain);
    expect(lines).toHaveLength(Math.min(SHOWN_QUOTES, expected.citations.length));
    for (const [i, c] of expected.citations.slice(0, SHOWN_QUOTES).entries()) {
      expect(lines[i]).toContain(`${c.quote.replace(/\s+/g, ' ').trim()}`);
      expect(lines[i]).toMatch(new RegExp(`\\[${c.n}\\]$`));
      expect(lines[i]).not.toMatch(/““|””/);
    }
    const bold = [...description.matchAll(/(?<!\\)\*\*(.+?)\*\*/g)].map((m) => plain(m[1]!));
    const highlighted = expected.citations.slice(0, SHOWN_QUOTES).flatMap((c) => c.highlights.map((s) => c.quote.slice(s.start, s.end)));
    expect(highlighted.length).toBeGreaterThan(0);
    expect(bold).toEqual(highlighted);
  });

  test('shows at most 3 quotes; Show passages holds every citation, also the ones left out', async () => {
    const expected = await h.engines.current().ask(MANY);
    expect(expected.citations.length).toBeGreaterThan(SHOWN_QUOTES);
    const edit = await h.ask(MANY, otherUser(6)).waitForOriginalEdit({ timeoutMs: 20_000 });
    const [embed] = message(edit).embeds!;
    expect(embed!.description!.match(/ \[\d+\]$/gm)).toEqual(expected.citations.slice(0, SHOWN_QUOTES).map((c) => ` [${c.n}]`));
    const fieldNumbers = embed!.fields!.flatMap((f) => [...f.name.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1])));
    expect(Math.max(...fieldNumbers)).toBeLessThanOrEqual(SHOWN_QUOTES);
    expect(embed!.footer!.text).toContain(`${expected.citations.length - SHOWN_QUOTES} more`);

    const click = h.button(customIds(edit)[0]!, otherUser(6));
    const embeds = [...message(await click.waitForCallback()).embeds!];
    const passageCount = new Set(expected.citations.map((c) => c.passageId)).size;
    for (let nth = 1; embeds.length < passageCount; nth++) embeds.push(...message(await click.waitForFollowUp({ nth })).embeds!);
    const numbers = embeds.flatMap((e) => [...e.title!.matchAll(/\[(\d+)\]/g)].map((m) => Number(m[1]))).sort((a, b) => a - b);
    expect(numbers).toEqual(expected.citations.map((c) => c.n));
    const shownText = embeds.map((e) => plain(e.description!)).join('\n');
    for (const c of expected.citations) expect(shownText).toContain(c.quote.replace(/\s+/g, ' ').trim());
  });

  test('private: true makes the deferral and so the answer ephemeral', async () => {
    const handle = h.ask(QUESTION, { private: true });
    const callback = await handle.waitForCallback();
    expect(body(callback).type).toBe(5);
    expect((body(callback).data!.flags as number) & EPHEMERAL).toBe(EPHEMERAL);
    const edit = await handle.waitForOriginalEdit({ timeoutMs: 20_000 });
    expect(message(edit).allowed_mentions).toEqual({ parse: [] });
    expect(message(edit).embeds).toHaveLength(1);
  });

  test('a question the articles do not cover gets a friendly "not covered" with the coverage hint, and only the follow-up button', async () => {
    const expected = await h.engines.current().ask(OFF_TOPIC);
    expect(expected.answered).toBe(false);
    const edit = await h.ask(OFF_TOPIC).waitForOriginalEdit({ timeoutMs: 20_000 });
    const sent = message(edit);
    const description = sent.embeds![0]!.description!.replace(/\\(.)/g, '$1');
    expect(description).toMatch(/don't cover/);
    expect(description).toContain(h.engines.current().coverageHint());
    expect(customIds(edit)).toEqual([expect.stringMatching(/^ask:follow:/)]);
    expect(sent.allowed_mentions).toEqual({ parse: [] });
  });

  test('echoed question text is markdown-escaped and cannot mention anyone', async () => {
    const sneaky = '@everyone **who** did <@1150000000000000201> blame for the cyberattack?';
    const edit = await h.ask(sneaky).waitForOriginalEdit({ timeoutMs: 20_000 });
    const sent = message(edit);
    expect(sent.allowed_mentions).toEqual({ parse: [] });
    const title = sent.embeds![0]!.title!;
    expect(title).not.toMatch(/@everyone|<@\d+>/);
    expect(title).toContain('\\*\\*who\\*\\*');
  });

  test('"Show passages" replies ephemerally with the full passages behind the citations', async () => {
    const expected = await h.engines.current().ask(QUESTION);
    const edit = await h.ask(QUESTION).waitForOriginalEdit({ timeoutMs: 20_000 });
    const passagesId = customIds(edit)[0]!;

    const click = h.button(passagesId, otherUser(2));
    const callback = await click.waitForCallback();
    expect(body(callback).type).toBe(4);
    const first = message(callback);
    expect(first.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(first.allowed_mentions).toEqual({ parse: [] });
    expect(limitViolations(first)).toEqual([]);

    // Later passages may come as ephemeral follow-ups when one message cannot hold them all.
    const passageIds = [...new Set(expected.citations.map((c) => c.passageId))];
    const embeds = [...first.embeds!];
    for (let nth = 1; embeds.length < passageIds.length; nth++) {
      const followUp = message(await click.waitForFollowUp({ nth }));
      expect(followUp.flags! & EPHEMERAL).toBe(EPHEMERAL);
      expect(followUp.allowed_mentions).toEqual({ parse: [] });
      expect(limitViolations(followUp)).toEqual([]);
      embeds.push(...followUp.embeds!);
    }
    expect(embeds).toHaveLength(passageIds.length);
    for (const [i, id] of passageIds.entries()) {
      const passage = h.engines.current().passage(id)!;
      const shown = embeds[i]!.description!.replace(/\*\*/g, '').replace(/\\(.)/g, '$1');
      const full = passage.text.replace(/\s+/g, ' ').trim();
      if (full.length < 3900) expect(shown).toBe(full);
      else expect(full.startsWith(shown.replace(/…$/, ''))).toBe(true);
    }
  });

  test('👍 / 👎 record one vote per member per answer in the store, under a salted hash of the user id', async () => {
    const edit = await h.ask(QUESTION).waitForOriginalEdit({ timeoutMs: 20_000 });
    const [, up, down] = customIds(edit);
    const answerId = up!.split(':').pop()!;
    expect(down).toBe(answerButtonIds.vote(answerId, 'down'));
    const votesFor = () =>
      sqliteDb(h.bot.store)
        .prepare('SELECT member, vote, question, citations FROM votes WHERE answer_id = ? ORDER BY at, rowid')
        .all(answerId) as Array<{ member: string; vote: string; question: string; citations: string }>;
    const members = (await MemberHasher.read(path.join(h.root, 'data', 'member-salt')))!;

    const first = message(await h.button(up!, otherUser(3)).waitForCallback());
    expect(first.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(first.content).toMatch(/Thanks/);
    expect(first.allowed_mentions).toEqual({ parse: [] });

    const again = message(await h.button(down!, otherUser(3)).waitForCallback());
    expect(again.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(again.content).toMatch(/already/);

    const other = message(await h.button(down!, otherUser(4)).waitForCallback());
    expect(other.content).toMatch(/Thanks/);

    const votes = votesFor();
    expect(votes.map((v) => [v.member, v.vote])).toEqual([
      [members.of(otherUser(3).user!.id!), 'up'],
      [members.of(otherUser(4).user!.id!), 'down'],
    ]);
    expect(JSON.stringify(votes)).not.toContain(otherUser(3).user!.id);
    expect(votes[0]!.question).toBe(QUESTION);
    expect((JSON.parse(votes[0]!.citations) as Array<{ quote: string }>)[0]!.quote.length).toBeGreaterThan(0);
  });

  test('stale and unknown buttons get a clear ephemeral note', async () => {
    // "ask:constructor" and "ask:toString" name no handler: Object's prototype is not one.
    for (const customId of [
      answerButtonIds.passages('gone1234567'),
      answerButtonIds.vote('gone1234567', 'up'),
      'somethingelse:entirely',
      'ask:constructor',
      'ask:toString',
    ]) {
      const sent = message(await h.button(customId).waitForCallback());
      expect(sent.flags! & EPHEMERAL).toBe(EPHEMERAL);
      expect(sent.content).toMatch(/expired|no longer works/);
      expect(sent.allowed_mentions).toEqual({ parse: [] });
    }
  });

  test('an unknown command gets an ephemeral note and the bot keeps answering', async () => {
    const sent = message(await h.slash('no-such-command').waitForCallback());
    expect(sent.flags! & EPHEMERAL).toBe(EPHEMERAL);
    expect(sent.content).toMatch(/don't know that command/);
    const edit = await h.ask(QUESTION).waitForOriginalEdit({ timeoutMs: 20_000 });
    expect(message(edit).embeds).toHaveLength(1);
  });

  test('writes one log line per interaction with latency, command, user id, answered and mode', async () => {
    const handle = h.ask(QUESTION, otherUser(5));
    await handle.waitForOriginalEdit({ timeoutMs: 20_000 });
    const line = await waitFor(() => h.logs('interaction').find((r) => r.interactionId === handle.id));
    expect(line).toMatchObject({
      command: 'ask',
      kind: 'command',
      userId: otherUser(5).user!.id,
      outcome: 'ok',
      answered: true,
      mode: h.engines.current().status().mode,
    });
    expect(typeof line.latencyMs).toBe('number');
    expect(h.logLines.join('\n')).not.toContain(h.sim.token);
  });
});

test('the bot only called routes Discord has', () => {
  expect(h.sim.unhandledRequests()).toEqual([]);
});

async function waitFor<T>(get: () => T | undefined, timeoutMs = 5000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = get();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error('timed out waiting');
    await new Promise((r) => setTimeout(r, 20));
  }
}
