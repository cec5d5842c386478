/**
 * The fitted models behind one interface: point forecast and band at a UTC day, the closed-form
 * crossing of a level (spec §3) and the crossings of the band (earliest / latest).
 * Regressions (linear, exponential, quadratic) use x = day − first day; step models (drift,
 * Holt, damped) use the step index h of the grid, h = 0 at the last point.
 */
import { fitExponentialModel, fitLinearModel, fitQuadraticModel } from './regression-models';
import { fitDriftModel, fitHoltModel } from './step-models';
import type { FitInput, FittedModel, ModelName } from './model-types';

export * from './model-types';
export { fitExponentialModel, fitLinearModel, fitQuadraticModel } from './regression-models';
export { fitDriftModel, fitHoltModel, interpolatedCrossing } from './step-models';

export function fitModel(name: ModelName, input: FitInput, maxDay: number): FittedModel {
  switch (name) {
    case 'linear':
      return fitLinearModel(input);
    case 'exponential':
      return fitExponentialModel(input);
    case 'quadratic':
      return fitQuadraticModel(input);
    case 'drift':
      return fitDriftModel(input, maxDay);
    case 'holt':
      return fitHoltModel(input, false, maxDay);
    case 'damped':
      return fitHoltModel(input, true, maxDay);
  }
}
