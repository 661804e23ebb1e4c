/**
 * The training panel's prediction: the reader sketches the return curve they expect (mean return of the last 20
 * episodes against environment steps) before starting a run; the score adds the error in the steps to the solve
 * threshold. The range of returns comes from the environment's episode limit where every step earns the same
 * reward (+1 on CartPole, −1 on Acrobot and MountainCar); other environments offer no prediction yet.
 */
import { ENV_SPECS, type EnvId, type SeriesKey, type TrainConfig } from '@/spec';
import { predict, type PredictionLayer } from '@/widgets/common';

export function returnRange(env: EnvId): [number, number] | null {
  const T = ENV_SPECS[env].maxEpisodeSteps;
  if (env === 'CartPole-v1') return [0, T];
  if (env === 'Acrobot-v1' || env === 'MountainCar-v0') return [-T, 0];
  return null;
}

export function trainingPrediction(
  config: TrainConfig,
  preset: string,
): PredictionLayer<SeriesKey> | undefined {
  const range = returnRange(config.env);
  if (!range) return undefined;
  return predict<SeriesKey>('returnMean20', {
    // Kept per preset, seed and run length; settings changed live during a run keep the same sketch.
    id: `train:${preset}:${config.algo}:${config.env}:${config.seed}:${config.totalSteps}`,
    xDomain: [0, config.totalSteps],
    yDomain: range,
    threshold: Number.isFinite(config.solveThreshold) ? config.solveThreshold : undefined,
    label: 'mean return',
    testId: 'train-prediction',
  });
}
