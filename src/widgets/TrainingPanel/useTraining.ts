/** One training store per widget instance, disposed with the component. */
import { useEffect, useState } from 'react';
import { useStore } from 'zustand';
import { createTrainingStore, type TrainingStore } from '@/stores/training';
import type { BackendChoice, TrainConfig } from '@/worker/protocol';

export function useTrainingStore(key: string, config: TrainConfig, backend: BackendChoice): TrainingStore {
  const [store] = useState(() => createTrainingStore(key, config, backend));
  useEffect(() => {
    void store.getState().restore();
    return () => store.getState().dispose();
  }, [store]);
  return store;
}

export { useStore };
