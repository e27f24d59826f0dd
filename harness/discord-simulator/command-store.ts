import { snowflake } from './snowflake.js';

/** A registered application command as Discord returns it. */
export type RegisteredCommand = Record<string, unknown> & { id: string; name: string; application_id: string; version: string };

/**
 * Commands registered by bulk overwrite (`PUT …/commands`), globally and per guild. Like Discord,
 * a command keeps its id across overwrites when its name (and type) stays the same.
 */
export class CommandStore {
  readonly #global: RegisteredCommand[] = [];
  readonly #byGuild = new Map<string, RegisteredCommand[]>();

  constructor(private readonly applicationId: string) {}

  /** Global commands, as last overwritten. */
  get global(): readonly RegisteredCommand[] {
    return this.#global;
  }

  /** A guild's commands, as last overwritten (empty if never registered). */
  guild(guildId: string): readonly RegisteredCommand[] {
    return this.#byGuild.get(guildId) ?? [];
  }

  /** Replaces the global (no `guildId`) or a guild's commands; returns what Discord would. */
  overwrite(bodies: Array<Record<string, unknown>>, guildId?: string): RegisteredCommand[] {
    const previous = guildId ? this.guild(guildId) : this.#global;
    const next = bodies.map((body) => this.#register(body, previous, guildId));
    if (guildId) this.#byGuild.set(guildId, next);
    else this.#global.splice(0, this.#global.length, ...next);
    return next;
  }

  #register(body: Record<string, unknown>, previous: readonly RegisteredCommand[], guildId: string | undefined): RegisteredCommand {
    const type = typeof body.type === 'number' ? body.type : 1;
    const same = previous.find((c) => c.name === body.name && (c.type ?? 1) === type);
    return {
      type,
      description: '',
      default_member_permissions: null,
      nsfw: false,
      contexts: null,
      integration_types: [0],
      ...body,
      name: String(body.name),
      id: same?.id ?? snowflake(),
      application_id: this.applicationId,
      version: snowflake(),
      ...(guildId ? { guild_id: guildId } : {}),
    };
  }
}
