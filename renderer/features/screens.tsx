/**
 * Which screen each area shows. An area without an entry shows its empty state. Each feature
 * team adds one line here for its area.
 */
import { lazy, type ComponentType } from 'react';
import { RegistryScreen } from './registry/RegistryScreen';
import type { AreaId } from './shell/areas';

// The Registry opens first and ships in the main bundle; the other screens (recharts and all)
// load when first visited, so the first page does not wait for them.
const AsnsScreen = lazy(() => import('./asns/AsnsScreen').then((m) => ({ default: m.AsnsScreen })));
const FacilityScreen = lazy(() => import('./facility/FacilityScreen').then((m) => ({ default: m.FacilityScreen })));
const RequestsScreen = lazy(() => import('./requests/RequestsScreen').then((m) => ({ default: m.RequestsScreen })));
const SettingsScreen = lazy(() => import('./settings/SettingsScreen').then((m) => ({ default: m.SettingsScreen })));
const ReportsScreen = lazy(() => import('./reports/ReportsScreen').then((m) => ({ default: m.ReportsScreen })));
const ForecastsScreen = lazy(() => import('./forecast/ForecastsScreen').then((m) => ({ default: m.ForecastsScreen })));

export const SCREENS: Partial<Record<AreaId, ComponentType>> = {
  registry: RegistryScreen,
  asns: AsnsScreen,
  facility: FacilityScreen,
  requests: RequestsScreen,
  settings: SettingsScreen,
  forecasts: ForecastsScreen,
  reports: ReportsScreen,
};
