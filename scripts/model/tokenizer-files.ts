import { CONTINUATION_PREFIX, SPECIAL_TOKENS } from './vocab.js';

/**
 * The two tokenizer files of a Hugging Face BERT model folder: `tokenizer.json` (the `tokenizers`
 * library format transformers.js parses) and `tokenizer_config.json`.
 */

function tokenId(vocab: Map<string, number>, token: string): number {
  const id = vocab.get(token);
  if (id === undefined) throw new Error(`Vocabulary lacks the special token ${token}`);
  return id;
}

/** `tokenizer.json` for a lowercasing WordPiece tokenizer that wraps input as `[CLS] $A [SEP]`. */
export function tokenizerJson(tokens: string[]): object {
  const vocab = new Map(tokens.map((t, i) => [t, i]));
  const special = (t: string): object => ({ id: t, ids: [tokenId(vocab, t)], tokens: [t] });
  const { cls, sep } = SPECIAL_TOKENS;
  return {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: Object.values(SPECIAL_TOKENS).map((t) => ({
      id: tokenId(vocab, t),
      content: t,
      single_word: false,
      lstrip: false,
      rstrip: false,
      normalized: false,
      special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: cls, type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: sep, type_id: 0 } }],
      pair: [
        { SpecialToken: { id: cls, type_id: 0 } },
        { Sequence: { id: 'A', type_id: 0 } },
        { SpecialToken: { id: sep, type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } },
        { SpecialToken: { id: sep, type_id: 1 } },
      ],
      special_tokens: { [cls]: special(cls), [sep]: special(sep) },
    },
    decoder: { type: 'WordPiece', prefix: CONTINUATION_PREFIX, cleanup: true },
    model: {
      type: 'WordPiece',
      unk_token: SPECIAL_TOKENS.unk,
      continuing_subword_prefix: CONTINUATION_PREFIX,
      max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab),
    },
  };
}

/** `tokenizer_config.json`: tells transformers.js to build a `BertTokenizer`. */
export function tokenizerConfigJson(modelMaxLength: number): object {
  return {
    tokenizer_class: 'BertTokenizer',
    do_lower_case: true,
    do_basic_tokenize: true,
    tokenize_chinese_chars: true,
    strip_accents: null,
    model_max_length: modelMaxLength,
    clean_up_tokenization_spaces: true,
    unk_token: SPECIAL_TOKENS.unk,
    sep_token: SPECIAL_TOKENS.sep,
    pad_token: SPECIAL_TOKENS.pad,
    cls_token: SPECIAL_TOKENS.cls,
    mask_token: SPECIAL_TOKENS.mask,
  };
}
