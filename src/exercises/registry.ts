/** Every checked exercise of the book, by id and by chapter. The chapters place them with `<CheckedExercise id>`. */
import type { ExerciseDef } from './types';
import { chapter1 } from './ch01';
import { chapter2 } from './ch02';
import { chapter3 } from './ch03';
import { chapter4 } from './ch04';
import { chapter5 } from './ch05';
import { chapter6 } from './ch06';
import { chapter7 } from './ch07';
import { chapter8 } from './ch08';
import { chapter9 } from './ch09';
import { chapter10 } from './ch10';
import { chapter11 } from './ch11';
import { chapter12 } from './ch12';
import { instanceRng } from './instance';

export const exercises: ExerciseDef[] = [
  ...chapter1,
  ...chapter2,
  ...chapter3,
  ...chapter4,
  ...chapter5,
  ...chapter6,
  ...chapter7,
  ...chapter8,
  ...chapter9,
  ...chapter10,
  ...chapter11,
  ...chapter12,
];

const byId = new Map(exercises.map((e) => [e.id, e]));

export const exerciseById = (id: string): ExerciseDef | undefined => byId.get(id);

export const exercisesOfChapter = (chapter: number): ExerciseDef[] =>
  exercises.filter((e) => e.chapter === chapter);

/** The instance of an exercise for a reader's seed. */
export const instanceOf = (def: ExerciseDef, seed: number): unknown => def.make(instanceRng(def.id, seed));
