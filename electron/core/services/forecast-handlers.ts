import { forecastLimits, forecastSeries } from './forecast';
import type { AreaHandlers } from './handler-types';
import type { Session } from './session';

export function forecastHandlers(session: Session): AreaHandlers<'forecast'> {
  const ws = () => session.require();
  return {
    'forecast.limits': (i) => forecastLimits(ws(), i),
    'forecast.series': (i) => forecastSeries(ws(), i),
  };
}
