/**
 * One worker of chapter 12's training widgets, owned by a component: created for a task, replaced when the task
 * changes (new settings restart the run), terminated on unmount. Its events go to `onEvent`; `status`, the backend
 * report and an error message are kept here. Shared by PreferenceLab and GrpoLab.
 */
import { useEffect, useRef, useState } from 'react';
import {
  createPreferenceTrainer,
  type BackendReport,
  type PreferenceClientEvent,
  type PreferenceStatus,
  type PreferenceTask,
  type PreferenceTrainer,
} from '@/worker/preference-client';

export type TrainerStatus = PreferenceStatus | 'crashed';

export function usePreferenceTrainer(task: PreferenceTask, onEvent: (e: PreferenceClientEvent) => void) {
  const [status, setStatus] = useState<TrainerStatus>('initialising');
  const [error, setError] = useState<string | null>(null);
  const [backend, setBackend] = useState<BackendReport | null>(null);
  const [restarts, setRestarts] = useState(0);
  const trainer = useRef<PreferenceTrainer | null>(null);
  const handler = useRef(onEvent);
  handler.current = onEvent;
  const key = JSON.stringify(task);

  useEffect(() => {
    const t = createPreferenceTrainer(JSON.parse(key) as PreferenceTask);
    trainer.current = t;
    setStatus('initialising');
    setError(null);
    const off = t.subscribe((e) => {
      if (e.type === 'status') setStatus(e.status);
      else if (e.type === 'backend') setBackend(e.report);
      else if (e.type === 'error') setError(e.message);
      else if (e.type === 'crash') {
        setStatus('crashed');
        setError(e.message);
      }
      handler.current(e);
    });
    return () => {
      off();
      t.terminate();
      trainer.current = null;
    };
  }, [key, restarts]);

  return {
    status,
    error,
    backend,
    start: () => trainer.current?.start(),
    pause: () => trainer.current?.pause(),
    step: () => trainer.current?.step(),
    /** A fresh run with the same settings (a new worker after a crash). */
    restart: () => setRestarts((n) => n + 1),
  };
}

/**
 * What both chapter 12 widgets do around their trainer: the run's points, appended as they arrive and cleared when a
 * new run starts, and the run's notices (the backend chosen, an error). `take` reads each event: the points it
 * brings, 'reset' for the start of a new run, nothing otherwise (it may also keep other state of the widget's).
 */
export function useRunPoints<P>(
  task: PreferenceTask,
  take: (e: PreferenceClientEvent) => P[] | 'reset' | undefined,
) {
  const [points, setPoints] = useState<P[]>([]);
  const run = usePreferenceTrainer(task, (e) => {
    const got = take(e);
    if (got === 'reset') setPoints([]);
    else if (got) setPoints((old) => old.concat(got));
  });
  const notices: string[] = [];
  if (run.backend)
    notices.push(
      `Backend: ${run.backend.name} (${run.backend.reason}). ${run.backend.notices.join(' ')}`.trim(),
    );
  if (run.error) notices.push(run.error);
  return { run, points, notices };
}
