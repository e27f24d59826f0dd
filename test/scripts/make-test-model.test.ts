import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { main, UsageError } from '../../scripts/make-test-model.js';
import { CorpusNotFoundError } from '../../scripts/model/corpus.js';
import { PRESETS } from '../../scripts/model/presets.js';
import { InvalidModelIdError, MODEL_FILES, writeModel } from '../../scripts/model/write-model.js';
import { TINY_MODEL_DIR, TINY_MODEL_ID } from '../../harness/tiny-model.js';

/** Every file under `dir`, as sorted paths relative to it. */
function listFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => statSync(path.join(dir, f)).isFile())
    .map((f) => f.split(path.sep).join('/'))
    .sort();
}

const readJson = (file: string): Record<string, any> => JSON.parse(readFileSync(file, 'utf8'));

let tmp: string;
beforeEach(() => {
  tmp = mkdtempSync(path.join(tmpdir(), 'make-test-model-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('make-test-model CLI', () => {
  test('writes the four files of a hub model folder under <out>/<org>/<name>', () => {
    const lines: string[] = [];
    const written = main(['--out', tmp], (line) => lines.push(line));

    const dir = path.join(tmp, 'casefile', 'tiny-bert');
    expect(written?.dir).toBe(dir);
    expect(listFiles(tmp)).toEqual([...MODEL_FILES].map((f) => `casefile/tiny-bert/${f}`).sort());
    expect(lines.join('\n')).toContain('casefile/tiny-bert');

    const config = readJson(path.join(dir, 'config.json'));
    const a = PRESETS.tiny.architecture;
    expect(config).toMatchObject({
      model_type: 'bert',
      hidden_size: a.hiddenSize,
      num_hidden_layers: a.numHiddenLayers,
      num_attention_heads: a.numAttentionHeads,
      intermediate_size: a.intermediateSize,
      max_position_embeddings: a.maxPositionEmbeddings,
      type_vocab_size: a.typeVocabSize,
      layer_norm_eps: a.layerNormEps,
      pad_token_id: 0,
    });
    const tokenizer = readJson(path.join(dir, 'tokenizer.json'));
    expect(config.vocab_size).toBe(Object.keys(tokenizer.model.vocab).length);
    expect(tokenizer).toMatchObject({
      truncation: null,
      padding: null,
      normalizer: { type: 'BertNormalizer', lowercase: true },
      pre_tokenizer: { type: 'BertPreTokenizer' },
      model: { type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##' },
      post_processor: { type: 'TemplateProcessing' },
    });
    const single = tokenizer.post_processor.single.map((item: any) => item.SpecialToken?.id ?? `$${item.Sequence.id}`);
    expect(single).toEqual(['[CLS]', '$A', '[SEP]']);
    for (const special of ['[UNK]', '[CLS]', '[SEP]', '[PAD]', '[MASK]']) expect(tokenizer.model.vocab).toHaveProperty([special]);

    expect(readJson(path.join(dir, 'tokenizer_config.json'))).toMatchObject({
      tokenizer_class: 'BertTokenizer',
      do_lower_case: true,
      model_max_length: 512,
      cls_token: '[CLS]',
      sep_token: '[SEP]',
      pad_token: '[PAD]',
      unk_token: '[UNK]',
      mask_token: '[MASK]',
    });
    const onnx = readFileSync(path.join(dir, 'onnx', 'model_quantized.onnx'));
    expect(onnx.includes(Buffer.from('MatMulInteger'))).toBe(true);
  });

  test('--id chooses the folder', () => {
    main(['--out', tmp, '--id', 'acme/other-model'], () => {});
    expect(listFiles(path.join(tmp, 'acme', 'other-model'))).toEqual([...MODEL_FILES].sort());
  });

  test('rejects unknown presets and flags, unsafe ids and empty corpora with typed errors', () => {
    expect(() => main(['--preset', 'huge', '--out', tmp], () => {})).toThrow(UsageError);
    expect(() => main(['--bogus'], () => {})).toThrow(UsageError);
    expect(() => main(['--out', tmp, '--id', '../escape'], () => {})).toThrow(InvalidModelIdError);
    expect(() => main(['--out', tmp, '--id', 'no-org'], () => {})).toThrow(InvalidModelIdError);
    expect(() => main(['--out', tmp, '--articles', path.join(tmp, 'missing')], () => {})).toThrow(CorpusNotFoundError);
    expect(readdirSync(tmp)).toEqual([]);
  });
});

describe('committed tiny fixture', () => {
  test('is byte-identical to a fresh generation (regenerate with `npm run model:make-test`)', () => {
    const fresh = writeModel({ preset: PRESETS.tiny, outDir: tmp });
    expect(fresh.id).toBe(TINY_MODEL_ID);
    expect(listFiles(TINY_MODEL_DIR)).toEqual([...MODEL_FILES].sort());
    for (const file of MODEL_FILES) {
      const committed = readFileSync(path.join(TINY_MODEL_DIR, file));
      const generated = readFileSync(path.join(fresh.dir, file));
      expect({ file, same: committed.equals(generated) }).toEqual({ file, same: true });
    }
  });

  test('is under 1 MB', () => {
    const total = listFiles(TINY_MODEL_DIR).reduce((sum, f) => sum + statSync(path.join(TINY_MODEL_DIR, f)).size, 0);
    expect(total).toBeGreaterThan(0);
    expect(total).toBeLessThan(1024 * 1024);
  });
});
