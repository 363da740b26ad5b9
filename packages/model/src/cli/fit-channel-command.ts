import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { channelCountsFromProfile } from '../candidates/fitted-channel.js';
import { CHANNEL_COUNTS } from '../checkpoint-dir.js';
import { UsageError } from './usage-error.js';

/**
 * Keeps the OCR confusion counts of a noise profile (made by `pnpm corrupt fit` from dev pairs) in a checkpoint
 * folder as `channel.json`, for the channel model's fitted costs (params.fittedChannel).
 */
export async function runFitChannel(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: {
      profile: { type: 'string' },
      out: { type: 'string', default: 'packages/model/checkpoints/shipped' },
      'min-count': { type: 'string', default: '2' },
    },
  });
  if (!values.profile) throw new UsageError('fit-channel needs --profile FILE (a noise profile made by `pnpm corrupt fit` from dev pairs)');
  if (!existsSync(values.profile)) throw new UsageError(`no noise profile at ${values.profile}`);
  const minCount = Number(values['min-count']);
  if (!Number.isInteger(minCount) || minCount < 1) throw new UsageError('--min-count must be a whole number ≥ 1');
  let profile: unknown;
  try {
    profile = JSON.parse(readFileSync(values.profile, 'utf8'));
  } catch (e) {
    throw new UsageError(`${values.profile} is not JSON: ${(e as Error).message}`);
  }
  let counts;
  try {
    counts = channelCountsFromProfile(profile as Parameters<typeof channelCountsFromProfile>[0], minCount);
  } catch (e) {
    throw new UsageError(`${values.profile}: ${(e as Error).message}`);
  }
  const out = join(resolve(values.out!), CHANNEL_COUNTS);
  writeFileSync(out, JSON.stringify(counts) + '\n');
  const confusions = Object.values(counts.sub).reduce((s, e) => s + Object.keys(e.to).length, 0);
  process.stderr.write(`${confusions} confusions of ${Object.keys(counts.sub).length} clean strings → ${out}\n`);
}
