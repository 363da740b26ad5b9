import type { EmbeddingConfig } from '../config.js';
import type { Embedder } from './types.js';

/** Loads the configured embedding provider (undefined for `none`). Providers load lazily, so unused ones cost nothing. */
export async function createEmbedder(config: EmbeddingConfig): Promise<Embedder | undefined> {
  switch (config.provider) {
    case 'none':
      return undefined;
    case 'use-lite': {
      const { loadUseLiteEmbedder } = await import('./use-lite.js');
      return loadUseLiteEmbedder({ modelDir: config.modelDir, batchSize: config.batchSize });
    }
    case 'transformers': {
      const { loadTransformersEmbedder } = await import('./transformers.js');
      return loadTransformersEmbedder(config);
    }
  }
}
