import { DEFAULT_IDS } from './fixtures.js';
import { fail, ok, route, type Route, type RouteContext } from './route.js';

/** The gateway, identity and command-registration endpoints (all need the bot token). */
export const applicationRoutes: Route[] = [
  route('GET', '/gateway', 'gateway', false, ({ state }) => ok({ url: state.gatewayUrl })),
  route('GET', '/gateway/bot', 'gatewayBot', true, ({ state }) =>
    ok({
      url: state.gatewayUrl,
      shards: state.shards,
      // reset_after is also how long @discordjs/ws caches this answer.
      session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
    }),
  ),
  route('GET', '/users/@me', 'currentUser', true, ({ state }) => ok(state.bot)),
  route('GET', '/applications/@me', 'currentApplication', true, ({ state }) => ok(application(state))),
  route('GET', '/oauth2/applications/@me', 'currentApplicationOAuth', true, ({ state }) => ok(application(state))),
  route('GET', '/applications/:appId/commands', 'globalCommands', true, (ctx) => ownApp(ctx) ?? ok(ctx.state.commands.global)),
  route(
    'PUT',
    '/applications/:appId/commands',
    'overwriteGlobalCommands',
    true,
    (ctx) => ownApp(ctx) ?? invalidCommands(ctx) ?? ok(ctx.state.commands.overwrite(ctx.request.body as Array<Record<string, unknown>>)),
  ),
  route(
    'GET',
    '/applications/:appId/guilds/:guildId/commands',
    'guildCommands',
    true,
    (ctx) => ownApp(ctx) ?? knownGuild(ctx) ?? ok(ctx.state.commands.guild(ctx.params.guildId ?? '')),
  ),
  route(
    'PUT',
    '/applications/:appId/guilds/:guildId/commands',
    'overwriteGuildCommands',
    true,
    (ctx) =>
      ownApp(ctx) ??
      knownGuild(ctx) ??
      invalidCommands(ctx) ??
      ok(ctx.state.commands.overwrite(ctx.request.body as Array<Record<string, unknown>>, ctx.params.guildId)),
  ),
];

function application({ applicationId, bot }: RouteContext['state']): Record<string, unknown> {
  return {
    id: applicationId,
    name: bot.username,
    icon: null,
    description: '',
    bot_public: false,
    bot_require_code_grant: false,
    verify_key: '0'.repeat(64),
    flags: 0,
    team: null,
    owner: { id: DEFAULT_IDS.guildOwner, username: 'owner', discriminator: '0', global_name: null, avatar: null, public_flags: 0 },
    bot,
  };
}

function ownApp({ params, state }: RouteContext) {
  // Discord answers 403 when a bot touches another application's commands.
  return params.appId === state.applicationId ? undefined : fail(403, 50001, 'Missing Access');
}

function knownGuild({ params, state }: RouteContext) {
  return state.guilds.some((g) => g.id === params.guildId) ? undefined : fail(403, 50001, 'Missing Access');
}

function invalidCommands({ request }: RouteContext) {
  const body = request.body;
  const valid =
    Array.isArray(body) && body.every((c) => typeof c === 'object' && c !== null && typeof (c as { name?: unknown }).name === 'string');
  return valid ? undefined : fail(400, 50035, 'Invalid Form Body');
}
