import { readFileSync } from 'node:fs';
import path from 'node:path';
import { AutoTokenizer, type FeatureExtractionPipeline } from '@xenova/transformers';
import { basicTokenize } from '../../scripts/model/basic-tokenize.js';
import { defaultCorpusDir, readCorpus } from '../../scripts/model/corpus.js';
import { loadTinyExtractor, TINY_MODEL_DIR, TINY_MODEL_ID, useLocalModels } from '../../harness/tiny-model.js';

/** The committed tiny model, loaded the ordinary transformers.js way. */

const hiddenSize: number = JSON.parse(readFileSync(path.join(TINY_MODEL_DIR, 'config.json'), 'utf8')).hidden_size;

let extractor: FeatureExtractionPipeline;
beforeAll(async () => {
  extractor = await loadTinyExtractor();
});
afterAll(async () => {
  await extractor?.dispose();
});

async function embed(texts: string[]): Promise<number[][]> {
  const output = await extractor(texts, { pooling: 'mean', normalize: true });
  expect(output.dims).toEqual([texts.length, hiddenSize]);
  return output.tolist() as number[][];
}

const dot = (a: number[], b: number[]): number => a.reduce((sum, x, i) => sum + x * (b[i] as number), 0);

test('mean pooling yields one unit vector of hidden size per text', async () => {
  const vectors = await embed([
    'Albania cut ties with Iran.',
    'A much longer second text, padded against the first one in the batch.',
    'x',
  ]);
  for (const v of vectors) {
    expect(v.every(Number.isFinite)).toBe(true);
    expect(Math.sqrt(dot(v, v))).toBeCloseTo(1, 5);
  }
  expect(dot(vectors[0]!, vectors[1]!)).toBeLessThan(0.999);
});

test("paraphrases are each other's nearest neighbours, unrelated texts stay apart", async () => {
  const pairs: Array<[string, string]> = [
    [
      'Albania cut diplomatic ties with Iran after the cyberattack on government systems.',
      'Albania ended diplomatic ties with Iran over a cyberattack on government systems.',
    ],
    [
      'Prime Minister Edi Rama ordered the Iranian embassy staff to leave within 24 hours.',
      'Edi Rama gave Iranian embassy staff 24 hours to leave the country.',
    ],
    [
      'Mandiant and Microsoft investigators traced the hackers behind the ransomware.',
      'The hackers used ransomware, Microsoft and Mandiant investigators found.',
    ],
  ];
  const unrelated = 'Bake the bread slowly with flour, water, salt and a little yeast.';
  const vectors = await embed([...pairs.flat(), unrelated]);
  const partner = (i: number): number => (i % 2 === 0 ? i + 1 : i - 1);

  const pairSims: number[] = [];
  const otherSims: number[] = [];
  for (let i = 0; i < pairs.length * 2; i++) {
    const sims = vectors.map((v, j) => (j === i ? -Infinity : dot(vectors[i]!, v)));
    expect({ text: i, nearest: sims.indexOf(Math.max(...sims)) }).toEqual({ text: i, nearest: partner(i) });
    sims.forEach((s, j) => j !== i && (j === partner(i) ? pairSims : otherSims).push(s));
  }
  expect(Math.min(...pairSims)).toBeGreaterThan(Math.max(...otherSims));
  expect(Math.min(...pairSims)).toBeGreaterThan(0.5);
});

test('a text embeds the same alone and padded in a batch', async () => {
  const text = 'Rama said Iran attacked Albanian government sites.';
  const [alone] = await embed([text]);
  const [batched] = await embed([text, `${text} ${'The embassy staff were ordered to leave within 24 hours. '.repeat(6)}`]);
  // Activations are quantised per batch, so tiny differences are expected; attending to the padding
  // (a broken mask) moves this tiny model by ~4e-4.
  expect(dot(alone!, batched!)).toBeGreaterThan(0.99999);
});

test('inputs longer than the model maximum are truncated, not rejected', async () => {
  const [v] = await embed([readCorpus(defaultCorpusDir()).join(' ').repeat(2)]);
  expect(Math.sqrt(dot(v!, v!))).toBeCloseTo(1, 5);
});

test('the tokenizer loads with AutoTokenizer and keeps every corpus word whole', async () => {
  useLocalModels();
  const tokenizer = await AutoTokenizer.from_pretrained(TINY_MODEL_ID);
  expect(tokenizer.constructor.name).toBe('BertTokenizer');
  const sentences = readCorpus(defaultCorpusDir())
    .flatMap((text) => text.split(/(?<=[.!?”])\s+/))
    .filter((s) => s.trim());
  expect(sentences.length).toBeGreaterThan(20);
  for (const sentence of sentences) {
    const { input_ids, token_type_ids } = tokenizer(sentence, { truncation: true });
    const ids = Array.from(input_ids.data as BigInt64Array, Number);
    const tokens = ids.map((id) => tokenizer.model.vocab[id]);
    expect(tokens).toEqual(['[CLS]', ...basicTokenize(sentence), '[SEP]']);
    expect(Array.from(token_type_ids.data as BigInt64Array, Number).every((t) => t === 0)).toBe(true);
  }
  const ids = Array.from(tokenizer(sentences[1]!).input_ids.data as BigInt64Array, Number);
  expect(tokenizer.decode(ids, { skip_special_tokens: true })).toContain(basicTokenize(sentences[1]!).slice(0, 3).join(' '));

  // Words the corpus never uses are spelled out in pieces rather than lost.
  const unseen = Array.from(tokenizer('Zygote quixotry!').input_ids.data as BigInt64Array, (id) => tokenizer.model.vocab[Number(id)]);
  expect(unseen).not.toContain('[UNK]');
  expect(unseen).toEqual(expect.arrayContaining(['z', '##y', 'q', '!']));
});
