/**
 * The store of one training panel, created by the component that owns it (zustand's "initialize state with props"):
 * the preset's config with the link's settings on top (clamped, then repaired as a whole, with notices), the saved
 * run restored, settings and seed written back to the URL as they change, and the worker ended on unmount (a
 * pending save is written first).
 */
import { useEffect, useMemo, useState } from 'react';
import { addNotice } from '@/lib/notices';
import { useStaticBook } from '@/lib/print-mode';
import { useUrlParams } from '@/lib/url-state';
import { BACKEND_CHOICES, presetConfig, type BackendChoice, type TrainConfig } from '@/spec';
import { createTrainingStore, type TrainingStore, type TrainingStoreDeps } from '@/stores/training';
import { linkConfig, paramsFromConfig, specsFor } from './url-config';

export interface PanelStoreProps {
  preset?: string;
  seed?: number | string;
  backend?: string;
  /** Distinguishes two panels of the same preset on one page (URL prefix and storage key). */
  id?: string;
}

/** `deps` (read once, when the store is made): how to make the trainer, e.g. with the offline learner's dataset. */
export function useTrainingPanelStore(
  { preset = 'ppo-cartpole', seed, backend, id }: PanelStoreProps,
  deps?: TrainingStoreDeps,
): {
  store: TrainingStore;
  key: string;
} {
  const key = `${preset}${id ? `.${id}` : ''}`;
  const base = useMemo<TrainConfig>(() => {
    const c = presetConfig(preset);
    const sd = Number(seed);
    return seed !== undefined && Number.isInteger(sd) && sd >= 0 && sd < 2 ** 31 ? { ...c, seed: sd } : c;
  }, [preset, seed]);
  const backendDefault = (BACKEND_CHOICES as readonly string[]).includes(backend ?? '')
    ? (backend as BackendChoice)
    : 'auto';
  const specs = useMemo(() => specsFor(base, backendDefault), [base, backendDefault]);
  const [urlValues, setUrlValues] = useUrlParams(key, specs);
  const [link] = useState(() => linkConfig(base, urlValues as never));
  const [store] = useState(() =>
    createTrainingStore(key, link.config, urlValues.backend as BackendChoice, deps),
  );
  // The whole-book print view shows the panel at its defaults, not the reader's saved run.
  const frozen = useStaticBook();
  useEffect(() => {
    for (const n of link.notices) addNotice(`Link settings of ${key}: ${n}.`);
    if (!frozen) void store.getState().restore();
    const sync = (c: TrainConfig, b: BackendChoice) => setUrlValues(paramsFromConfig(c, b) as never);
    sync(store.getState().config, store.getState().backendChoice);
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.config !== prev.config || s.backendChoice !== prev.backendChoice) sync(s.config, s.backendChoice);
    });
    return () => {
      unsubscribe();
      store.getState().dispose();
    };
  }, [store, key, link, setUrlValues, frozen]);
  return { store, key };
}
