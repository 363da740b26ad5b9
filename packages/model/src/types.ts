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
  /**
   * For measuring the ranker (`scripts/ranking-oracle.ts`), not for use in production: called at every decision about a
   * suspect word with its readings and their scores; may return the index of the reading to take instead. Runs in the
   * caller's thread, so a corrector pool refuses it.
   */
  inspect?: DecisionInspector;
}

/** One decision of the ranker about a suspect word (see `CleanOptions.inspect`). */
export interface RankerDecision {
  /** The text being corrected (one window of a long document), and the suspect's span in it. */
  text: string;
  start: number;
  end: number;
  /** The readings considered, each as its words joined by spaces (lower-cased); index 0 is the word as written. */
  readings: string[];
  /** The ranker's score of each reading (log scale; higher is likelier). */
  scores: number[];
  /** Each reading's channel cost (0 for the word as written), and the bonus the word as written gets for being kept. */
  costs: number[];
  keepBonus: number;
  /** The index of the reading the corrector takes (0: the word is left as written). */
  chosen: number;
}

/** Returns the index of the reading to take instead of `chosen`, or undefined to leave the corrector's choice. */
export type DecisionInspector = (decision: RankerDecision) => number | undefined;

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
