import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { DataType, encodeOnnxModel, floatTensor, int64Tensor } from './onnx-proto.js';

/**
 * Writes a tiny BERT-shaped transformers.js model folder (config.json, tokenizer.json,
 * tokenizer_config.json, onnx/model.onnx) so the transformers.js provider can be tested offline.
 * The "model" is a word-embedding lookup: last_hidden_state[b, t] = E[input_ids[b, t]] * attention_mask[b, t].
 * Mean pooling over it gives a bag-of-words vector, so texts sharing words are close.
 */

export const SPECIAL_TOKENS = ['[PAD]', '[UNK]', '[CLS]', '[SEP]', '[MASK]'] as const;

export interface TinyModel {
  /** Folder to use as env.localModelPath. */
  root: string;
  /** Model name under root. */
  name: string;
  vocab: string[];
  hidden: number;
  /** Embedding matrix, row-major [vocab.length, hidden]. */
  weights: Float32Array;
}

/** Deterministic pseudo-random numbers (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export async function writeTinyBertModel(root: string, words: string[], hidden = 32, name = 'test/tiny-bert'): Promise<TinyModel> {
  const letters = 'abcdefghijklmnopqrstuvwxyz0123456789'.split('');
  const punct = '.,;:!?\'"()-'.split('');
  const vocab = [...SPECIAL_TOKENS, ...punct, ...letters, ...letters.map((l) => `##${l}`)];
  for (const w of words.map((x) => x.toLowerCase())) if (!vocab.includes(w)) vocab.push(w);

  const rand = rng(1234);
  const weights = new Float32Array(vocab.length * hidden);
  for (let i = 0; i < weights.length; i++) weights[i] = rand() * 2 - 1;
  weights.fill(0, 0, hidden); // [PAD] row is zero

  const onnx = encodeOnnxModel({
    opset: 13,
    initializers: [floatTensor('embeddings', [vocab.length, hidden], weights), int64Tensor('unsqueeze_axes', [1], [-1])],
    nodes: [
      { opType: 'Gather', inputs: ['embeddings', 'input_ids'], outputs: ['gathered'], intAttributes: { axis: 0 } },
      { opType: 'Cast', inputs: ['attention_mask'], outputs: ['mask_f'], intAttributes: { to: DataType.FLOAT } },
      { opType: 'Unsqueeze', inputs: ['mask_f', 'unsqueeze_axes'], outputs: ['mask_3d'] },
      { opType: 'Mul', inputs: ['gathered', 'mask_3d'], outputs: ['last_hidden_state'] },
    ],
    inputs: [
      { name: 'input_ids', elemType: DataType.INT64, shape: ['batch', 'sequence'] },
      { name: 'attention_mask', elemType: DataType.INT64, shape: ['batch', 'sequence'] },
    ],
    outputs: [{ name: 'last_hidden_state', elemType: DataType.FLOAT, shape: ['batch', 'sequence', hidden] }],
  });

  const id = (t: string) => vocab.indexOf(t);
  const tokenizer = {
    version: '1.0',
    truncation: null,
    padding: null,
    added_tokens: SPECIAL_TOKENS.map((content, i) => ({
      id: i, content, single_word: false, lstrip: false, rstrip: false, normalized: false, special: true,
    })),
    normalizer: { type: 'BertNormalizer', clean_text: true, handle_chinese_chars: true, strip_accents: null, lowercase: true },
    pre_tokenizer: { type: 'BertPreTokenizer' },
    post_processor: {
      type: 'TemplateProcessing',
      single: [{ SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } }],
      pair: [
        { SpecialToken: { id: '[CLS]', type_id: 0 } }, { Sequence: { id: 'A', type_id: 0 } }, { SpecialToken: { id: '[SEP]', type_id: 0 } },
        { Sequence: { id: 'B', type_id: 1 } }, { SpecialToken: { id: '[SEP]', type_id: 1 } },
      ],
      special_tokens: {
        '[CLS]': { id: '[CLS]', ids: [id('[CLS]')], tokens: ['[CLS]'] },
        '[SEP]': { id: '[SEP]', ids: [id('[SEP]')], tokens: ['[SEP]'] },
      },
    },
    decoder: { type: 'WordPiece', prefix: '##', cleanup: true },
    model: {
      type: 'WordPiece', unk_token: '[UNK]', continuing_subword_prefix: '##', max_input_chars_per_word: 100,
      vocab: Object.fromEntries(vocab.map((t, i) => [t, i])),
    },
  };
  const tokenizerConfig = {
    tokenizer_class: 'BertTokenizer', do_lower_case: true, model_max_length: 512,
    pad_token: '[PAD]', unk_token: '[UNK]', cls_token: '[CLS]', sep_token: '[SEP]', mask_token: '[MASK]',
  };
  const config = {
    model_type: 'bert', architectures: ['BertModel'], hidden_size: hidden, vocab_size: vocab.length,
    num_hidden_layers: 0, num_attention_heads: 1, intermediate_size: hidden, max_position_embeddings: 512,
    pad_token_id: 0,
  };

  const dir = path.join(root, name);
  await mkdir(path.join(dir, 'onnx'), { recursive: true });
  await writeFile(path.join(dir, 'onnx', 'model.onnx'), onnx);
  await writeFile(path.join(dir, 'tokenizer.json'), JSON.stringify(tokenizer));
  await writeFile(path.join(dir, 'tokenizer_config.json'), JSON.stringify(tokenizerConfig));
  await writeFile(path.join(dir, 'config.json'), JSON.stringify(config));
  return { root, name, vocab, hidden, weights };
}
