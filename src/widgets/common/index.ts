/** The widget kit: shared building blocks of widgets (src/widgets/README.md shows how to use them). */
export { Slider, Toggle, Select, Button } from './controls';
export { ParamControls, ParamControl } from './ParamControls';
export { paramFields, sliderScale, type ParamField } from './param-fields';
export { seedParam, randomProblem, useRandomProblem, type RandomProblem } from './random-problem';
export {
  DerivationTable,
  checkSteps,
  chainSteps,
  allHold,
  formatValue,
  type DerivationStep,
  type CheckedStep,
} from './DerivationTable';
export { checkRelation, type Relation } from './derivation-check';
export { Readout, formatNumber } from './Readout';
export { DataTable } from './DataTable';
export { ExportMenu } from './ExportMenu';
export { WidgetShell, Controls, Readouts } from './WidgetShell';
export { Chart, type ChartProps } from './Chart';
export {
  line,
  band,
  region,
  rule,
  marks,
  histogram,
  predict,
  type Layer,
  type PredictionLayer,
  type LineLayer,
  type BandLayer,
  type RegionLayer,
  type RuleLayer,
  type MarkLayer,
  type HistogramLayer,
} from './chart-layers';
export { useThemeColors, type ThemeColors } from './theme-colors';
export { scorePrediction, type PredictionScore } from './prediction';
export { useChunkedRun, type ChunkedWork } from './use-chunked-run';
export { instanceParam, useLinkedInstance } from './linked-instance';
export { StatementChecks } from './StatementChecks';
