export type { ExerciseDef, Mistake, Tolerance } from './types';
export { exercises, exerciseById, exercisesOfChapter, instanceOf } from './registry';
export {
  checkAnswer,
  parseAnswer,
  withinTolerance,
  allowedError,
  toleranceText,
  formatAnswer,
  type Verdict,
} from './check';
export { instanceRng } from './instance';
