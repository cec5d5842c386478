import type { AreaHandlers } from './handler-types';
import { exportReport } from './reports';
import { reportFile } from './reports-file';
import type { Session } from './session';

export function reportsHandlers(session: Session): AreaHandlers<'reports'> {
  const ws = () => session.require();
  return {
    'reports.export': (i) => exportReport(ws(), i),
    'reports.file': (i) => reportFile(ws(), i),
  };
}
