import { Limits } from './limits.js';

/**
 * Button custom ids are `<command>:<action>[:<arg>…]`. They must carry everything needed to act on
 * a click, even after a restart, and Discord caps them at 100 characters.
 */
export interface ParsedCustomId {
  command: string;
  action: string;
  args: string[];
}

/** Builds a custom id; throws if a part contains `:` or the result is longer than Discord allows. */
export function buildCustomId(command: string, action: string, ...args: string[]): string {
  const parts = [command, action, ...args];
  if (parts.some((p) => p.length === 0 || p.includes(':')))
    throw new Error(`custom id parts must be non-empty and free of ':' (${parts.join(' | ')})`);
  const id = parts.join(':');
  if (id.length > Limits.customId) throw new Error(`custom id is ${id.length} characters; Discord allows ${Limits.customId}`);
  return id;
}

/** Splits a custom id; undefined when it is not one of ours. */
export function parseCustomId(customId: string): ParsedCustomId | undefined {
  const [command, action, ...args] = customId.split(':');
  if (!command || !action) return undefined;
  return { command, action, args };
}
