import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The layering of the code, checked on every import. Data flows text → articles → passages → index →
 * query → retrieval → answer → engine → ops → bot → commands; a folder may import only from itself and
 * the folders before it, so the retrieval core never depends on Discord and the bot never on a script.
 * The files at the root of src/ other than engine.ts (types, config, logger, atomic-write) are the
 * foundation every layer may use.
 */
const LAYERS = ['foundation', 'text', 'articles', 'passages', 'index', 'query', 'retrieval', 'answer', 'engine', 'ops', 'bot'];
const ROOT = fileURLToPath(new URL('../', import.meta.url));
const SCANNED = ['src', 'commands', 'scripts', 'bench', 'harness'];

/** One import or export-from specifier (static or dynamic) in a file, both relative to the project root. */
export interface ImportEdge {
  from: string;
  specifier: string;
}

/** The layer of a file under src/, or undefined for a folder missing from {@link LAYERS}. */
function layerOf(file: string): number | undefined {
  const parts = file.split('/');
  if (parts.length === 2) return LAYERS.indexOf(parts[1]!.replace(/\.[jt]s$/, '') === 'engine' ? 'engine' : 'foundation');
  const index = LAYERS.indexOf(parts[1]!);
  return index < 1 || index === LAYERS.indexOf('engine') ? undefined : index;
}

const top = (file: string) => file.split('/')[0]!;

/** Every rule an import breaks, as readable lines; empty when the imports follow the architecture. */
export function violations(edges: readonly ImportEdge[]): string[] {
  const found: string[] = [];
  for (const { from, specifier } of edges) {
    const where = `${from} imports '${specifier}'`;
    if (!specifier.startsWith('.')) {
      const discord = specifier === 'discord.js' || specifier.startsWith('@discordjs/');
      if (discord && top(from) === 'src' && !['bot', 'ops'].includes(from.split('/')[1]!))
        found.push(`${where}: the retrieval core must not depend on Discord`);
      continue;
    }
    const target = path.posix.join(path.posix.dirname(from), specifier);
    if (top(from) === 'src') {
      if (top(target) !== 'src') {
        found.push(`${where}: src/ must not import ${top(target)}/`);
        continue;
      }
      const [source, dest] = [layerOf(from), layerOf(target)];
      if (source === undefined || dest === undefined) found.push(`${where}: a folder missing from the layer order`);
      else if (dest > source) found.push(`${where}: ${LAYERS[source]} may not import the later layer ${LAYERS[dest]}`);
    } else if (['scripts', 'bench', 'harness', 'commands'].includes(top(from)) && top(target) === 'test') {
      found.push(`${where}: ${top(from)}/ must not import test/ (shared code belongs in harness/)`);
    } else if (top(from) === 'commands' && !['src', 'commands'].includes(top(target))) {
      found.push(`${where}: commands/ may import only src/`);
    }
  }
  return found;
}

const STATIC = /^\s*(?:import|export)\b[^;]*?\bfrom\s*['"]([^'"]+)['"]/gm;
const SIDE_EFFECT = /^\s*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The import specifiers of one source text. */
export function specifiers(source: string): string[] {
  return [STATIC, SIDE_EFFECT, DYNAMIC].flatMap((re) => [...source.matchAll(re)].map((m) => m[1]!));
}

function tsFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true }).flatMap((entry) => {
    const rel = `${dir}/${entry.name}`;
    if (entry.isDirectory()) return entry.name === 'node_modules' ? [] : tsFiles(rel);
    return entry.name.endsWith('.ts') ? [rel] : [];
  });
}

const edges = SCANNED.flatMap(tsFiles).flatMap((from) =>
  specifiers(readFileSync(path.join(ROOT, from), 'utf8')).map((specifier) => ({ from, specifier })),
);

describe('architecture', () => {
  it('finds the imports it checks', () => {
    expect(edges).toContainEqual({ from: 'src/engine.ts', specifier: './retrieval/retriever.js' });
    expect(edges).toContainEqual({ from: 'commands/index.ts', specifier: '../src/bot/command.js' });
    expect(
      specifiers("import {\n  a,\n  b,\n} from './x.js';\nexport * from \"./y.js\";\nimport './z.js';\nconst m = await import('./w.js');"),
    ).toEqual(['./x.js', './y.js', './z.js', './w.js']);
  });

  it('has every import follow the layer order', () => {
    expect(violations(edges)).toEqual([]);
  });

  it('reports each kind of wrong import', () => {
    const bad: ImportEdge[] = [
      { from: 'src/text/terms.ts', specifier: '../bot/client.js' },
      { from: 'src/query/query.ts', specifier: '../answer/compose-answer.js' },
      { from: 'src/config.ts', specifier: './engine.js' },
      { from: 'src/bot/client.ts', specifier: '../../commands/index.js' },
      { from: 'src/engine.ts', specifier: '../harness/workspace.js' },
      { from: 'src/newfolder/x.ts', specifier: '../types.js' },
      { from: 'src/retrieval/retriever.ts', specifier: 'discord.js' },
      { from: 'src/answer/compose-answer.ts', specifier: '@discordjs/rest' },
      { from: 'scripts/soak.ts', specifier: '../test/helpers/bot-harness.js' },
      { from: 'bench/lib/bot-burst.ts', specifier: '../../test/helpers/workspace.js' },
    ];
    expect(violations(bad)).toHaveLength(bad.length);
    const good: ImportEdge[] = [
      { from: 'src/bot/client.ts', specifier: 'discord.js' },
      { from: 'src/answer/compose-answer.ts', specifier: '../query/query.js' },
      { from: 'src/text/terms.ts', specifier: '../types.js' },
      { from: 'commands/ask.ts', specifier: '../src/bot/command.js' },
      { from: 'bench/lib/bot-burst.ts', specifier: '../../harness/bot-process.js' },
    ];
    expect(violations(good)).toEqual([]);
  });
});
