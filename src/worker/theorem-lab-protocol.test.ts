import { describe, expect, it } from 'vitest';
import { SEARCH_DEFAULTS } from '@/rl';
import { checkCommand } from './theorem-lab-protocol';

const config = { ...SEARCH_DEFAULTS, statement: 'trpo-tv', variant: 'notes', seed: 1 };

describe('theorem-lab commands are validated before the worker acts', () => {
  it('accepts a valid start and a cancel', () => {
    expect(checkCommand({ type: 'start', runId: 1, config })).toEqual([]);
    expect(checkCommand({ type: 'cancel', runId: 3 })).toEqual([]);
  });

  it('refuses malformed messages with reasons', () => {
    expect(checkCommand(null)).toHaveLength(1);
    expect(checkCommand({ type: 'start', runId: 1.5, config })).toEqual(['runId must be a whole number']);
    expect(checkCommand({ type: 'explode', runId: 1 })[0]).toMatch(/unknown command/);
    expect(checkCommand({ type: 'start', runId: 1 })).toEqual(['start needs a config']);
    expect(checkCommand({ type: 'start', runId: 1, config: { ...config, seed: '1' } })).toEqual([
      'config.seed must be a number',
    ]);
    expect(checkCommand({ type: 'start', runId: 1, config: { ...config, maxStates: 50 } })[0]).toMatch(
      /maxStates/,
    );
    expect(checkCommand({ type: 'start', runId: 1, config: { ...config, statement: 'nope' } })[0]).toMatch(
      /unknown statement/,
    );
    expect(checkCommand({ type: 'start', runId: 1, config: { ...config, gamma: NaN } })[0]).toMatch(/γ/);
  });
});
