import { ApplicationCommandType, type RepliableInteraction } from 'discord.js';
import type { Command, CommandContext, MessageMenuCommand, SlashCommand } from './command.js';
import { parseCustomId } from './views/custom-id.js';
import { UserFacingError } from '../errors.js';

/**
 * The commands the bot serves, looked up by name, and the dispatch of an interaction to the
 * handler that owns it: a slash or context-menu command by its name, a button or a modal by the
 * command and action its custom id names. Anything without a handler becomes a refusal the member
 * sees, since old messages keep buttons of commands and actions that may no longer exist.
 */
export class CommandTable {
  private readonly slash = new Map<string, SlashCommand>();
  private readonly menus = new Map<string, MessageMenuCommand>();
  private readonly byName = new Map<string, Command>();

  constructor(commands: readonly Command[]) {
    for (const command of commands) {
      const json = command.data.toJSON();
      if (json.type === ApplicationCommandType.Message) this.menus.set(json.name, command as MessageMenuCommand);
      else this.slash.set(json.name, command as SlashCommand);
      this.byName.set(json.name, command);
    }
  }

  /** Names of the commands served. */
  get names(): string[] {
    return [...this.byName.keys()];
  }

  /** The slash command called `name`, if served (autocomplete goes only to slash commands). */
  slashCommand(name: string): SlashCommand | undefined {
    return this.slash.get(name);
  }

  /** Runs the handler that owns `interaction`; rejects with a UserFacingError when none does. */
  async dispatch(interaction: RepliableInteraction, ctx: CommandContext): Promise<void> {
    if (interaction.isChatInputCommand()) {
      const command = this.slash.get(interaction.commandName);
      if (!command) throw unknownCommand();
      return command.execute(interaction, ctx);
    }
    if (interaction.isMessageContextMenuCommand()) {
      const command = this.menus.get(interaction.commandName);
      if (!command) throw unknownCommand();
      return command.execute(interaction, ctx);
    }
    if (interaction.isButton()) {
      const id = parseCustomId(interaction.customId);
      const handler = id && own(this.byName.get(id.command)?.buttons, id.action);
      if (!id || !handler) throw new UserFacingError('This button no longer works. Please ask again with `/ask`.', 'stale-button');
      return handler(interaction, id.args, ctx);
    }
    if (interaction.isModalSubmit()) {
      const id = parseCustomId(interaction.customId);
      const handler = id && own(this.byName.get(id.command)?.modals, id.action);
      if (!id || !handler) throw new UserFacingError('This form no longer works. Please ask again with `/ask`.', 'stale-button');
      return handler(interaction, id.args, ctx);
    }
    throw new UserFacingError("I don't handle that kind of interaction.", 'unsupported');
  }
}

function unknownCommand(): UserFacingError {
  return new UserFacingError("I don't know that command any more; it may have been removed. Try `/help`.", 'unknown-command');
}

/** `handlers[action]` if it is the command's own: an id naming "constructor" must not reach Object's prototype. */
function own<T>(handlers: Record<string, T> | undefined, action: string): T | undefined {
  return handlers && Object.hasOwn(handlers, action) ? handlers[action] : undefined;
}
