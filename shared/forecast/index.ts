/** Growth fits, time-to-limit with intervals, scenarios (specs/forecast.md). Pure. */
export { fitAndProject, METHODS, AUTO_ORDER, type FitOptions } from './project';
export type { ForecastResult, ForecastStatus, ForecastMethod } from './types';
export {
  STATUS_TEXT,
  chartNote,
  describeStatus,
  likelyBetween,
  likelyPhrase,
  percentText,
  statusHeadline,
  warningLevelText,
  within12Months,
} from './status-text';
export { parseFitCsv, validateFitCsv, type CsvValidation } from './csv';
export {
  eventsToSeries,
  readingsToSeries,
  readingsAsGiven,
  gridDays,
  gridForSpan,
  type SeriesPoint,
  type UsageEvent,
  type GridKind,
  type GridSeries,
  type EventsToSeriesInput,
  type ReadingsToSeriesInput,
} from './series';
export { detectOneOffs, removeOneOffs, quantileR7, type OneOff } from './one-off';
export { expandScenarios, type Scenario, type CapacityChange, type DemandStep } from './scenario';
export { fitModel, interpolatedCrossing, HORIZON_DAYS, DAYS_PER_MONTH, type ModelName, type FittedModel, type Params } from './models';
export { fitOls, olsPredict, olsPiHalfWidth, olsBandCrossings, type OlsFit } from './ols';
export { fitQuadratic, quadraticPredict, quadraticRoot, aicc, type QuadraticFit } from './quadratic';
export { fitDrift, driftForecast, driftHalfWidth, type DriftFit } from './drift';
export {
  fitHolt,
  holtRun,
  holtTrace,
  holtInitialState,
  holtForecast,
  holtVariances,
  dampedAsymptote,
  type HoltFit,
  type HoltParams,
  type HoltStepRow,
} from './holt';
export { tQuantile, tCritical, zCritical, type IntervalLevel } from './quantiles';
export { parseDay, tryParseDay, formatDay, addMonths, instantToDay, monthEndAfter } from '../dates';
export { makeClock, inferStep, type Step, type StepClock } from './clock';
export { projectToLimit, type Projection } from './time-to-limit';
export {
  crossValidate,
  chooseByCv,
  cvOrigins,
  saturating,
  convex,
  regressionAdequate,
  SIMPLICITY_ORDER,
  type CvScore,
  type CvChoice,
} from './cross-validation';
export { orderByDate, DEFAULT_LEAD_DAYS } from './order-by';
export { linkLimitBps, linkLeadDays, formatBps, parseBps, parseLinkCsv, DEFAULT_LINK_THRESHOLD_FRAC, type LinkCsvResult } from './links';
