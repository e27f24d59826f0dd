import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PRESETS } from '../../scripts/model/presets.js';
import { MODEL_FILES, writeModel } from '../../scripts/model/write-model.js';
import type { Embedder } from '../../src/types.js';
import { cosine, loadMeaningEmbedder, MEANING_MODEL_DIR, MEANING_MODEL_ID } from '../helpers/meaning-embedder.js';

/** The known-meaning fixture: reproducible, small, and related words close through transformers.js. */

let embedder: Embedder;
beforeAll(async () => {
  embedder = await loadMeaningEmbedder();
});

async function similarity(a: string, b: string): Promise<number> {
  const [x, y] = await embedder.embedPassages([a, b]);
  return cosine(x!, y!);
}

test('is byte-identical to a fresh generation (regenerate with `npm run model:make-test -- --preset meaning`)', () => {
  const tmp = mkdtempSync(path.join(tmpdir(), 'meaning-model-'));
  try {
    const fresh = writeModel({ preset: PRESETS.meaning, outDir: tmp });
    expect(fresh.id).toBe(MEANING_MODEL_ID);
    for (const file of MODEL_FILES) {
      const same = readFileSync(path.join(MEANING_MODEL_DIR, file)).equals(readFileSync(path.join(fresh.dir, file)));
      expect({ file, same }).toEqual({ file, same: true });
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}, 180_000);

test('stays a few megabytes', () => {
  const files = readdirSync(MEANING_MODEL_DIR, { recursive: true, encoding: 'utf8' }).map((f) => path.join(MEANING_MODEL_DIR, f));
  const total = files.filter((f) => statSync(f).isFile()).reduce((sum, f) => sum + statSync(f).size, 0);
  expect(total).toBeLessThan(5 * 1024 * 1024);
});

test('"expelled" lands nearer "ordered to leave" and "banished" than unrelated words', async () => {
  const near = [await similarity('expelled', 'ordered to leave'), await similarity('expelled', 'banished')];
  const far = [await similarity('expelled', 'bake bread'), await similarity('expelled', 'guitar'), await similarity('expelled', 'tomato')];
  expect(Math.min(...near)).toBeGreaterThan(Math.max(...far));
});

test('synonyms are closer than unrelated pairs', async () => {
  const related = [
    ['envoys', 'diplomats'],
    ['certain', 'sure'],
    ['attack', 'assault'],
    ['blamed', 'accused'],
  ] as const;
  const unrelated = [
    ['envoys', 'recipe'],
    ['certain', 'mountain'],
    ['attack', 'poetry'],
    ['blamed', 'banana'],
  ] as const;
  const rel = await Promise.all(related.map(([a, b]) => similarity(a, b)));
  const unrel = await Promise.all(unrelated.map(([a, b]) => similarity(a, b)));
  expect(Math.min(...rel)).toBeGreaterThan(Math.max(...unrel));
});

test('a sentence is closest to its paraphrase; stopwords barely move it', async () => {
  const base = 'Albania expelled the Iranian diplomats.';
  expect(await similarity(base, 'The Iranian envoys were ordered to leave Albania.')).toBeGreaterThan(
    await similarity(base, 'The football club won the cup final.'),
  );
  expect(await similarity(base, 'So Albania had expelled all of the Iranian diplomats that were there.')).toBeGreaterThan(0.95);
});
