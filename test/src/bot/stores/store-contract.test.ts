import { STORE_BACKENDS, type FreshDatabase } from '../../../helpers/store-backends.js';
import { answered, entry } from '../../../helpers/store-fixtures.js';
import type { Store, VoteRecord } from '../../../../src/bot/stores/store.js';

/**
 * The {@link Store} contract, run against every store (SQLite, and PostgreSQL when its binaries
 * are here): what the bot's buttons, follow-ups, votes, insights, forget and retention rely on,
 * whichever database keeps it.
 */
const DAY_MS = 24 * 60 * 60 * 1000;
const vote = (over: Partial<VoteRecord> = {}): VoteRecord => ({
  answerId: 'x',
  member: 'm1',
  at: Date.now(),
  guildId: null,
  vote: 'up',
  question: 'Q?',
  mode: 'keyword',
  citations: [],
  ...over,
});

describe.each(STORE_BACKENDS.map((b) => [b.name, b] as const))('the %s store', (_name, backend) => {
  const run = backend.available ? test : test.skip;
  let db: FreshDatabase;
  const opened: Store[] = [];
  const open = async (days = 30, now?: () => number) => {
    const store = await db.open({ questionLogDays: days, ...(now ? { now } : {}) });
    opened.push(store);
    return store;
  };
  beforeAll(async () => {
    if (backend.available) await backend.setup();
  });
  afterAll(async () => {
    if (backend.available) await backend.teardown();
  });
  beforeEach(async () => {
    if (backend.available) db = await backend.fresh();
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    await db?.dispose();
  });

  run('keeps answers for their buttons, readable from another connection, until they expire', async () => {
    let now = Date.now();
    const store = await open(30, () => now);
    const record = await store.answers.add(answered('Q?', ['a1', 'a2']), 'm1');
    expect(await store.answers.get(record.id)).toEqual(record);
    expect(await (await open(30, () => now)).answers.get(record.id)).toEqual(record);
    expect(await store.answers.get('unknown')).toBeUndefined();
    now += 31 * DAY_MS;
    expect(await store.answers.get(record.id)).toBeUndefined();
    expect((await store.prune(now)).answers).toBe(1);
  });

  run('keeps conversations under the given id across a reopen, replaces a retried save, expires them with the answers', async () => {
    let now = Date.now();
    const chain = [{ question: 'Who attacked Albania?', person: 'Edi Rama' }, { question: 'When did that happen?' }];
    const store = await open(30, () => now);
    expect((await store.conversations.add(chain, 'member-a', 'answer-1')).id).toBe('answer-1');
    await store.conversations.add(chain.slice(0, 1), 'member-a', 'answer-1');
    await store.close();
    const again = await open(30, () => now);
    expect(await again.conversations.get('answer-1')).toEqual({
      id: 'answer-1',
      member: 'member-a',
      createdAt: now,
      chain: chain.slice(0, 1),
    });
    const fresh = await again.conversations.add(chain, 'member-b');
    expect((await again.conversations.get(fresh.id))?.chain).toEqual(chain);
    now += 31 * DAY_MS;
    expect(await again.conversations.get('answer-1')).toBeUndefined();
  });

  run('counts one vote per member per answer, across connections and when two race', async () => {
    const store = await open();
    const other = await open();
    expect(await store.votes.record(vote())).toEqual({ recorded: true });
    expect(await other.votes.record(vote({ vote: 'down' }))).toEqual({ recorded: false, existing: 'up' });
    expect(await other.votes.record(vote({ member: 'm2', vote: 'down' }))).toEqual({ recorded: true });
    const race = await Promise.all([
      store.votes.record(vote({ answerId: 'y', vote: 'down' })),
      other.votes.record(vote({ answerId: 'y' })),
    ]);
    expect(race.filter((r) => r.recorded)).toHaveLength(1);
    expect(race.find((r) => !r.recorded)).toEqual({ recorded: false, existing: race[0]!.recorded ? 'down' : 'up' });
  });

  run('reports a period: outcomes, not-covered questions counted by text, articles cited, down votes', async () => {
    const now = Date.now();
    const store = await open(30, () => now);
    await store.questions.add(entry({ at: now - 1000, articleIds: ['a1', 'a2'] }));
    await store.questions.add(entry({ at: now - 900, articleIds: ['a2', 'a3'] }));
    for (const at of [now - 800, now - 700])
      await store.questions.add(
        entry({ at, outcome: 'not-covered', reason: 'unknown-name', term: 'Microsoft', question: 'Did Microsoft help?' }),
      );
    await store.questions.add(entry({ at: now - 600, outcome: 'refused', reason: 'cooldown' }));
    await store.questions.add(entry({ at: now - 10 * DAY_MS, outcome: 'error', question: 'too old for the period' }));
    const citations = [{ n: 1, source: 'a1', passageId: 'a1#0', quote: 'A quote.' }];
    await store.votes.record(vote({ at: now - 500, vote: 'down', citations }));
    const period = await store.questions.period(now - DAY_MS);
    expect(period.outcomes).toEqual({ answered: 2, 'not-covered': 2, refused: 1, error: 0 });
    expect(period.notCovered).toEqual([
      { question: 'Did Microsoft help?', reason: 'unknown-name', term: 'Microsoft', count: 2, lastAsked: now - 700 },
    ]);
    expect([...period.citedArticleIds].sort()).toEqual(['a1', 'a2', 'a3']);
    expect(period.downVotes).toEqual([{ answerId: 'x', question: 'Q?', at: now - 500, citations }]);
  });

  run('retention: questions and votes older than QUESTION_LOG_DAYS are deleted; 0 keeps none', async () => {
    const now = Date.now();
    const store = await open(7, () => now);
    await store.questions.add(entry({ at: now - 8 * DAY_MS, question: 'old' }));
    await store.questions.add(entry({ at: now - 6 * DAY_MS, question: 'recent' }));
    await store.votes.record(vote({ at: now - 8 * DAY_MS, vote: 'down', question: 'old' }));
    expect(await store.prune(now)).toEqual({ questions: 1, votes: 1, answers: 0 });
    expect((await store.questions.period(0)).outcomes.answered).toBe(1);

    const off = await open(0, () => now);
    expect(off.questions.enabled).toBe(false);
    await off.questions.add(entry({ question: 'not kept' }));
    expect((await off.prune(now)).questions).toBe(1);
    expect((await off.questions.period(0)).outcomes.answered).toBe(0);
  });

  run('forget deletes one member’s questions, votes, answers and conversations, and nobody else’s', async () => {
    const store = await open();
    const kept: Record<string, { answer: string; conversation: string }> = {};
    for (const member of ['m1', 'm2']) {
      await store.questions.add(entry({ member }));
      const answer = (await store.answers.add(answered('Q?'), member)).id;
      const conversation = (await store.conversations.add([{ question: 'Q?' }], member)).id;
      await store.votes.record(vote({ member }));
      kept[member] = { answer, conversation };
    }
    expect(await store.forget('m1')).toEqual({ questions: 1, votes: 1, answers: 1 });
    expect(await store.answers.get(kept.m1!.answer)).toBeUndefined();
    expect(await store.conversations.get(kept.m1!.conversation)).toBeUndefined();
    expect(await store.answers.get(kept.m2!.answer)).toBeDefined();
    expect(await store.conversations.get(kept.m2!.conversation)).toBeDefined();
    expect(await store.votes.record(vote({ member: 'm2' }))).toEqual({ recorded: false, existing: 'up' });
    expect((await store.questions.period(0)).outcomes.answered).toBe(1);
  });

  run('suggests answered /ask questions 3 members asked (close variants together), most asked and best voted first', async () => {
    const store = await open();
    const ask = (question: string, member: string, over: Parameters<typeof entry>[0] = {}) =>
      store.questions.add(entry({ question, member, ...over }));
    for (const m of ['m1', 'm2', 'm3', 'm4']) await ask('Who attacked Albania?', m, { answerId: `a-${m}` });
    for (const m of ['m1', 'm2']) await ask('When did Albania cut ties with Iran?', m, { answerId: `b-${m}` });
    await ask('when did albania cut its TIES with iran', 'm3', { answerId: 'b-m3' });
    for (const m of ['m1', 'm2', 'm3']) await ask('Was anyone arrested?', m, { outcome: 'not-covered' });
    for (const m of ['m1', 'm2', 'm3']) await ask('Why was the embassy closed?', m, { command: 'check' });
    expect((await store.questions.suggestions(3, 25)).map((s) => s.question)).toEqual([
      'Who attacked Albania?',
      'When did Albania cut ties with Iran?',
    ]);
    for (const [answerId, member] of [
      ['b-m1', 'x'],
      ['b-m2', 'y'],
    ] as const)
      await store.votes.record(vote({ answerId, member }));
    await store.votes.record(vote({ answerId: 'a-m1', member: 'x', vote: 'down' }));
    const ranked = await store.questions.suggestions(3, 25);
    expect(ranked[0]).toMatchObject({ question: 'When did Albania cut ties with Iran?', members: 3, asks: 3, upVotes: 2, downVotes: 0 });
    expect(ranked[1]).toMatchObject({ question: 'Who attacked Albania?', members: 4, asks: 4, upVotes: 0, downVotes: 1 });
    expect(await store.questions.suggestions(3, 1)).toHaveLength(1);
  });

  run('a moderator’s hide takes a question and its close variants out of every connection’s suggestions until unhidden', async () => {
    const store = await open();
    const other = await open();
    for (const m of ['m1', 'm2', 'm3']) await store.questions.add(entry({ question: 'Who attacked Albania?', member: m }));
    expect(await other.questions.suggestions(3, 25)).toHaveLength(1);
    expect(await other.questions.hide('who ATTACKED albania', 1000)).toBe(true);
    expect(await store.questions.hide('Who attacked Albania?', 2000)).toBe(false);
    expect(await store.questions.hide('What was it?', 1)).toBe(false);
    expect(await store.questions.suggestions(3, 25)).toEqual([]);
    expect(await store.questions.hidden()).toEqual([{ question: 'who ATTACKED albania', key: expect.any(String), at: 1000 }]);
    expect(await store.questions.unhide('Who attacked Albania')).toBe(true);
    expect(await other.questions.unhide('Who attacked Albania')).toBe(false);
    expect(await other.questions.suggestions(3, 25)).toHaveLength(1);
  });

  run('closing twice is harmless', async () => {
    const store = await open();
    await store.close();
    await expect(store.close()).resolves.toBeUndefined();
  });
});
