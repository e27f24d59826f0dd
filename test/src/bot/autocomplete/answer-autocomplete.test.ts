import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Client } from 'discord.js';
import {
  autocompleteInteraction,
  loggedInClient,
  startDiscordSimulator,
  type DiscordSimulator,
} from '../../../../harness/discord-simulator/index.js';
import { answerAutocomplete } from '../../../../src/bot/autocomplete/answer-autocomplete.js';
import { QuestionSuggester } from '../../../../src/bot/autocomplete/suggester.js';
import type { AutocompleteHandler } from '../../../../src/bot/command.js';
import { SqliteStore } from '../../../../src/bot/stores/sqlite/sqlite-store.js';
import { captureLog, type CapturedLog } from '../../../helpers/log-capture.js';

/** The router's autocomplete step with a real discord.js client: whatever the handler does, the member gets a valid (maybe empty) result. */

let sim: DiscordSimulator;
let client: Client;
let dir: string;
let store: SqliteStore;
let log: CapturedLog;
let handler: AutocompleteHandler | undefined;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'casefile-answer-autocomplete-'));
  store = SqliteStore.open(path.join(dir, 'casefile.db'), { questionLogDays: 30 });
  log = captureLog();
  const suggestions = new QuestionSuggester(store.questions, { current: async () => ['When did it happen?'] }, log.logger);
  sim = await startDiscordSimulator();
  client = await loggedInClient(sim, async (i) => {
    if (i.isAutocomplete()) await answerAutocomplete(i, handler, { suggestions, questions: store.questions }, log.logger);
  });
});
afterAll(async () => {
  await client?.destroy();
  await sim?.close();
  await store?.close();
  await rm(dir, { recursive: true, force: true });
});

async function choices(): Promise<unknown> {
  const callback = await sim
    .dispatchInteraction(autocompleteInteraction({ name: 'ask', focused: 'question', value: 'when' }))
    .waitForCallback();
  expect(callback.status).toBe(204);
  return (callback.body as { data: { choices: unknown } }).data.choices;
}

test('a handler answers with its choices, and the line is logged at debug', async () => {
  handler = async (i, ctx) => i.respond(await ctx.suggestions.suggest(i.options.getFocused()));
  expect(await choices()).toEqual([{ name: 'When did it happen?', value: 'When did it happen?' }]);
  // The line is written once the response is sent, which is after the simulator recorded it.
  while (log.find('autocomplete').length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(log.find('autocomplete').at(-1)).toMatchObject({ level: 'debug', command: 'ask', outcome: 'ok' });
});

test('a command without a handler gets an empty list', async () => {
  handler = undefined;
  expect(await choices()).toEqual([]);
});

test('a handler that throws gets an empty list, and the error is logged', async () => {
  handler = async () => {
    throw new Error('boom');
  };
  expect(await choices()).toEqual([]);
  expect(log.find('autocomplete failed').at(-1)).toMatchObject({ level: 'error', error: expect.objectContaining({ message: 'boom' }) });
});
