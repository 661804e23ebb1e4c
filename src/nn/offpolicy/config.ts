/**
 * The off-policy learners' configurations: their tables (a doc line per field, defaults, ranges, which are live,
 * and the deviations from CleanRL) live in src/spec (dqn.ts, td3.ts, sac.ts, offpolicy-common.ts); this module
 * names their types and defaults for src/nn.
 */
import { defaultConfig, type DdpgConfig, type DqnConfig, type SacConfig, type Td3Config } from '@/spec';

export type { DdpgConfig, DqnConfig, SacConfig, Td3Config };
export type OffPolicyConfig = DqnConfig | DdpgConfig | Td3Config | SacConfig;

export const DQN_DEFAULTS: DqnConfig = defaultConfig('dqn', 'CartPole-v1');
export const TD3_DEFAULTS: Td3Config = defaultConfig('td3', 'Pendulum-v1');
export const DDPG_DEFAULTS: DdpgConfig = defaultConfig('ddpg', 'Pendulum-v1');
export const SAC_DEFAULTS: SacConfig = defaultConfig('sac', 'Pendulum-v1');
