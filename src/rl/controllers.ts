/**
 * Hand-written controllers for the classic-control environments, acting on observations only: the "agent" a reader
 * can race before any training, and a check that each task is solvable as the renderers show it. Not learned and not
 * optimal; each gets close to its env's solve threshold (tested).
 */
import type { Action, EnvId } from './env-spec';
import { angleNormalize } from './pendulum';

export type Controller = (obs: ArrayLike<number>) => Action;

export const controllers: Readonly<Record<EnvId, Controller>> = {
  // Push toward where the pole is falling, with a little of the cart's drift.
  'CartPole-v1': (o) => (o[2] + 0.5 * o[3] + 0.05 * o[0] + 0.1 * o[1] > 0 ? 1 : 0),
  // Torque along the second joint's velocity: pumps energy into the swing.
  'Acrobot-v1': (o) => (o[5] > 0 ? 2 : 0),
  // Push along the velocity: each swing climbs higher.
  'MountainCar-v0': (o) => (o[1] > 0 ? 2 : 0),
  'MountainCarContinuous-v0': (o) => [o[1] >= 0 ? 1 : -1],
  // Energy pumping (dE/dt = 3 u theta_dot) until near the top, then a PD hold.
  'Pendulum-v1': (o) => {
    const theta = angleNormalize(Math.atan2(o[1], o[0]));
    const thetaDot = o[2];
    if (o[0] > 0.85) return [Math.max(-2, Math.min(2, -(10 * theta + 2 * thetaDot)))];
    const energy = 0.5 * thetaDot * thetaDot + 15 * Math.cos(theta);
    return [energy < 15 ? (thetaDot >= 0 ? 2 : -2) : 0];
  },
};
