/** What a limit source gives the board (forecast-sources.ts holds the list of them). */
import type { LimitForecast, LimitKind } from '../../../shared/contract';
import type { Scenario, SeriesPoint } from '../../../shared/forecast';
import type { Workspace } from '../workspace/workspace';

/** One limit before it is fitted: what it is and how to get its series. */
export interface LimitSource {
  /** `capacity` is the level that binds: for a link, its capacity × threshold. */
  meta: Pick<LimitForecast, 'id' | 'kind' | 'name' | 'detail' | 'unit' | 'prefixUnit' | 'capacity'>;
  series(asOf: string, windowDays: number): SeriesPoint[];
  /** The day the value reached `level` and stayed there, from the full history (not only the window). */
  reachedOn?(asOf: string, level: number): string | null;
  /** Steps the history cannot know but the workspace does (a pool's planned blocks after as-of): added to every projection. */
  plannedSteps?(asOf: string): Scenario[];
  /**
   * Days the planner needs before the crossing to act (order a link upgrade, a battery, a
   * circuit). The board shows the crossing minus this lead as the limit's order-by date
   * (shared/forecast orderByDate). Absent: no order-by date.
   */
  leadDays?: number;
  /** A limit whose day is known, not fitted (a battery's replacement date): its day and warning day. */
  fixed?: { date: string; warningDate: string; note: string };
}

/**
 * One kind of limit on the board. To add a kind (DHCP scopes, battery replacement, circuits):
 * add its name to `LimitKind` (shared/contract/forecast.ts) and ONE entry to LIMIT_SOURCES below;
 * the board, the ranking, the CLI's `limits`, the PDF report and the Forecasts screen follow.
 */
export interface LimitSourceProvider {
  kind: LimitKind;
  /** Every limit of this kind in the workspace, in a stable order. */
  load(ws: Workspace): LimitSource[];
}
