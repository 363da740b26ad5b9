import { createCorruptor, curriculum, profileCorruptor, type CorruptFn, type Profile, type Rng } from '@unsmudge/corruptors';

export interface NoiseMixtureOptions {
  /** Noise profile fitted on real OCR pairs (optional). */
  profile?: Profile;
  /** Steps over which the rule-based OCR noise ramps from light to heavy. */
  curriculumSteps: number;
  /** Current training step (for the curriculum). */
  step: () => number;
}

/**
 * The corruption used for training: a mixture of the fitted OCR profile (at a random strength),
 * an OCR curriculum ramping from light to heavy, typing slips, and mixed noise.
 */
export function noiseMixture(opts: NoiseMixtureOptions): CorruptFn {
  const typing = createCorruptor('typing');
  const mixed = createCorruptor('mixed');
  const ocr = curriculum({ from: 'ocr-light', to: 'ocr-heavy', steps: opts.curriculumSteps });
  const fitted = opts.profile ? [0.5, 1, 1.5, 2].map((s) => profileCorruptor(opts.profile!, s, `fitted×${s}`)) : [];
  return (clean: string, rng: Rng) => {
    const x = rng();
    if (fitted.length && x < 0.4) return fitted[Math.floor(rng() * fitted.length)].corrupt(clean, rng);
    if (x < 0.65) return ocr(opts.step()).corrupt(clean, rng);
    if (x < 0.85) return typing.corrupt(clean, rng);
    return mixed.corrupt(clean, rng);
  };
}
