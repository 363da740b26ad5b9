/** The callback URL is not allowed (scheme, or it points at a private/loopback/link-local address). */
export class CallbackRefusedError extends Error {
  override readonly name = 'CallbackRefusedError';
  constructor(
    message: string,
    /** `unresolvable` may be transient (DNS); the others never change for the same URL. */
    readonly reason: 'invalid-url' | 'forbidden-address' | 'unresolvable',
  ) {
    super(message);
  }
}

/** The callback could not be delivered (all attempts failed, or the receiver answered with a final 4xx). */
export class CallbackDeliveryError extends Error {
  override readonly name = 'CallbackDeliveryError';
  constructor(
    message: string,
    readonly attempts: number,
    readonly lastStatus?: number,
  ) {
    super(message);
  }
}

/** An embedding model could not be loaded; the message names the setting to change. */
export class EmbeddingModelLoadError extends Error {
  override readonly name = 'EmbeddingModelLoadError';
}

/** The corrector module does not (yet) provide loadCorrector, or loading it failed. */
export class CorrectorLoadError extends Error {
  override readonly name = 'CorrectorLoadError';
}
