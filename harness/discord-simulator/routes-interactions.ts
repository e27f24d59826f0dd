import { autocompleteCallbackError } from './autocomplete.js';
import type { InteractionState } from './interaction-registry.js';
import { MessageFlag, createBotMessage, editBotMessage, messageBody, type SimMessage } from './messages.js';
import { fail, ok, route, type Route, type RouteContext, type RouteResult } from './route.js';

/** Interaction callback types (Discord's InteractionResponseType). */
export const CallbackType = {
  ChannelMessageWithSource: 4,
  DeferredChannelMessageWithSource: 5,
  DeferredUpdateMessage: 6,
  UpdateMessage: 7,
  ApplicationCommandAutocompleteResult: 8,
  Modal: 9,
  LaunchActivity: 12,
} as const;

const COMPONENT_OR_MODAL = new Set([3, 5]);

/**
 * The interaction callback and the interaction webhook (`/webhooks/:appId/:token…`). Neither
 * takes a bot token on Discord: the interaction token in the path is the credential.
 */
export const interactionRoutes: Route[] = [
  route('POST', '/interactions/:id/:token/callback', 'interactionCallback', false, callback),
  route('POST', '/webhooks/:appId/:token', 'followUp', false, (ctx) => withWebhook(ctx, followUp)),
  route('GET', '/webhooks/:appId/:token/messages/:messageId', 'getWebhookMessage', false, (ctx) =>
    withWebhook(ctx, (state, c) => withMessage(state, c, (m) => ok(m))),
  ),
  route('PATCH', '/webhooks/:appId/:token/messages/:messageId', 'editWebhookMessage', false, (ctx) =>
    withWebhook(ctx, (state, c) => withMessage(state, c, (m) => saveEdit(state, c, m))),
  ),
  route('DELETE', '/webhooks/:appId/:token/messages/:messageId', 'deleteWebhookMessage', false, (ctx) =>
    withWebhook(ctx, (state, c) =>
      withMessage(state, c, () => {
        c.state.interactions.store(state, c.params.messageId ?? '', undefined);
        return { status: 204 };
      }),
    ),
  ),
];

function callback(ctx: RouteContext): RouteResult {
  const { params, request, state: sim } = ctx;
  const state = sim.interactions.byId(params.id ?? '');
  if (!state || state.token !== params.token) return fail(404, 10062, 'Unknown interaction');
  // Discord forgets interactions that are not answered within 3 seconds.
  if (request.receivedAt - state.dispatchedAt > sim.interactionDeadlineMs) return fail(404, 10062, 'Unknown interaction');
  if (state.callbackType !== undefined) return fail(400, 40060, 'Interaction has already been acknowledged.');

  const body = (request.body ?? {}) as { type?: unknown; data?: Record<string, unknown> };
  const data = messageBody(body.data, request.files);
  const type = Number(body.type);
  const isComponent = COMPONENT_OR_MODAL.has(Number(state.payload.type));
  const autocompleteError = autocompleteCallbackError(Number(state.payload.type), type, body.data);
  if (autocompleteError) return autocompleteError;
  switch (type) {
    case CallbackType.ChannelMessageWithSource:
      state.original = createBotMessage(data, messageContext(ctx, state));
      break;
    case CallbackType.DeferredChannelMessageWithSource: {
      const ephemeral = Number(data.flags ?? 0) & MessageFlag.Ephemeral;
      state.original = createBotMessage({ flags: MessageFlag.Loading | ephemeral }, messageContext(ctx, state));
      break;
    }
    case CallbackType.DeferredUpdateMessage:
    case CallbackType.UpdateMessage:
      if (!isComponent || !state.original) return fail(400, 40043, 'Interaction callback type invalid for this interaction');
      if (type === CallbackType.UpdateMessage) state.original = editBotMessage(state.original, data);
      break;
    case CallbackType.ApplicationCommandAutocompleteResult:
    case CallbackType.Modal:
    case CallbackType.LaunchActivity:
      break;
    default:
      return fail(400, 50035, 'Invalid Form Body');
  }
  state.callbackType = type;
  if (request.query.with_response !== 'true') return { status: 204 };
  return ok(callbackResponse(state, type));
}

/** The `?with_response=true` answer (Discord's InteractionCallbackResponse). */
function callbackResponse(state: InteractionState, type: number): Record<string, unknown> {
  const message = type === CallbackType.Modal || type === CallbackType.ApplicationCommandAutocompleteResult ? undefined : state.original;
  const flags = Number(message?.flags ?? 0);
  return {
    interaction: {
      id: state.id,
      type: state.payload.type,
      activity_instance_id: null,
      response_message_id: message?.id ?? null,
      response_message_loading: message ? Boolean(flags & MessageFlag.Loading) : null,
      response_message_ephemeral: message ? Boolean(flags & MessageFlag.Ephemeral) : null,
    },
    resource: { type, ...(message ? { message } : {}) },
  };
}

type WebhookHandler = (state: InteractionState, ctx: RouteContext) => RouteResult;

function withWebhook(ctx: RouteContext, handler: WebhookHandler): RouteResult {
  const state = ctx.state.interactions.byToken(ctx.params.token ?? '');
  // Until the interaction is acknowledged its token is not a usable webhook.
  if (!state || ctx.params.appId !== ctx.state.applicationId || state.callbackType === undefined) {
    return fail(404, 10015, 'Unknown Webhook');
  }
  return handler(state, ctx);
}

function withMessage(state: InteractionState, ctx: RouteContext, handler: (message: SimMessage) => RouteResult): RouteResult {
  const message = ctx.state.interactions.message(state, ctx.params.messageId ?? '');
  return message ? handler(message) : fail(404, 10008, 'Unknown Message');
}

function saveEdit(state: InteractionState, ctx: RouteContext, message: SimMessage): RouteResult {
  const edited = editBotMessage(message, messageBody(ctx.request.body, ctx.request.files));
  ctx.state.interactions.store(state, ctx.params.messageId ?? '', edited);
  return ok(edited);
}

function followUp(state: InteractionState, ctx: RouteContext): RouteResult {
  const message = createBotMessage(messageBody(ctx.request.body, ctx.request.files), messageContext(ctx, state));
  state.followUps.set(message.id, message);
  return ctx.request.query.wait === 'false' ? { status: 204 } : ok(message);
}

function messageContext({ state: sim }: RouteContext, state: InteractionState) {
  const p = state.payload as Record<string, any>;
  return {
    author: sim.bot,
    applicationId: sim.applicationId,
    channelId: String(p.channel_id ?? p.channel?.id),
    guildId: p.guild_id as string | undefined,
    interaction: { id: state.id, type: Number(p.type), user: p.member?.user ?? p.user, commandType: p.data?.type as number | undefined },
  };
}
