import { PermissionFlagsBits } from 'discord.js';
import { main as deployCommands } from '../../scripts/deploy-commands.js';
import { commands } from '../../commands/index.js';
import { startBotHarness, type BotHarness } from '../helpers/bot-harness.js';
import { EVERYONE_PERMISSIONS } from '../../harness/discord-simulator/index.js';
import { EPHEMERAL, finalReply, visibleText } from '../../harness/interaction-reply.js';

/**
 * Moderator-only commands are hidden from members by `default_member_permissions` when registered,
 * and checked again by the bot on every use, since a server can override who may run a command
 * (and a forged or stale client can send it anyway).
 */

const MODERATOR_COMMANDS = new Map([
  ['sources', PermissionFlagsBits.ManageMessages],
  ['insights', PermissionFlagsBits.ManageMessages],
]);
/** The title of each moderator command's first embed when it is served. */
const SERVED_TITLE: Record<string, RegExp> = { sources: /^Indexed articles$/, insights: /^Insights: the last 7 days$/ };

let h: BotHarness;
beforeAll(async () => {
  h = await startBotHarness();
});
afterAll(() => h?.close());

it('registers moderator commands with default_member_permissions, and only those', async () => {
  await deployCommands(
    {
      DISCORD_TOKEN: h.sim.token,
      DISCORD_CLIENT_ID: h.sim.applicationId,
      DISCORD_GUILD_ID: h.sim.guild.id,
      DISCORD_API_BASE: h.sim.apiBase,
    },
    () => undefined,
  );
  const registered = h.sim.commands.guild(h.sim.guild.id);
  expect(registered.map((c) => c.name).sort()).toEqual(commands.map((c) => c.data.name).sort());
  for (const c of registered) {
    const required = MODERATOR_COMMANDS.get(c.name);
    expect({ name: c.name, perms: c.default_member_permissions }).toEqual({
      name: c.name,
      perms: required === undefined ? null : String(required),
    });
    // Moderator commands make no sense in DMs, where there are no permissions to check.
    if (required !== undefined) expect(c.contexts).toEqual([0]);
  }
});

const asMember = (memberPermissions: string) => ({ memberPermissions });

describe.each([
  ['a member with default permissions', asMember(EVERYONE_PERMISSIONS), false],
  [
    'a member with every permission except Manage Messages',
    asMember(String(~PermissionFlagsBits.ManageMessages & ((1n << 51n) - 1n) & ~PermissionFlagsBits.Administrator)),
    false,
  ],
  ['a member with only Manage Messages', asMember(String(PermissionFlagsBits.ManageMessages)), true],
  ['an administrator', asMember(String(PermissionFlagsBits.Administrator)), true],
  ['a user in a DM (no member, no permissions)', { guild: null }, false],
] as const)('moderator commands run by %s', (_label, who, allowed) => {
  it.each([...MODERATOR_COMMANDS.keys()])(allowed ? '/%s is served' : '/%s is refused at run time, ephemerally', async (command) => {
    const reply = await finalReply(h.slash(command, { ...who }));
    if (allowed) {
      expect(reply.message.embeds?.[0]?.title).toMatch(SERVED_TITLE[command]!);
    } else {
      expect(reply.callbackType).toBe(4);
      expect(reply.message.flags! & EPHEMERAL).toBe(EPHEMERAL);
      expect(visibleText(reply.message)).toMatch(/for moderators/);
      expect(reply.message.embeds ?? []).toEqual([]);
    }
  });
});
