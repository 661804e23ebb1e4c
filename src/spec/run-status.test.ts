import { describe, expect, it } from 'vitest';
import { startPlan, transition, TRANSITIONS, type RunStatus, type ViewStatus } from './run-status';

describe('the run status machine', () => {
  it('moves ready/paused to running on start, resume and step, running to paused on pause, and nothing else', () => {
    const all = Object.keys(TRANSITIONS) as RunStatus[];
    for (const s of all) {
      for (const cmd of ['start', 'resume', 'step'] as const)
        expect(transition(s, cmd), `${s} ${cmd}`).toBe(s === 'ready' || s === 'paused' ? 'running' : null);
      expect(transition(s, 'pause'), s).toBe(s === 'running' ? 'paused' : null);
    }
  });

  it('says what Start means in every status the panel can show', () => {
    const plans: Record<ViewStatus, [string, string]> = {
      idle: ['new-worker', 'new-worker'],
      initialising: ['new-worker', 'send'],
      ready: ['new-worker', 'send'],
      running: ['none', 'none'],
      paused: ['new-worker', 'send'],
      solved: ['new-worker', 'new-run'],
      finished: ['new-worker', 'new-run'],
      error: ['new-worker', 'new-run'],
      cancelled: ['new-worker', 'new-run'],
      crashed: ['new-worker', 'new-worker'],
      restored: ['new-worker', 'new-run'],
    };
    for (const [s, [noWorker, withWorker]] of Object.entries(plans)) {
      expect(startPlan(s as ViewStatus, false), s).toBe(noWorker);
      expect(startPlan(s as ViewStatus, true), s).toBe(withWorker);
    }
  });
});
