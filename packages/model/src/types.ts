/** One change the corrector made, with offsets into the *input* text (UTF-16 code units, end exclusive). */
export interface Edit {
  start: number;
  end: number;
  original: string;
  replacement: string;
  /** 0..1: how sure the corrector is that the replacement is right. */
  confidence: number;
}

export interface CleanOptions {
  /** Edits whose confidence is below this are not applied (default from the checkpoint, ~0.5). */
  threshold?: number;
  /** Terms passed through untouched wherever they occur (case-sensitive). */
  protectedTerms?: string[];
  /** Called as work advances, with done/total in characters. */
  onProgress?: (done: number, total: number) => void;
}

export interface CleanResult {
  text: string;
  /** Edits that were applied, sorted by start. */
  edits: Edit[];
}

export interface CorrectorInfo {
  /** Name of the checkpoint (e.g. "shipped"). */
  checkpoint: string;
  /** TensorFlow.js backend in use: "tensorflow" (tfjs-node), "wasm" or "cpu". */
  backend: string;
  /** Milliseconds spent loading. */
  loadMs: number;
}

/** A corrector: the only thing apps need from this package. */
export interface Corrector {
  readonly info: CorrectorInfo;
  clean(texts: string[], options?: CleanOptions): Promise<CleanResult[]>;
  dispose(): void;
}
