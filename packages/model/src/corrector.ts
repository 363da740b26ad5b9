import { Channel, TYPING_COSTS, textCosts } from './candidates/channel.js';
import { fittedConfusions, type ChannelCounts } from './candidates/fitted-channel.js';
import { DeleteIndex } from './candidates/delete-index.js';
import { LazyLookAlikes, type LookAlikes } from './candidates/confusion-sets.js';
import { WordShape } from './lexicon/word-shape.js';
import { readCheckpoint, SHIPPED_CHECKPOINT } from './checkpoint-dir.js';
import { applyEdits, correctText, type CorrectTextOptions } from './correct/clean-text.js';
import { splitIntoWindows } from './correct/windows.js';
import { documentWords } from './correct/suspects.js';
import { tokenize } from './text/tokenize.js';
import type { RankParams } from './correct/params.js';
import type { CandidateScorer, Resources } from './correct/resources.js';
import { InputError } from './errors.js';
import type { CleanOptions, CleanResult, Corrector, CorrectorInfo } from './types.js';
import { basename, join } from 'node:path';
import { CheckpointError } from './errors.js';
import { NeuralScorer } from './neural-scorer.js';
import { CoalescingScorer } from './correct/coalescing-scorer.js';
import { selectBackend, type BackendName } from './nn/backend.js';
import { registerWasmKernels } from './nn/kernels.js';
import { loadModel } from './nn/model-io.js';

export interface LoadCorrectorOptions {
  /** Checkpoint folder (default: the shipped checkpoint inside this package). */
  checkpointDir?: string;
  /** Overrides of the checkpoint's ranking parameters (used when tuning). */
  params?: Partial<RankParams>;
  /** A neural candidate scorer; when absent, the checkpoint's own scorer is loaded if it has one. */
  scorer?: CandidateScorer | null;
  /** Backend name to report when a scorer is supplied from outside. */
  backend?: string;
  /** TensorFlow.js backend to try first for the checkpoint's scorer (default: tfjs-node, then wasm, then cpu). */
  preferBackend?: BackendName;
}

/** Characters above which a single text is refused (split long documents first). */
export const MAX_TEXT_CHARS = 5_000_000;

const LETTERS_ONLY = /^[\p{L}\p{M}'’]+$/u;

/** Loads a checkpoint's lexicon, context model and candidate index. */
export function loadResources(opts: LoadCorrectorOptions = {}): { resources: Resources; name: string; scorerDir?: string; channelCounts?: ChannelCounts } {
  const dir = opts.checkpointDir ?? SHIPPED_CHECKPOINT;
  const files = readCheckpoint(dir);
  const params = { ...files.config.params, ...opts.params };
  const indexWords = files.lexicon.words.filter((w) => LETTERS_ONLY.test(w) && w.length <= 24);
  const channel = ocrChannel(files.channelCounts, params);
  const resources: Resources = {
    lexicon: files.lexicon,
    bigrams: files.bigrams,
    trigrams: files.trigrams,
    index: new DeleteIndex(indexWords),
    indexWords,
    channel,
    typingChannel: new Channel(TYPING_COSTS),
    params,
    confusions: confusionSetsFor(files.lexicon, channel, params),
    shape: new WordShape(files.lexicon.words),
    scorer: opts.scorer ?? undefined,
  };
  return { resources, name: files.config.name ?? basename(dir), scorerDir: files.config.scorer, channelCounts: files.channelCounts };
}

/** The OCR channel: hand-set costs, and the fitted confusion counts' costs where the parameters ask for them. */
export function ocrChannel(counts: ChannelCounts | undefined, params: RankParams): Channel {
  const costs = textCosts(params.keyboardSlipCost);
  if (!counts || !params.fittedChannel) return new Channel(costs);
  return new Channel({ ...costs, directed: fittedConfusions(counts, params.fittedChannel) });
}

/** The real-word confusion sets the ranking parameters ask for. */
export function confusionSetsFor(lexicon: Resources['lexicon'], channel: Channel, params: RankParams): LookAlikes {
  return new LazyLookAlikes(lexicon, channel, { maxLength: params.realWordMaxLength, minRatio: params.realWordMinRatio, maxCost: params.realWordMaxCost });
}

/** Loads a checkpoint and returns a ready corrector. */
export async function loadCorrector(opts: LoadCorrectorOptions = {}): Promise<Corrector> {
  const t0 = performance.now();
  const dir = opts.checkpointDir ?? SHIPPED_CHECKPOINT;
  const { resources, name, scorerDir } = loadResources({ ...opts, checkpointDir: dir });
  let backend = opts.backend ?? (resources.scorer ? 'external' : 'none');
  let dispose = () => {};
  if (opts.scorer === undefined && scorerDir && (resources.params.neuralWeight !== 0 || resources.params.queryNeuralWeight !== 0)) {
    const loaded = await loadNeuralScorer(join(dir, scorerDir), opts.preferBackend);
    resources.scorer = loaded.scorer;
    backend = loaded.backend;
    dispose = () => loaded.scorer.model.dispose();
  }
  const info: CorrectorInfo = { checkpoint: name, backend, loadMs: Math.round(performance.now() - t0) };
  const corrector = createCorrector(resources, info);
  return { ...corrector, info, clean: corrector.clean, dispose };
}

async function loadNeuralScorer(dir: string, prefer?: BackendName): Promise<{ scorer: NeuralScorer; backend: string }> {
  const choice = await selectBackend(prefer);
  if (choice.name === 'wasm') registerWasmKernels();
  try {
    const { model, vocab } = await loadModel(dir);
    return { scorer: new NeuralScorer(model, vocab), backend: choice.name };
  } catch (e) {
    throw new CheckpointError(`neural scorer in ${dir} could not be loaded: ${(e as Error).message}`);
  }
}

/** Throws InputError unless `texts` is an array of strings the corrector takes; returns their total length. */
export function checkTexts(texts: unknown): number {
  if (!Array.isArray(texts)) throw new InputError('texts must be an array of strings');
  let total = 0;
  for (const text of texts) {
    if (typeof text !== 'string') throw new InputError('every text must be a string');
    if (text.length > MAX_TEXT_CHARS) throw new InputError(`a text is longer than ${MAX_TEXT_CHARS} characters`);
    total += text.length;
  }
  return total;
}

export function createCorrector(given: Resources, info: CorrectorInfo): Corrector {
  // texts are corrected side by side when a neural scorer is used, so that its requests go out in batches
  const resources = given.scorer ? { ...given, scorer: new CoalescingScorer(given.scorer) } : given;
  const sideBySide = given.scorer !== undefined;
  return {
    info,
    async clean(texts: string[], options: CleanOptions = {}): Promise<CleanResult[]> {
      const total = checkTexts(texts);
      const threshold = options.threshold ?? resources.params.threshold;
      if (!(threshold >= 0 && threshold <= 1)) throw new InputError('threshold must be between 0 and 1');
      const protectedTerms = options.protectedTerms ?? [];
      let done = 0;
      const out: CleanResult[] = [];
      for (let g = 0; g < texts.length; ) {
        const part = nextGroup(texts, g, sideBySide);
        g += part.length;
        out.push(...(await Promise.all(part.map((text) => correctDocument(text, resources, { threshold, protectedTerms, inspect: options.inspect })))));
        for (const text of part) {
          done += text.length;
          options.onProgress?.(done, total);
        }
        await yieldToEventLoop();
      }
      return out;
    },
    dispose() {},
  };
}

/** Texts corrected side by side when a neural scorer is used (its requests are batched across them)… */
const SCORED_GROUP = 64;
/** … as long as they hold this many characters: they run without a break until they reach the scorer. */
const SCORED_GROUP_CHARS = 16_000;

/** The texts from `from` on that are corrected together: one, or as many as SCORED_GROUP and SCORED_GROUP_CHARS allow. */
function nextGroup(texts: readonly string[], from: number, sideBySide: boolean): string[] {
  let end = from + 1;
  if (sideBySide) {
    let chars = texts[from].length;
    while (end < texts.length && end - from < SCORED_GROUP && chars + texts[end].length <= SCORED_GROUP_CHARS) chars += texts[end++].length;
  }
  return texts.slice(from, end);
}

/** Pieces of this many characters are corrected one at a time. */
const WINDOW_CHARS = 8000;

async function correctDocument(text: string, res: Resources, opts: CorrectTextOptions): Promise<CleanResult> {
  const windows = splitIntoWindows(text, WINDOW_CHARS);
  if (windows.length === 1) return correctText(text, res, opts);
  // a word that a long document also writes as code, or a term recurring through a clean one, is recognised as its
  // term in every piece of it
  const document = documentWords(tokenize(text, opts.protectedTerms), (w) => res.lexicon.has(w));
  const edits: CleanResult['edits'] = [];
  for (const w of windows) {
    const r = await correctText(w.text, res, { ...opts, document });
    await yieldToEventLoop();
    for (const e of r.edits) edits.push({ ...e, start: e.start + w.start, end: e.end + w.start });
  }
  return { text: applyEdits(text, edits), edits };
}

/** Lets timers and I/O run between texts and windows (progress writes, lock renewals, other requests). */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
