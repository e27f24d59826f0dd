/**
 * Discord's hard limits on what one message may carry. Requests that break any of them are rejected
 * with a 400, so every payload the bot builds is clamped to these before it is sent.
 * Lengths are UTF-16 code units, which is never fewer than the characters Discord counts.
 */
export const Limits = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFieldName: 256,
  embedFieldValue: 1024,
  embedFooter: 2048,
  embedAuthorName: 256,
  embedFields: 25,
  /** Sum of every embed's title, description, field names and values, footer and author name. */
  embedTotal: 6000,
  embedsPerMessage: 10,
  customId: 100,
  buttonLabel: 80,
  /** Choices in one autocomplete response, and the length of each one's name and value. */
  autocompleteChoices: 25,
  choiceName: 100,
  choiceValue: 100,
} as const;
