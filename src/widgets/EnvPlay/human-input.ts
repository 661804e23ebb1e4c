/**
 * How a reader's input becomes an action. Discrete envs: the arrow keys (or the on-screen buttons) push left or
 * right while held — Gymnasium's own key map for MountainCar (`get_keys_to_action`: nothing = 1, ← = 0, → = 2), the
 * same for Acrobot's torques −1 / 0 / +1; CartPole has no "no push", so it keeps the last direction pressed.
 * Box envs (Pendulum, MountainCarContinuous): a slider, or the pointer's horizontal offset from the canvas centre,
 * or ←/→ held for full torque the one way or the other (positive is counterclockwise for Pendulum, rightwards for
 * the car).
 */
import { envs, type Action, type EnvId } from '@/rl';

export type Held = 'left' | 'right' | null;

export interface HumanInput {
  held: Held;
  /** CartPole only: the last direction pressed. */
  last: 'left' | 'right';
  /** Box envs: the slider / pointer value, in the action's units. */
  value: number;
}

export const initialInput = (): HumanInput => ({ held: null, last: 'left', value: 0 });

export function humanAction(id: EnvId, input: HumanInput): Action {
  const space = envs[id].spec.action;
  if (space.kind === 'box') {
    const v = input.held === 'left' ? space.low[0] : input.held === 'right' ? space.high[0] : input.value;
    return [Math.min(space.high[0], Math.max(space.low[0], v))];
  }
  if (id === 'CartPole-v1') return (input.held ?? input.last) === 'right' ? 1 : 0;
  return input.held === 'left' ? 0 : input.held === 'right' ? 2 : 1;
}

/** What the controls do, in words (shown next to the play area). */
export function inputHelp(id: EnvId): string {
  const space = envs[id].spec.action;
  if (space.kind === 'box')
    return `Drag the slider or the pointer across the picture (right = +${space.high[0]}), or hold ← / → for full force.`;
  if (id === 'CartPole-v1') return 'Hold ← or → to push the cart; it keeps pushing the last way you chose.';
  if (id === 'Acrobot-v1')
    return 'Hold ← or → for torque −1 or +1 on the middle joint; nothing held = no torque.';
  return 'Hold ← or → to push the car; nothing held = no push.';
}

/** Pointer x on the canvas → an action value: the centre is 0, the edges are the box's bounds. */
export function pointerValue(id: EnvId, fraction: number): number {
  const space = envs[id].spec.action;
  if (space.kind !== 'box') return 0;
  const t = Math.min(1, Math.max(0, fraction)) * 2 - 1;
  return t >= 0 ? t * space.high[0] : -t * space.low[0];
}
