/**
 * What Gymnasium's `render()` draws for each classic-control environment, as plain shapes in its own screen
 * coordinates (pixels, y pointing up: Gymnasium draws with y up and flips the surface at the end). Ported from the
 * render code of cartpole.py, acrobot.py, mountain_car.py, continuous_mountain_car.py and pendulum.py, so the
 * geometry and the signs are theirs: CartPole's pole rotated by −θ (θ > 0 leans right), Acrobot's links at
 * θ1 − π/2 and θ1 + θ2 − π/2 from the pivot (θ1 = 0 hangs down) under the goal line one link above the pivot, the car
 * on the sin(3x) hill tilted by cos(3x) with the flag at the goal, the pendulum's rod at θ + π/2 (θ = 0 up,
 * counterclockwise positive) with the torque arrow counterclockwise for u > 0.
 * Pure data: `draw.ts` paints a scene on a canvas; tests check the signs without a DOM.
 */
import { MOUNTAIN_CAR, MOUNTAIN_CAR_CONTINUOUS, mountainHeight, type EnvId } from '@/rl';

export type Point = [number, number];
/** 'ink' is the page's text colour (so the drawing follows the theme); other fills are Gymnasium's RGB colours. */
export type Paint = 'ink' | `rgb(${number}, ${number}, ${number})`;

export type Shape =
  | { kind: 'poly'; points: Point[]; fill: Paint; part: string }
  | { kind: 'circle'; x: number; y: number; r: number; fill: Paint; part: string }
  | { kind: 'line'; points: Point[]; stroke: Paint; width: number; part: string };

export interface Scene {
  width: number;
  height: number;
  shapes: Shape[];
}

/** Gymnasium's human-mode frame rate (`metadata["render_fps"]`): what "1×" means when watching. */
export const RENDER_FPS: Record<EnvId, number> = {
  'CartPole-v1': 50,
  'Acrobot-v1': 15,
  'MountainCar-v0': 30,
  'MountainCarContinuous-v0': 30,
  'Pendulum-v1': 30,
};

/** pygame's `Vector2.rotate_rad`: counterclockwise by `a` in y-up coordinates. */
const rotate = ([x, y]: Point, a: number): Point => [
  x * Math.cos(a) - y * Math.sin(a),
  x * Math.sin(a) + y * Math.cos(a),
];
const shift = ([x, y]: Point, dx: number, dy: number): Point => [x + dx, y + dy];
const box = (l: number, r: number, t: number, b: number): Point[] => [
  [l, b],
  [l, t],
  [r, t],
  [r, b],
];

function cartpole(s: ArrayLike<number>): Scene {
  const W = 600;
  const scale = W / (2.4 * 2);
  const polewidth = 10;
  const polelen = scale * (2 * 0.5);
  const cartx = s[0] * scale + W / 2;
  const carty = 100;
  const axleoffset = 30 / 4;
  return {
    width: W,
    height: 400,
    shapes: [
      {
        kind: 'poly',
        part: 'cart',
        fill: 'ink',
        points: box(-25, 25, 15, -15).map((c) => shift(c, cartx, carty)),
      },
      {
        kind: 'poly',
        part: 'pole',
        fill: 'rgb(202, 152, 101)',
        points: box(-polewidth / 2, polewidth / 2, polelen - polewidth / 2, -polewidth / 2).map((c) =>
          shift(rotate(c, -s[2]), cartx, carty + axleoffset),
        ),
      },
      {
        kind: 'circle',
        part: 'axle',
        x: cartx,
        y: carty + axleoffset,
        r: polewidth / 2,
        fill: 'rgb(129, 132, 203)',
      },
      {
        kind: 'line',
        part: 'track',
        stroke: 'ink',
        width: 1,
        points: [
          [0, carty],
          [W, carty],
        ],
      },
    ],
  };
}

function acrobot(s: ArrayLike<number>): Scene {
  const W = 500;
  const scale = W / ((1 + 1 + 0.2) * 2);
  const offset = W / 2;
  const joints: Point[] = [
    [0, 0],
    [1 * Math.sin(s[0]) * scale, -1 * Math.cos(s[0]) * scale],
  ];
  const thetas = [s[0] - Math.PI / 2, s[0] + s[1] - Math.PI / 2];
  const shapes: Shape[] = [
    {
      kind: 'line',
      part: 'goal-line',
      stroke: 'ink',
      width: 1,
      points: [
        [-2.2 * scale + offset, 1 * scale + offset],
        [2.2 * scale + offset, 1 * scale + offset],
      ],
    },
  ];
  joints.forEach(([jx, jy], i) => {
    const x = jx + offset;
    const y = jy + offset;
    shapes.push({
      kind: 'poly',
      part: `link${i + 1}`,
      fill: 'rgb(0, 204, 204)',
      points: box(0, scale, 0.1 * scale, -0.1 * scale).map((c) => shift(rotate(c, thetas[i]), x, y)),
    });
    shapes.push({ kind: 'circle', part: `joint${i + 1}`, x, y, r: 0.1 * scale, fill: 'rgb(204, 204, 0)' });
  });
  return { width: W, height: W, shapes };
}

function mountainCar(pos: number, goal: number): Scene {
  const W = 600;
  const min = MOUNTAIN_CAR.minPosition;
  const scale = W / (MOUNTAIN_CAR.maxPosition - min);
  const hill: Point[] = Array.from({ length: 100 }, (_, i) => {
    const x = min + ((MOUNTAIN_CAR.maxPosition - min) * i) / 99;
    return [(x - min) * scale, mountainHeight(x) * scale];
  });
  const clearance = 10;
  const angle = Math.cos(3 * pos);
  const at = (c: Point) =>
    shift(rotate(c, angle), (pos - min) * scale, clearance + mountainHeight(pos) * scale);
  const flagx = (goal - min) * scale;
  const flagy1 = mountainHeight(goal) * scale;
  const flagy2 = flagy1 + 50;
  const wheels: Shape[] = [10, -10].map((dx, i) => {
    const [x, y] = at([dx, 0]);
    return { kind: 'circle', part: `wheel${i + 1}`, x, y, r: 20 / 2.5, fill: 'rgb(128, 128, 128)' };
  });
  return {
    width: W,
    height: 400,
    shapes: [
      { kind: 'line', part: 'hill', stroke: 'ink', width: 1.5, points: hill },
      { kind: 'poly', part: 'car', fill: 'ink', points: box(-20, 20, 20, 0).map(at) },
      ...wheels,
      {
        kind: 'line',
        part: 'flagpole',
        stroke: 'ink',
        width: 1,
        points: [
          [flagx, flagy1],
          [flagx, flagy2],
        ],
      },
      {
        kind: 'poly',
        part: 'flag',
        fill: 'rgb(204, 204, 0)',
        points: [
          [flagx, flagy2],
          [flagx, flagy2 - 10],
          [flagx + 25, flagy2 - 5],
        ],
      },
    ],
  };
}

function pendulum(s: ArrayLike<number>, lastU: number | null): Scene {
  const W = 500;
  const scale = W / (2.2 * 2);
  const offset = Math.floor(W / 2);
  const len = 1 * scale;
  const w = 0.2 * scale;
  const a = s[0] + Math.PI / 2;
  const end = shift(rotate([len, 0], a), offset, offset);
  const shapes: Shape[] = [
    {
      kind: 'poly',
      part: 'rod',
      fill: 'rgb(204, 77, 77)',
      points: box(0, len, w / 2, -w / 2).map((c) => shift(rotate(c, a), offset, offset)),
    },
    { kind: 'circle', part: 'pivot', x: offset, y: offset, r: w / 2, fill: 'rgb(204, 77, 77)' },
    { kind: 'circle', part: 'rod-end', x: end[0], y: end[1], r: w / 2, fill: 'rgb(204, 77, 77)' },
  ];
  if (lastU !== null && lastU !== 0 && Number.isFinite(lastU)) {
    // Gymnasium blits clockwise.png scaled to scale·|u|/2, mirrored when u > 0: a counterclockwise arrow for u > 0.
    const r = (scale * Math.abs(lastU)) / 4;
    const dir = lastU > 0 ? 1 : -1; // +1 counterclockwise in y-up coordinates
    const from = -Math.PI / 2 - dir * 0.6;
    const sweep = dir * 1.5 * Math.PI;
    const arc: Point[] = Array.from({ length: 25 }, (_, i) => {
      const t = from + (sweep * i) / 24;
      return [offset + r * Math.cos(t), offset + r * Math.sin(t)];
    });
    const tEnd = from + sweep;
    const tip: Point = [offset + r * Math.cos(tEnd), offset + r * Math.sin(tEnd)];
    const tangent: Point = [-Math.sin(tEnd) * dir, Math.cos(tEnd) * dir];
    const normal: Point = [Math.cos(tEnd), Math.sin(tEnd)];
    const h = Math.max(6, r * 0.35);
    shapes.push({ kind: 'line', part: 'torque', stroke: 'ink', width: 3, points: arc });
    shapes.push({
      kind: 'poly',
      part: 'torque-head',
      fill: 'ink',
      points: [
        [tip[0] + tangent[0] * h, tip[1] + tangent[1] * h],
        [tip[0] + normal[0] * h * 0.6, tip[1] + normal[1] * h * 0.6],
        [tip[0] - normal[0] * h * 0.6, tip[1] - normal[1] * h * 0.6],
      ],
    });
  }
  shapes.push({ kind: 'circle', part: 'axle', x: offset, y: offset, r: 0.05 * scale, fill: 'ink' });
  return { width: W, height: W, shapes };
}

/** The scene Gymnasium would render for env `id` in state `state` (`lastU`: Pendulum's last torque). */
export function envScene(id: EnvId, state: ArrayLike<number>, lastU: number | null = null): Scene {
  switch (id) {
    case 'CartPole-v1':
      return cartpole(state);
    case 'Acrobot-v1':
      return acrobot(state);
    case 'MountainCar-v0':
      return mountainCar(state[0], MOUNTAIN_CAR.goalPosition);
    case 'MountainCarContinuous-v0':
      return mountainCar(state[0], MOUNTAIN_CAR_CONTINUOUS.goalPosition);
    case 'Pendulum-v1':
      return pendulum(state, lastU);
  }
}

/** The shape of a named part (tests and the e2e read positions through this). */
export const part = (scene: Scene, name: string) => scene.shapes.find((s) => s.part === name);

/** Centroid of a shape's points (or a circle's centre). */
export function centre(shape: Shape | undefined): Point {
  if (!shape) return [NaN, NaN];
  if (shape.kind === 'circle') return [shape.x, shape.y];
  const n = shape.points.length;
  return [shape.points.reduce((a, p) => a + p[0], 0) / n, shape.points.reduce((a, p) => a + p[1], 0) / n];
}
