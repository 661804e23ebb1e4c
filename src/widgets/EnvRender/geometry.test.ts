import { describe, expect, it } from 'vitest';
import { ENV_IDS } from '@/rl';
import { centre, envScene, part } from './geometry';

const top = (pts: [number, number][]) => pts.reduce((a, p) => (p[1] > a[1] ? p : a));

describe("renderers follow Gymnasium's geometry and signs", () => {
  it('CartPole: the cart sits at x, and a positive theta leans the pole to the right', () => {
    const upright = envScene('CartPole-v1', [0, 0, 0, 0]);
    expect(centre(part(upright, 'cart'))[0]).toBe(300);
    const leaning = envScene('CartPole-v1', [1, 0, 0.2, 0]);
    const cartX = centre(part(leaning, 'cart'))[0];
    expect(cartX).toBe(300 + 125); // scale 600 / 4.8
    const pole = part(leaning, 'pole');
    if (pole?.kind !== 'poly') throw new Error('pole');
    expect(top(pole.points)[0]).toBeGreaterThan(cartX);
    expect(top(pole.points)[1]).toBeGreaterThan(100 + 7.5 + 100); // pole length 125 px, still mostly up
  });

  it('Acrobot: theta1 = 0 hangs down, theta1 = pi/2 points right, the goal line one link above the pivot', () => {
    const scale = 500 / 4.4;
    const down = envScene('Acrobot-v1', [0, 0, 0, 0]);
    expect(centre(part(down, 'joint2'))).toEqual([250, 250 - scale]);
    const right = envScene('Acrobot-v1', [Math.PI / 2, 0, 0, 0]);
    const [x, y] = centre(part(right, 'joint2'));
    expect(x).toBeCloseTo(250 + scale, 9);
    expect(y).toBeCloseTo(250, 9);
    // theta2 is relative to link 1: link 2 continues straight when theta2 = 0
    const link2 = part(right, 'link2');
    if (link2?.kind !== 'poly') throw new Error('link2');
    expect(Math.max(...link2.points.map((p) => p[0]))).toBeCloseTo(250 + 2 * scale, 6);
    const line = part(down, 'goal-line');
    if (line?.kind !== 'line') throw new Error('line');
    expect(line.points[0][1]).toBe(250 + scale);
  });

  it('MountainCar: the car rides the sin(3x) hill, level at the valley floor, the flag at 0.5 (0.45 continuous)', () => {
    const scale = 600 / 1.8;
    const floor = -Math.PI / 6; // sin(3x) = -1, cos(3x) = 0: level
    const s = envScene('MountainCar-v0', [floor, 0]);
    const car = part(s, 'car');
    if (car?.kind !== 'poly') throw new Error('car');
    expect(car.points[0][1]).toBeCloseTo(car.points[3][1], 9); // bottom edge level
    expect(car.points[0][1]).toBeCloseTo(10 + 0.1 * scale, 9); // clearance + height(-pi/6) = 0.1
    const flag = (id: 'MountainCar-v0' | 'MountainCarContinuous-v0') => {
      const f = part(envScene(id, [0, 0]), 'flag');
      return f?.kind === 'poly' ? f.points[0][0] / scale - 1.2 : NaN;
    };
    expect(flag('MountainCar-v0')).toBeCloseTo(0.5, 9);
    expect(flag('MountainCarContinuous-v0')).toBeCloseTo(0.45, 9);
    // on the right slope (x = 0.3, cos(0.9) > 0) the car tilts up to the right, as the hill does
    const slope = part(envScene('MountainCar-v0', [0.3, 0]), 'car');
    if (slope?.kind !== 'poly') throw new Error('car');
    expect(slope.points[3][1]).toBeGreaterThan(slope.points[0][1]);
  });

  it('Pendulum: theta = 0 is up, positive theta turns counterclockwise, and so does the arrow of a positive torque', () => {
    const up = envScene('Pendulum-v1', [0, 0]);
    const [ux, uy] = centre(part(up, 'rod-end'));
    expect(ux).toBeCloseTo(250, 9);
    expect(uy).toBeCloseTo(250 + 500 / 4.4, 9);
    const [px] = centre(part(envScene('Pendulum-v1', [0.3, 0]), 'rod-end'));
    expect(px).toBeLessThan(250);
    const turn = (u: number) => {
      const arc = part(envScene('Pendulum-v1', [0, 0], u), 'torque');
      if (arc?.kind !== 'line') throw new Error('no torque arrow');
      // signed area of the arc's points about the pivot: > 0 counterclockwise (y up)
      let area = 0;
      for (let i = 1; i < arc.points.length; i++) {
        const [x0, y0] = arc.points[i - 1];
        const [x1, y1] = arc.points[i];
        area += (x0 - 250) * (y1 - 250) - (x1 - 250) * (y0 - 250);
      }
      return area;
    };
    expect(turn(1.5)).toBeGreaterThan(0);
    expect(turn(-1.5)).toBeLessThan(0);
    expect(part(envScene('Pendulum-v1', [0, 0], null), 'torque')).toBeUndefined();
  });

  it('every environment has a scene with finite coordinates', () => {
    for (const id of ENV_IDS) {
      const s = envScene(id, [0.1, 0.2, 0.3, 0.4], 1);
      expect(s.shapes.length).toBeGreaterThan(2);
      for (const sh of s.shapes) {
        const pts = sh.kind === 'circle' ? [[sh.x, sh.y]] : sh.points;
        for (const p of pts) expect(p.every(Number.isFinite)).toBe(true);
      }
    }
  });
});
