/**
 * Which screen each area shows. An area without an entry shows its empty state. Each feature
 * team adds one line here for its area.
 */
import type { ComponentType } from 'react';
import { AsnsScreen } from './asns/AsnsScreen';
import { FacilityScreen } from './facility/FacilityScreen';
import { ForecastsScreen } from './forecast/ForecastsScreen';
import { RegistryScreen } from './registry/RegistryScreen';
import { RequestsScreen } from './requests/RequestsScreen';
import { SettingsScreen } from './settings/SettingsScreen';
import type { AreaId } from './shell/areas';

export const SCREENS: Partial<Record<AreaId, ComponentType>> = {
  registry: RegistryScreen,
  asns: AsnsScreen,
  facility: FacilityScreen,
  requests: RequestsScreen,
  settings: SettingsScreen,
  forecasts: ForecastsScreen,
};
