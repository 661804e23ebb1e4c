/**
 * The panel's settings in the URL (`?<preset>.seed=3&<preset>.lr=0.001…`, via the platform's useUrlParams):
 * one table maps each URL parameter to a config field, with the preset's values as defaults so an untouched
 * panel adds nothing to the URL. Limits here are the URL's; the worker validates the final config again.
 */
import { bool, int, num, oneOf, type ParamSpecs, type ParamValues } from '@/lib/url-state';
import type { BackendChoice, TrainConfig } from '@/worker/protocol';

const BACKENDS = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
const NOCLIP_EPS = 0.2;
const VARIANTS = ['total-return', 'reward-to-go', 'reward-to-go-baseline'] as const;

export function specsFor(cfg: TrainConfig, backend: BackendChoice) {
  const common = {
    seed: int({ min: 0, max: 2 ** 31 - 1, default: cfg.seed }),
    backend: oneOf(BACKENDS, backend),
    lr: num({ min: 1e-6, max: 1, default: cfg.learningRate }),
    envs: int({ min: 1, max: 64, default: cfg.numEnvs }),
    hidden: int({ min: 4, max: 256, default: cfg.hidden }),
    gamma: num({ min: 0.5, max: 1, default: cfg.gamma }),
    ent: num({ min: 0, max: 1, default: cfg.entCoef }),
  };
  if (cfg.algo === 'ppo') {
    return {
      ...common,
      steps: int({ min: 1, max: 2048, default: cfg.numSteps }),
      epochs: int({ min: 1, max: 100, default: cfg.updateEpochs }),
      mb: int({ min: 1, max: 64, default: cfg.numMinibatches }),
      lambda: num({ min: 0, max: 1, default: cfg.gaeLambda }),
      kl: num({ min: 0, max: 1, default: cfg.targetKl }),
      clip: num({ min: 0.01, max: 1, default: Number.isFinite(cfg.clipCoef) ? cfg.clipCoef : NOCLIP_EPS }),
      noclip: bool(!Number.isFinite(cfg.clipCoef)),
    } satisfies ParamSpecs;
  }
  return {
    ...common,
    batch: int({ min: 100, max: 100_000, default: cfg.batchSteps }),
    variant: oneOf(VARIANTS, cfg.variant),
    norm: bool(cfg.normalizeReturns),
  } satisfies ParamSpecs;
}

type AnyValues = ParamValues<ParamSpecs> & Record<string, number | boolean | string>;

/** The config the URL describes on top of the preset. */
export function configFromParams(base: TrainConfig, v: AnyValues): TrainConfig {
  const common = {
    seed: v.seed as number,
    learningRate: v.lr as number,
    numEnvs: v.envs as number,
    hidden: v.hidden as number,
    gamma: v.gamma as number,
    entCoef: v.ent as number,
  };
  if (base.algo === 'ppo') {
    return {
      ...base,
      ...common,
      numSteps: v.steps as number,
      updateEpochs: v.epochs as number,
      numMinibatches: v.mb as number,
      gaeLambda: v.lambda as number,
      targetKl: v.kl as number,
      clipCoef: v.noclip ? Infinity : (v.clip as number),
    };
  }
  return {
    ...base,
    ...common,
    batchSteps: v.batch as number,
    variant: v.variant as (typeof VARIANTS)[number],
    normalizeReturns: v.norm as boolean,
  };
}

/** URL values for a config and backend choice. */
export function paramsFromConfig(
  cfg: TrainConfig,
  backend: BackendChoice,
): Record<string, number | boolean | string> {
  const common = {
    seed: cfg.seed,
    backend,
    lr: cfg.learningRate,
    envs: cfg.numEnvs,
    hidden: cfg.hidden,
    gamma: cfg.gamma,
    ent: cfg.entCoef,
  };
  if (cfg.algo === 'ppo') {
    const finite = Number.isFinite(cfg.clipCoef);
    return {
      ...common,
      steps: cfg.numSteps,
      epochs: cfg.updateEpochs,
      mb: cfg.numMinibatches,
      lambda: cfg.gaeLambda,
      kl: cfg.targetKl,
      // With clipping off the URL keeps ε at the value clipping comes back with (0.2, as the checkbox does).
      clip: finite ? cfg.clipCoef : NOCLIP_EPS,
      noclip: !finite,
    };
  }
  return { ...common, batch: cfg.batchSteps, variant: cfg.variant, norm: cfg.normalizeReturns };
}
