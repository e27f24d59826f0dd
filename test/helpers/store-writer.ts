import { SqliteStore } from '../../src/bot/stores/sqlite/sqlite-store.js';

/**
 * A separate process writing to a shared database, for the concurrent-writers test:
 * `store-writer.ts <file> <member> <count>` logs `count` questions and votes as `member`, one
 * transaction each, and prints how many succeeded.
 */
const [file, member, count] = process.argv.slice(2);
const store = SqliteStore.open(file!, { questionLogDays: 30 });
let ok = 0;
for (let i = 0; i < Number(count); i++) {
  await store.questions.add({
    at: Date.now(),
    member: member!,
    command: 'ask',
    outcome: 'answered',
    articleIds: ['a1'],
    latencyMs: 1,
    question: `q${i}`,
  });
  await store.votes.record({
    answerId: `answer-${i}`,
    member: member!,
    at: Date.now(),
    guildId: null,
    vote: 'up',
    question: `q${i}`,
    mode: 'keyword',
    citations: [],
  });
  ok++;
}
await store.close();
process.stdout.write(`${ok}\n`);
