import { createInterface } from 'node:readline';

/**
 * The questions typed or piped into `npm run ask`, one a line, trimmed. Blank lines are skipped,
 * unless `keepBlank` (a follow-up conversation, where a blank line starts a new one), then they
 * come as ''.
 *
 * On a terminal a person is typing, so it says what it wants and shows a prompt on `output` (not
 * stdout, which carries the answers): without it `npm run ask` with no question seemed to hang.
 * From a pipe it stays quiet.
 */
export async function* questionLines(
  input: NodeJS.ReadableStream & { isTTY?: boolean },
  output: NodeJS.WritableStream,
  keepBlank = false,
): AsyncGenerator<string> {
  const interactive = input.isTTY === true;
  if (interactive) output.write('Type a question about the articles and press Enter (Ctrl-D to quit).\n');
  const lines = createInterface({ input, crlfDelay: Infinity, ...(interactive ? { output, prompt: '> ' } : {}) });
  if (interactive) lines.prompt();
  for await (const line of lines) {
    // The answer to the previous question is printed while this generator waits, so prompt after it.
    if (line.trim() || keepBlank) yield line.trim();
    if (interactive) lines.prompt();
  }
}
