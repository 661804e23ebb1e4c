"""Reference values for src/rl/rliable.ts (written to src/rl/fixtures/rliable-reference.json).

Point statistics come from scipy and numpy as rliable itself calls them (scipy.stats.trim_mean for the IQM,
scipy.stats.mannwhitneyu for the probability of improvement, numpy.percentile for the intervals). The bootstrap
resampling stream is our generator (sfc32 seeded by splitmix32, src/rl/rng.ts) ported below, so the TypeScript
intervals must match these to rounding: an independent implementation of the same procedure.
Run: python3 scripts/rliable-reference.py
"""
import json
import math
import pathlib

import numpy as np
import scipy.stats

M32 = 0xFFFFFFFF


class Rng:
    def __init__(self, seed):
        s = seed & M32

        def splitmix():
            nonlocal s
            s = (s + 0x9E3779B9) & M32
            z = s
            z = ((z ^ (z >> 16)) * 0x85EBCA6B) & M32
            z = ((z ^ (z >> 13)) * 0xC2B2AE35) & M32
            return (z ^ (z >> 16)) & M32

        self.a, self.b, self.c, self.d = splitmix(), splitmix(), splitmix(), splitmix()
        for _ in range(12):
            self.next32()

    def next32(self):
        t = (self.a + self.b + self.d) & M32
        self.d = (self.d + 1) & M32
        self.a = self.b ^ (self.b >> 9)
        self.b = (self.c + (self.c << 3)) & M32
        self.c = ((self.c << 21) | (self.c >> 11)) & M32
        self.c = (self.c + t) & M32
        return t

    def uniform(self):
        hi = self.next32() >> 5
        lo = self.next32() >> 6
        return (hi * 67108864 + lo) / 9007199254740992

    def int(self, n):
        return math.floor(self.uniform() * n)


def resample(strata, rng):
    return [[runs[rng.int(len(runs))] for _ in runs] for runs in strata]


def iqm(strata):
    return float(scipy.stats.trim_mean(np.concatenate([np.asarray(r, float) for r in strata]), 0.25))


def interval(reps, size):
    tail = 100 * (1 - size) / 2
    reps = np.asarray(reps, float)
    # Replicates without a value (a curve point no resampled run reached) are left out, as in the TypeScript.
    return np.nanpercentile(reps, tail, axis=0).tolist(), np.nanpercentile(reps, 100 - tail, axis=0).tolist()


def iqm_interval(strata, reps, seed, size=0.95):
    rng = Rng(seed)
    out = [[iqm(resample(strata, rng))] for _ in range(reps)]
    lo, hi = interval(out, size)
    return {'point': iqm(strata), 'lo': lo[0], 'hi': hi[0]}


def profile(strata, taus):
    allv = np.concatenate([np.asarray(r, float) for r in strata])
    return [float(np.mean(allv > t)) for t in taus]


def profile_interval(strata, taus, reps, seed, size=0.95):
    rng = Rng(seed)
    out = [profile(resample(strata, rng), taus) for _ in range(reps)]
    lo, hi = interval(out, size)
    return {'point': profile(strata, taus), 'lo': lo, 'hi': hi}


def poi(x, y):
    probs = []
    for xm, ym in zip(x, y):
        xm, ym = np.asarray(xm, float), np.asarray(ym, float)
        if np.array_equal(xm, ym):
            probs.append(0.5)
        else:
            u, _ = scipy.stats.mannwhitneyu(xm, ym, alternative='greater')
            probs.append(float(u) / (len(xm) * len(ym)))
    return float(np.mean(probs))


def poi_interval(x, y, reps, seed, size=0.95):
    rng = Rng(seed)
    out = []
    for _ in range(reps):
        rx = resample(x, rng)
        ry = resample(y, rng)
        out.append([poi(rx, ry)])
    lo, hi = interval(out, size)
    return {'point': poi(x, y), 'lo': lo[0], 'hi': hi[0]}


def curve_stat(curves):
    arr = np.asarray(curves, float)
    out = []
    for k in range(arr.shape[1]):
        col = arr[:, k]
        col = col[~np.isnan(col)]
        out.append(float(scipy.stats.trim_mean(col, 0.25)) if len(col) else float('nan'))
    return out


def curve_interval(curves, reps, seed, size=0.95):
    rng = Rng(seed)
    out = [curve_stat(resample([curves], rng)[0]) for _ in range(reps)]
    lo, hi = interval(out, size)
    return {'point': curve_stat(curves), 'lo': lo, 'hi': hi}


rng_check = Rng(7)
first_uniforms = [rng_check.uniform() for _ in range(5)]

# Three configurations x three seeds (the e2e sweep's shape), a 5-run and a 4-run case, ties, two tasks.
A = [[21.5, 187.25, 500.0]]
B = [[35.0, 35.0, 112.4]]
C = [[9.4, 240.0, 480.5]]
FIVE = [[3.0, -1.0, 7.5, 2.25, 10.0]]
FOUR = [[1.0, 2.0, 3.0, 100.0]]
TWO_TASKS = [[0.1, 0.5, 0.9, 0.3], [2.0, 1.0, 3.0]]
TWO_TASKS_Y = [[0.2, 0.5, 0.4], [1.0, 1.0, 4.0, 0.5]]
CURVES = [[math.nan, 10.0, 30.0, 80.0], [12.0, 15.0, 60.0, 200.0], [math.nan, math.nan, 20.0, 90.0],
          [8.0, 20.0, 45.0, 150.0], [11.0, 9.0, 70.0, 500.0]]
TAUS = [0.0, 50.0, 112.4, 200.0, 480.5]

cases = {
    'rng7': first_uniforms,
    'trimMean': {
        name: float(scipy.stats.trim_mean(np.asarray(sum(s, []), float), 0.25))
        for name, s in [('A', A), ('B', B), ('C', C), ('FIVE', FIVE), ('FOUR', FOUR), ('TWO_TASKS', TWO_TASKS)]
    },
    'percentile': {
        'q2.5': float(np.percentile(FIVE[0], 2.5)),
        'q97.5': float(np.percentile(FIVE[0], 97.5)),
        'q50': float(np.percentile(FOUR[0], 50)),
    },
    'iqmInterval': {
        'A': iqm_interval(A, 2000, 1),
        'B': iqm_interval(B, 2000, 1),
        'C': iqm_interval(C, 2000, 1),
        'FIVE': iqm_interval(FIVE, 1000, 42),
        'TWO_TASKS': iqm_interval(TWO_TASKS, 1000, 3),
    },
    'profile': profile_interval(A + B + C, TAUS, 500, 5) | {'taus': TAUS},
    'poi': {
        'AB': poi(A, B),
        'BA': poi(B, A),
        'AC': poi(A, C),
        'AA': poi(A, A),
        'TWO_TASKS': poi(TWO_TASKS, TWO_TASKS_Y),
    },
    'poiInterval': {'AC': poi_interval(A, C, 1000, 9), 'TWO_TASKS': poi_interval(TWO_TASKS, TWO_TASKS_Y, 500, 2)},
    'curve': curve_interval(CURVES, 500, 11),
    'data': {'A': A, 'B': B, 'C': C, 'FIVE': FIVE, 'FOUR': FOUR, 'TWO_TASKS': TWO_TASKS, 'TWO_TASKS_Y': TWO_TASKS_Y,
             'CURVES': [[None if math.isnan(v) else v for v in c] for c in CURVES]},
    'versions': {'numpy': np.__version__, 'scipy': scipy.__version__},
}

out = pathlib.Path(__file__).resolve().parent.parent / 'src/rl/fixtures/rliable-reference.json'
out.write_text(json.dumps(cases, indent=1) + '\n')
print('wrote', out)
