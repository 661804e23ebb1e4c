/** The comparison's props a `#/widget/TrainingCompare?props.…` link may set (parsed and clamped). */
import { defineParams, int, oneOf } from '@/lib/url-params';
import { PRESET_NAMES } from '@/spec';

export const propSpecs = defineParams({
  presetA: oneOf(PRESET_NAMES, 'ppo-cartpole-many-epochs'),
  presetB: oneOf(PRESET_NAMES, 'ppo-cartpole-noclip'),
  seed: int({ min: 0, max: 2 ** 31 - 1, default: 1 }),
});
