/** Shared building blocks of widgets (see CONTRIBUTING.md for their props). */
export { Slider, Toggle, Select, Button } from './controls';
export { ParamSlider } from './ParamSlider';
export { Readout, formatNumber } from './Readout';
export { DataTable } from './DataTable';
export { ExportMenu } from './ExportMenu';
export { WidgetShell, Controls, Readouts } from './WidgetShell';
export { LineChart, type Series, type RefLine, type RefArea } from './LineChart';
export { useThemeColors, type ThemeColors } from './theme-colors';
export { useChunkedRun, type ChunkedWork } from './use-chunked-run';
export { LiveLineChart } from './LiveLineChart';
