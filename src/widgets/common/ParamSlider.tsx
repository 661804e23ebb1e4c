/** One slider bound to a numeric URL parameter: `ParamControl` under its former name (prefer `ParamControls`). */
export { ParamControl as ParamSlider } from './ParamControls';
