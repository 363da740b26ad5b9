export interface EmbedderInfo {
  /** "use-lite" or "transformers". */
  provider: string;
  /** Model name (e.g. "universal-sentence-encoder-lite", "Xenova/all-MiniLM-L6-v2"). */
  model: string;
  dimensions: number;
}

/** Turns texts into vectors; one interface for every provider. */
export interface Embedder {
  readonly info: EmbedderInfo;
  embed(texts: string[]): Promise<number[][]>;
  dispose(): Promise<void>;
}
