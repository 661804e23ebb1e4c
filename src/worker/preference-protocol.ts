/**
 * The wire format between chapter 12's training widgets and their worker (preference.worker.ts): types only,
 * importing nothing but the layer-neutral spec. One worker runs one task: the preference toy (RLHF and DPO, tabular,
 * float64) or GRPO on sums of two digits (tfjs). Everything here survives structured clone.
 */
import type {
  GrpoConfig,
  GrpoPoint,
  GrpoVariant,
  PreferenceConfig,
  PreferencePoint,
  ResponseRow,
} from '@/spec';
import type { BackendChoice, BackendReport } from './protocol';

export type { GrpoConfig, GrpoVariant, PreferenceConfig, PreferencePoint, ResponseRow, GrpoPoint };
export type { BackendChoice, BackendReport };

export type PreferenceTask =
  | { kind: 'preferences'; config: PreferenceConfig }
  | { kind: 'grpo'; config: GrpoConfig; backend: BackendChoice };

/** The exact values of the preference toy that the charts draw as reference lines (means over prompts). */
export interface PreferenceExact {
  optKl: number;
  optWin: number;
  dataKl: number;
  dataWin: number;
  dataGap: number;
  mleFinite: boolean[];
}

export type PreferenceStatus = 'initialising' | 'ready' | 'running' | 'paused' | 'finished' | 'error';

/** Main thread → worker. */
export type PreferenceCommand =
  | { type: 'init'; task: PreferenceTask }
  | { type: 'start' }
  | { type: 'pause' }
  /** One logged step (10 updates of the preference toy, 1 of GRPO), then paused. */
  | { type: 'step' }
  /** A fresh run with a new task (or the same one). */
  | { type: 'reset'; task?: PreferenceTask };

/** Worker → main thread. Points are batched to at most 20 messages a second. */
export type PreferenceEvent =
  | { type: 'status'; status: PreferenceStatus; message?: string }
  | { type: 'backend'; report: BackendReport }
  | { type: 'preference-exact'; exact: PreferenceExact; responses: ResponseRow[] }
  | { type: 'preference-points'; points: PreferencePoint[]; responses: ResponseRow[] }
  | { type: 'grpo-points'; points: GrpoPoint[] }
  | { type: 'error'; message: string };
