import { Client, Events, GatewayIntentBits, type ClientOptions, type Interaction } from 'discord.js';
import type { DiscordSimulator } from './simulator.js';

/**
 * A real discord.js client pointed at the simulator, logged in and past `clientReady`.
 * `onInteraction` failures are re-emitted as client errors so they show up, not vanish.
 * The caller destroys the client.
 */
export async function loggedInClient(
  sim: DiscordSimulator,
  onInteraction?: (interaction: Interaction) => Promise<unknown>,
  options: Partial<ClientOptions> = {},
): Promise<Client> {
  const client = new Client({ intents: [GatewayIntentBits.Guilds], ...options, rest: { ...options.rest, api: sim.apiBase } });
  if (onInteraction) {
    client.on(Events.InteractionCreate, (i) => void onInteraction(i).catch((e: unknown) => client.emit(Events.Error, e as Error)));
  }
  const ready = new Promise<void>((resolve) => client.once(Events.ClientReady, () => resolve()));
  try {
    await client.login(sim.token);
    await ready;
  } catch (error) {
    await client.destroy();
    throw error;
  }
  return client;
}
