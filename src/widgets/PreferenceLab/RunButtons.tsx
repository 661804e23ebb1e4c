/** Start / pause / one step / restart for a chapter 12 training widget, with its status. */
import { Button, Controls } from '@/widgets/common';
import type { TrainerStatus } from './use-preference-trainer';

export function RunButtons({
  status,
  start,
  pause,
  step,
  restart,
  testId,
}: {
  status: TrainerStatus;
  start: () => void;
  pause: () => void;
  step: () => void;
  restart: () => void;
  testId: string;
}) {
  const running = status === 'running';
  const canRun = status === 'ready' || status === 'paused';
  return (
    <Controls>
      <Button onClick={running ? pause : start} disabled={!running && !canRun} testId={`${testId}-start`}>
        {running ? 'Pause' : status === 'paused' ? 'Resume' : 'Start'}
      </Button>
      <Button onClick={step} disabled={!canRun} testId={`${testId}-step-once`}>
        One step
      </Button>
      <Button onClick={restart} testId={`${testId}-restart`}>
        Restart
      </Button>
      <span className="run-status" role="status" data-testid={`${testId}-status`} data-value={status}>
        {status}
      </span>
    </Controls>
  );
}
