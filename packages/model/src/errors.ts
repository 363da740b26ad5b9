/** The checkpoint folder is missing, incomplete or unreadable. */
export class CheckpointError extends Error {
  override name = 'CheckpointError';
}

/** Input the corrector cannot take (not a string, too long, …). */
export class InputError extends Error {
  override name = 'InputError';
}

/** No correction thread of a pool can take work now (all are being replaced after a crash, or the pool is closed). */
export class CorrectorUnavailableError extends Error {
  override name = 'CorrectorUnavailableError';
}
