import type {
  BackupJobRecord,
  CircuitRecord,
  BatteryStringRecord,
  CoolingUnitRecord,
  EquipmentRecord,
  GeneratorRecord,
  UpsRecord,
} from '../../../shared/contract';
import {
  addBatteryTable,
  addComponent,
  addSite,
  getSite,
  listBatteryTables,
  listSites,
  recordReading,
  removeComponent,
  removeReading,
  removeSite,
  siteCircuits,
  siteLimits,
  updateComponent,
  updateSite,
} from './facility';
import { applySiteDocument, siteDocument } from './facility-document';
import type { AreaHandlers } from './handler-types';
import type { Session } from './session';

export function facilityHandlers(session: Session): AreaHandlers<'facility'> {
  const ws = () => session.require();
  return {
    'facility.listSites': () => listSites(ws()),
    'facility.getSite': (i) => getSite(ws(), i),
    'facility.siteLimits': (i) => siteLimits(ws(), i),
    'facility.addSite': (i) => addSite(ws(), i),
    'facility.updateSite': (i) => updateSite(ws(), i),
    'facility.removeSite': (i) => removeSite(ws(), i),
    'facility.siteDocument': (i) => siteDocument(ws(), i),
    'facility.applySite': (i) => applySiteDocument(ws(), i),

    'facility.addEquipment': (i) => addComponent<EquipmentRecord>(ws(), 'equipment', i),
    'facility.updateEquipment': (i) => updateComponent<EquipmentRecord>(ws(), 'equipment', i),
    'facility.removeEquipment': (i) => removeComponent<EquipmentRecord>(ws(), 'equipment', i),
    'facility.addUps': (i) => addComponent<UpsRecord>(ws(), 'ups', i),
    'facility.updateUps': (i) => updateComponent<UpsRecord>(ws(), 'ups', i),
    'facility.removeUps': (i) => removeComponent<UpsRecord>(ws(), 'ups', i),
    'facility.addBatteryString': (i) => addComponent<BatteryStringRecord>(ws(), 'batteryString', i),
    'facility.updateBatteryString': (i) => updateComponent<BatteryStringRecord>(ws(), 'batteryString', i),
    'facility.removeBatteryString': (i) => removeComponent<BatteryStringRecord>(ws(), 'batteryString', i),
    'facility.addGenerator': (i) => addComponent<GeneratorRecord>(ws(), 'generator', i),
    'facility.updateGenerator': (i) => updateComponent<GeneratorRecord>(ws(), 'generator', i),
    'facility.removeGenerator': (i) => removeComponent<GeneratorRecord>(ws(), 'generator', i),
    'facility.addCoolingUnit': (i) => addComponent<CoolingUnitRecord>(ws(), 'coolingUnit', i),
    'facility.updateCoolingUnit': (i) => updateComponent<CoolingUnitRecord>(ws(), 'coolingUnit', i),
    'facility.removeCoolingUnit': (i) => removeComponent<CoolingUnitRecord>(ws(), 'coolingUnit', i),
    'facility.addBackupJob': (i) => addComponent<BackupJobRecord>(ws(), 'backupJob', i),
    'facility.updateBackupJob': (i) => updateComponent<BackupJobRecord>(ws(), 'backupJob', i),
    'facility.removeBackupJob': (i) => removeComponent<BackupJobRecord>(ws(), 'backupJob', i),

    'facility.addCircuit': (i) => addComponent<CircuitRecord>(ws(), 'circuit', i),
    'facility.updateCircuit': (i) => updateComponent<CircuitRecord>(ws(), 'circuit', i),
    'facility.removeCircuit': (i) => removeComponent<CircuitRecord>(ws(), 'circuit', i),
    'facility.siteCircuits': (i) => siteCircuits(ws(), i),

    'facility.recordReading': (i) => recordReading(ws(), i),
    'facility.removeReading': (i) => removeReading(ws(), i),
    'facility.listBatteryTables': () => listBatteryTables(ws()),
    'facility.addBatteryTable': (i) => addBatteryTable(ws(), i),
  };
}
