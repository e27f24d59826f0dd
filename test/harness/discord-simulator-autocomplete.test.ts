import type { Client, Interaction } from 'discord.js';
import {
  autocompleteInteraction,
  chatInputInteraction,
  loggedInClient,
  startDiscordSimulator,
  type DiscordSimulator,
} from '../../harness/discord-simulator/index.js';

/** The simulator's autocomplete: a real discord.js client gets an AutocompleteInteraction and answers with type 8, within Discord's limits. */

let sim: DiscordSimulator;
let client: Client | undefined;

async function setUp(onInteraction: (i: Interaction) => Promise<unknown>): Promise<void> {
  sim = await startDiscordSimulator();
  client = await loggedInClient(sim, onInteraction);
}

/** Error codes the client saw, and a wait for the nth: the simulator records a request before the client reads its answer. */
function codesSeen(): { push(code: unknown): void; first(n: number): Promise<unknown[]> } {
  const codes: unknown[] = [];
  const waiters: Array<() => void> = [];
  return {
    push(code) {
      codes.push(code);
      for (const w of waiters.splice(0)) w();
    },
    async first(n) {
      while (codes.length < n) await new Promise<void>((resolve) => waiters.push(resolve));
      return codes.slice(0, n);
    },
  };
}

afterEach(async () => {
  await client?.destroy();
  client = undefined;
  await sim?.close();
});

test('discord.js sees the focused option and its value, and its respond() is a type 8 callback with the choices', async () => {
  const seen: unknown[] = [];
  await setUp(async (i) => {
    if (!i.isAutocomplete()) return;
    seen.push([i.commandName, i.options.getFocused(true), i.options.getBoolean('private')]);
    await i.respond([{ name: 'When did it happen?', value: 'When did it happen?' }]);
  });
  const handle = sim.dispatchInteraction(
    autocompleteInteraction({ name: 'ask', focused: 'question', value: 'when d', options: { private: true } }),
  );
  const callback = await handle.waitForCallback();
  expect(callback.status).toBe(204);
  expect(callback.body).toEqual({ type: 8, data: { choices: [{ name: 'When did it happen?', value: 'When did it happen?' }] } });
  expect(seen).toEqual([['ask', expect.objectContaining({ name: 'question', value: 'when d', focused: true }), true]]);
});

test('more than 25 choices, or one over 100 characters, is refused with 50035 as Discord does', async () => {
  const statuses = codesSeen();
  await setUp(async (i) => {
    if (!i.isAutocomplete()) return;
    const value = i.options.getFocused();
    const choices =
      value === 'many'
        ? Array.from({ length: 26 }, (_, n) => ({ name: `q${n}`, value: `q${n}` }))
        : [{ name: 'x'.repeat(101), value: 'x' }];
    await i.respond(choices).catch((error: { code?: unknown }) => statuses.push(error.code));
  });
  for (const value of ['many', 'long']) {
    const callback = await sim.dispatchInteraction(autocompleteInteraction({ name: 'ask', focused: 'question', value })).waitForCallback();
    expect(callback.status).toBe(400);
  }
  expect(await statuses.first(2)).toEqual([50035, 50035]);
});

test('an autocomplete result answers only autocomplete, and autocomplete takes nothing else (40043)', async () => {
  const codes = codesSeen();
  await setUp(async (i) => {
    // Raw callbacks: discord.js's own methods never send these mismatches.
    const body = i.isAutocomplete() ? { type: 4, data: { content: 'no' } } : { type: 8, data: { choices: [] } };
    await i.client.rest
      .post(`/interactions/${i.id}/${i.token}/callback`, { body, auth: false })
      .catch((error: { code?: unknown }) => codes.push(error.code));
  });
  const auto = await sim.dispatchInteraction(autocompleteInteraction({ name: 'ask', focused: 'question', value: '' })).waitForCallback();
  const command = await sim.dispatchInteraction(chatInputInteraction({ name: 'ask' })).waitForCallback();
  expect([auto.status, command.status]).toEqual([400, 400]);
  expect(await codes.first(2)).toEqual([40043, 40043]);
});
