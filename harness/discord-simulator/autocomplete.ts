import { chatInputInteraction, type InteractionPayload, type InvocationOptions } from './interactions.js';
import { fail, type RouteResult } from './route.js';

/** Discord's InteractionType for autocomplete, and the callback type that answers it. */
const AUTOCOMPLETE_INTERACTION = 4;
const AUTOCOMPLETE_RESULT = 8;
/** Discord's limits on an autocomplete result. */
const MAX_CHOICES = 25;
const MAX_CHOICE_LENGTH = 100;

/**
 * An autocomplete interaction (type 4): a member typing `value` into option `focused` of the slash
 * command `name`, with the command's other options already filled in as `options`.
 */
export function autocompleteInteraction(
  opts: InvocationOptions & { name: string; focused: string; value: string; options?: Record<string, string | number | boolean> },
): InteractionPayload {
  const others = Object.entries(opts.options ?? {}).map(([name, value]) => ({ name, value, type: optionType(value) }));
  const options = [...others, { name: opts.focused, value: opts.value, type: 3, focused: true }];
  return { ...chatInputInteraction({ ...opts, options }), type: AUTOCOMPLETE_INTERACTION };
}

/**
 * Discord's checks on an interaction callback that involve autocomplete, or undefined when it
 * passes: an autocomplete interaction takes only result callbacks (type 8), a result answers only
 * an autocomplete interaction, and it holds at most 25 choices whose name and value are 1–100
 * characters (50035 Invalid Form Body otherwise, as Discord answers).
 */
export function autocompleteCallbackError(interactionType: number, callbackType: number, data: unknown): RouteResult | undefined {
  const isAutocomplete = interactionType === AUTOCOMPLETE_INTERACTION;
  if (isAutocomplete !== (callbackType === AUTOCOMPLETE_RESULT)) {
    return fail(400, 40043, 'Interaction callback type invalid for this interaction');
  }
  if (!isAutocomplete) return undefined;
  const choices = (data as { choices?: unknown } | undefined)?.choices;
  if (!Array.isArray(choices) || choices.length > MAX_CHOICES || !choices.every(validChoice)) {
    return fail(400, 50035, 'Invalid Form Body');
  }
  return undefined;
}

function validChoice(choice: unknown): boolean {
  const { name, value } = (choice ?? {}) as { name?: unknown; value?: unknown };
  const fits = (s: unknown) => typeof s === 'string' && s.length >= 1 && s.length <= MAX_CHOICE_LENGTH;
  return fits(name) && (fits(value) || typeof value === 'number');
}

function optionType(value: string | number | boolean): number {
  if (typeof value === 'string') return 3;
  if (typeof value === 'boolean') return 5;
  return Number.isInteger(value) ? 4 : 10;
}
