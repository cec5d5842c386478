import { addAsnRange, listAsnRanges, removeAsnRange } from './asn-ranges';
import { addAsn, listAsns, removeAsn, setAsn } from './asns';
import type { AreaHandlers } from './handler-types';
import { addPrefix, listPrefixes, listSpaces, releasePrefix, removePrefix, removePrefixTree, setPrefix, setPrefixes, splitPrefix, addSpace } from './registry';
import { exportPrefixes } from './registry-export';
import { importPrefixes } from './registry-import';
import { cancelImportJob, importJob, startImportJob } from './registry-import-jobs';
import { allocate, blockHistory, freeSpace, search, utilizationOf } from './registry-space';
import type { Session } from './session';

export function registryHandlers(session: Session): AreaHandlers<'registry'> {
  const ws = () => session.require();
  return {
    'registry.addPrefix': (i) => addPrefix(ws(), i),
    'registry.removePrefix': (i) => removePrefix(ws(), i),
    'registry.setPrefix': (i) => setPrefix(ws(), i),
    'registry.setPrefixes': (i) => setPrefixes(ws(), i),
    'registry.releasePrefix': (i) => releasePrefix(ws(), i),
    'registry.removePrefixTree': (i) => removePrefixTree(ws(), i),
    'registry.setAsn': (i) => setAsn(ws(), i),
    'registry.splitPrefix': (i) => splitPrefix(ws(), i),
    'registry.addSpace': (i) => addSpace(ws(), i),
    'registry.listPrefixes': (i) => listPrefixes(ws(), i),
    'registry.listSpaces': () => listSpaces(ws()),
    'registry.freeSpace': (i) => freeSpace(session.queryIndex() ?? ws(), i),
    'registry.utilization': (i) => utilizationOf(ws(), i),
    'registry.allocate': (i) => allocate(ws(), i),
    'registry.search': (i) => search(ws(), i),
    'registry.blockHistory': (i) => blockHistory(ws(), i),
    'registry.import': (i) => importPrefixes(ws(), i),
    'registry.importStart': (i) => startImportJob(ws, i),
    'registry.importJob': (i) => importJob(i),
    'registry.importCancel': (i) => cancelImportJob(i),
    'registry.export': (i) => exportPrefixes(ws(), i),
    'registry.addAsn': (i) => addAsn(ws(), i),
    'registry.listAsns': () => listAsns(ws()),
    'registry.removeAsn': (i) => removeAsn(ws(), i),
    'registry.addAsnRange': (i) => addAsnRange(ws(), i),
    'registry.listAsnRanges': () => listAsnRanges(ws()),
    'registry.removeAsnRange': (i) => removeAsnRange(ws(), i),
  };
}
