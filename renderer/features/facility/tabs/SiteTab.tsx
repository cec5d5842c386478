/** The site's own fields; every limit follows the draft. */
import type { SiteDetail } from '../../../../shared/facility/site-record';
import { ComponentEditor } from '../ComponentEditor';
import { editorKey, LiveGauges } from './common';

export function SiteTab({ detail, liveDetail, readOnly, onRemoved }: { detail: SiteDetail; liveDetail: SiteDetail; readOnly: boolean; onRemoved(): void }) {
  return (
    <ComponentEditor key={editorKey('site', detail.site)} kind="site" detail={liveDetail} record={detail.site} readOnly={readOnly} onRemoved={onRemoved}>
      {(view) => <LiveGauges view={view} keys={['']} />}
    </ComponentEditor>
  );
}
