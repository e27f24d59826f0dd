import { DEFAULT_IDS, type InvocationOptions } from './discord-simulator/index.js';

/** A user other than the default one, for one-vote-per-user and cooldown tests. */
export function otherUser(n: number): InvocationOptions {
  return { user: { id: (BigInt(DEFAULT_IDS.user) + 10n + BigInt(n)).toString(), username: `user${n}` } };
}
