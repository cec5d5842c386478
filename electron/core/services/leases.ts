import type { LeaseImportResult } from '../../../shared/contract';
import { HeadroomError } from '../../../shared/errors';
import type { Workspace } from '../workspace/workspace';

export function importLeases(_ws: Workspace, _input: { text: string; format: 'dhcpd' | 'kea'; date?: string | undefined; space?: string | undefined }): LeaseImportResult {
  throw new HeadroomError('internal', 'not yet');
}
