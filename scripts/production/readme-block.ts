/**
 * The README's production path as data: the shell block that follows a `<!-- ci: <name> -->`
 * marker. `.ci/run` runs exactly these lines (through `npm run production-check`), so the README
 * cannot drift from what CI proves.
 */

/** One command of the block, in order; comments and blank lines are dropped. */
export interface ReadmeCommand {
  line: string;
  /** 1-based line number in the README, for error messages. */
  readmeLine: number;
}

/** Returns the commands of the fenced block after `<!-- ci: name -->`; throws when there is none. */
export function readmeBlock(readme: string, name: string): ReadmeCommand[] {
  const lines = readme.split('\n');
  const marker = lines.findIndex((l) => l.trim() === `<!-- ci: ${name} -->`);
  if (marker < 0) throw new Error(`README has no "<!-- ci: ${name} -->" marker`);
  const open = lines.findIndex((l, i) => i > marker && l.trim().startsWith('```'));
  const close = lines.findIndex((l, i) => i > open && l.trim() === '```');
  if (open < 0 || close < 0) throw new Error(`README: no fenced block after "<!-- ci: ${name} -->"`);
  const commands: ReadmeCommand[] = [];
  for (let i = open + 1; i < close; i++) {
    const line = lines[i]!.replace(/\s+#.*$/, '').trim();
    if (line && !line.startsWith('#')) commands.push({ line, readmeLine: i + 1 });
  }
  if (commands.length === 0) throw new Error(`README: the "${name}" block has no commands`);
  return commands;
}
