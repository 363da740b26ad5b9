/** The checkpoint folder is missing, incomplete or unreadable. */
export class CheckpointError extends Error {
  override name = 'CheckpointError';
}

/** Input the corrector cannot take (not a string, too long, …). */
export class InputError extends Error {
  override name = 'InputError';
}
