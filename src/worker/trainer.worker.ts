/// <reference lib="webworker" />
/** One training run per worker: the command handler served on the worker's own message port. */
import { createTrainerFor } from '@/nn';
import { selectBackendFor } from './backends';
import { serveTrainer } from './handler';
import type { Endpoint } from './protocol';

serveTrainer(self as unknown as Endpoint, {
  selectBackend: selectBackendFor,
  createTrainer: createTrainerFor,
});
