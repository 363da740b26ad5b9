/** Tunable weights of the ranker; stored in the checkpoint's config and tuned on dev sets. */
export interface RankParams {
  /** Log-probability per edit unit of the channel model (negative). */
  channelScale: -6,
  unknownProb: 1e-9,
  knownKeepBonus: 4,
  nameKeepBonus: 6,
  bigramWeight: 0.7,
  rareWordCount: 300,
  maxCandidates: 24,
  maxCost: 2,
  neuralWeight: 0,
  strayMaxCount: 200,
  strayDeleteCost: 3,
  hyphenJoinCost: 0.2,
  repeatKeepBonus: 3,
  threshold: 0.8,
};
