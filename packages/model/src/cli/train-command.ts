import { UsageError } from './usage-error.js';

export async function runTrain(_args: string[]): Promise<void> {
  throw new UsageError('train: the neural scorer trainer is not wired in yet');
}
