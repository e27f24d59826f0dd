import { oneLine, safeText } from '../../src/bot/views/safe-text.js';
import { otherUser } from '../../harness/other-user.js';
import { chatInputInteraction, type DiscordSimulator, type InteractionHandle } from '../../harness/discord-simulator/index.js';
import { finalReply, type Reply } from '../../harness/interaction-reply.js';
import type { AskTiming } from './concurrency-stats.js';

/** One `/ask` sent through the simulator, and what the bot did with it. */
export interface DiscordAsk {
  question: string;
  handle: InteractionHandle;
  reply: Reply;
}

/** The deferred response Discord shows as "thinking…" (interaction callback type 5). */
const DEFERRED = 5;

function dispatch(sim: DiscordSimulator, question: string, user: number): InteractionHandle {
  // A user per ask: even with a cooldown configured, none of these would be refused.
  return sim.dispatchInteraction(chatInputInteraction({ ...otherUser(user), name: 'ask', options: { question } }));
}

/**
 * The bot's reply to one ask. When the simulator refused the initial response (10062 after
 * Discord's 3 s deadline, say), no edit can follow: waiting for one would only end in a timeout
 * that hides why, so the refused response is returned for `replyProblems` to report.
 */
async function ownReply(handle: InteractionHandle, timeoutMs: number): Promise<Reply> {
  const callback = await handle.waitForCallback({ timeoutMs });
  if (callback.status < 300) return finalReply(handle, timeoutMs);
  return { callback, callbackType: Number((callback.body as { type?: number }).type), message: {}, messages: [] };
}

/**
 * Sends `/ask` for every question through the simulator — all at once or one at a time — and
 * waits for every final answer. All at once, every interaction is dispatched in one synchronous
 * loop: the simulator runs in this process and records the bot's requests on its event loop, so
 * none can arrive before the last dispatch.
 */
export async function askOverDiscord(
  sim: DiscordSimulator,
  questions: readonly string[],
  mode: 'concurrent' | 'sequential',
  timeoutMs = 60_000,
): Promise<DiscordAsk[]> {
  if (mode === 'sequential') {
    const out: DiscordAsk[] = [];
    for (const [i, question] of questions.entries()) {
      const handle = dispatch(sim, question, i);
      out.push({ question, handle, reply: await ownReply(handle, timeoutMs) });
    }
    return out;
  }
  const handles = questions.map((question, i) => ({ question, handle: dispatch(sim, question, i) }));
  return Promise.all(handles.map(async ({ question, handle }) => ({ question, handle, reply: await ownReply(handle, timeoutMs) })));
}

/**
 * Dispatch, initial response and final answer of each ask, on the simulator's clock (Date.now()
 * when it sent INTERACTION_CREATE and when the bot's requests arrived). Only for asks that
 * `replyProblems` passes: a refused ask has no final answer to time.
 */
export function discordTimings(asks: readonly DiscordAsk[]): AskTiming[] {
  return asks.map(({ question, handle, reply }) => ({
    question,
    start: handle.dispatchedAt,
    initial: reply.callback.receivedAt,
    end: reply.messages.at(-1)!.receivedAt,
  }));
}

/**
 * What went wrong with the asks, one line per problem; empty when every interaction was deferred
 * once, answered by exactly one edit of its own response and nothing else, and that answer is to
 * its own question (the embed title echoes the question as the bot renders it).
 */
export function replyProblems(asks: readonly DiscordAsk[]): string[] {
  const problems: string[] = [];
  for (const { question, handle, reply } of asks) {
    const ok = handle.requests().filter((r) => !r.fault && r.status < 300);
    const callbacks = ok.filter((r) => r.route === 'interactionCallback').length;
    const edits = ok.filter((r) => r.route === 'editWebhookMessage').length;
    const followUps = ok.filter((r) => r.route === 'followUp').length;
    const title = reply.message.embeds?.[0]?.title;
    const expected = safeText(oneLine(question));
    const where = `interaction ${handle.id} (“${question}”)`;
    if (reply.callback.status >= 300) problems.push(`${where}: initial response failed with ${reply.callback.status}`);
    if (reply.callbackType !== DEFERRED) problems.push(`${where}: initial response type ${reply.callbackType}, expected a deferral`);
    if (callbacks !== 1 || edits !== 1 || followUps !== 0)
      problems.push(`${where}: ${callbacks} initial responses, ${edits} edits, ${followUps} follow-ups; expected 1, 1, 0`);
    if (title !== expected) problems.push(`${where}: answer titled “${title ?? '(none)'}”, expected “${expected}”`);
  }
  return problems;
}
