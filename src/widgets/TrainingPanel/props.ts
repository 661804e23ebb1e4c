/** The panel's props a `#/widget/TrainingPanel?props.…` link may set (parsed and clamped like any URL parameter). */
import { bool, defineParams, int, oneOf, str } from '@/lib/url-params';
import { BACKEND_CHOICES, PRESET_NAMES } from '@/spec';

export const propSpecs = defineParams({
  preset: oneOf(PRESET_NAMES, 'ppo-cartpole'),
  seed: int({ min: 0, max: 2 ** 31 - 1, default: 1 }),
  backend: oneOf(BACKEND_CHOICES, 'auto'),
  id: str('', 20, /[A-Za-z0-9_-]/),
  compact: bool(false),
  title: str('', 120),
});
