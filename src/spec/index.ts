/** The training spec: layer-neutral tables every layer may import (types and plain data, no tfjs, no DOM). */
export * from './fields';
export * from './envs';
export * from './metrics';
export * from './common';
export type { AlgoSpec, Constraint } from './algo';
export { PPO, PPO_FIELDS } from './ppo';
export { REINFORCE, REINFORCE_FIELDS, REINFORCE_VARIANTS, type ReinforceVariant } from './reinforce';
export { DQN, DQN_FIELDS } from './dqn';
export { DDPG, DDPG_FIELDS, TD3, TD3_FIELDS } from './td3';
export { SAC, SAC_FIELDS } from './sac';
export { OFFLINE, OFFLINE_FIELDS, type OfflineMethod } from './offline';
export * from './dataset';
export * from './algos';
export * from './presets';
export * from './run-status';
export * from './preference';

/** Backends the reader may choose ('auto' measures the workload and keeps the fastest). */
export const BACKEND_NAMES = ['webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof BACKEND_NAMES)[number];
export const BACKEND_CHOICES = ['auto', ...BACKEND_NAMES] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
