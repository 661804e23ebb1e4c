"""Records transitions of Gymnasium's own classic-control environments for src/rl/env-reference.test.ts.

Run with Gymnasium's source on the path (numpy 2), e.g.
  git clone --depth 1 https://github.com/Farama-Foundation/Gymnasium /tmp/gymnasium
  mkdir -p /tmp/gym && git -C /tmp/gymnasium archive HEAD gymnasium | tar x -C /tmp/gym
  PYTHONPATH=/tmp/gym python3 scripts/gymnasium-reference.py > src/rl/fixtures/gymnasium-reference.json

For each environment a few episodes from `reset(seed=...)`: the float64 state after reset and after every step (Python's
repr round-trips, so JSON keeps every bit), the action (and whether it was float32), the float32 observation, the
reward and the flags of the TimeLimit-wrapped env. Policies are simple controllers that reach the goals (so the
terminal steps are covered) mixed with random and out-of-range actions (so clipping and the unclipped cost are).
"""

import json
import sys

import gymnasium as gym
import numpy as np


def f(x):
    return float(x)


def record(env_id, seed, policy, max_steps=None, f32=True):
    env = gym.make(env_id)
    rng = np.random.default_rng(seed + 1000)
    obs, _ = env.reset(seed=seed)
    u = env.unwrapped
    steps = []
    start = [f(x) for x in u.state]
    t = 0
    while True:
        a = policy(obs, u, rng, t)
        if isinstance(env.action_space, gym.spaces.Box):
            a = np.array([a], dtype=np.float32 if f32 else np.float64)
            act = [f(a[0])]
        else:
            act = int(a)
        obs, r, term, trunc, _ = env.step(a)
        steps.append(
            {
                "action": act,
                "after": [f(x) for x in u.state],
                "obs": [f(x) for x in obs],
                "reward": f(r),
                "terminated": bool(term),
                "truncated": bool(trunc),
            }
        )
        t += 1
        if term or trunc or (max_steps and t >= max_steps):
            break
    return {"env": env_id, "seed": seed, "actionFloat32": f32, "reset": start, "steps": steps}


def acrobot_pump(obs, u, rng, t):
    # Torque along theta2's velocity (swings the tip over the line in ~65-120 steps), with some random actions.
    if rng.random() < 0.1:
        return int(rng.integers(3))
    return 2 if u.state[3] > 0 else 0


def car_pump(obs, u, rng, t):
    if rng.random() < 0.1:
        return int(rng.integers(3))
    return 2 if obs[1] > 0 else 0


def car_continuous(obs, u, rng, t):
    r = rng.random()
    if r < 0.15:
        return rng.uniform(-1.6, 1.6)  # out of range: clipped force, unclipped cost
    return (1.0 if obs[1] >= 0 else -1.0) * rng.uniform(0.6, 1.3)


def pendulum(obs, u, rng, t):
    return rng.uniform(-2.6, 2.6)


def random_discrete(n):
    return lambda obs, u, rng, t: int(rng.integers(n))


episodes = []
for seed in (1, 2):
    episodes.append(record("Acrobot-v1", seed, acrobot_pump))
episodes.append(record("Acrobot-v1", 3, random_discrete(3), max_steps=120))
for seed in (1, 2):
    episodes.append(record("MountainCar-v0", seed, car_pump))
episodes.append(record("MountainCar-v0", 3, random_discrete(3)))  # runs to the 200-step limit
for seed in (1, 2):
    episodes.append(record("MountainCarContinuous-v0", seed, car_continuous))
episodes.append(record("MountainCarContinuous-v0", 4, car_continuous, f32=False))
episodes.append(record("Pendulum-v1", 1, pendulum))  # runs to the 200-step limit
episodes.append(record("Pendulum-v1", 2, pendulum, f32=False, max_steps=60))
episodes.append(record("CartPole-v1", 1, random_discrete(2)))

json.dump(
    {"gymnasium": gym.__version__, "numpy": np.__version__, "episodes": episodes},
    sys.stdout,
    separators=(",", ":"),
)
