import type { AreaHandlers } from './handler-types';
import { checklist, draftView, getOrganisation, markStep, resetDraft, updateDraft, updateOrganisation } from './requests';
import { nsCheck, reverseFor, rpslFor } from './requests-objects';
import type { Session } from './session';

export function requestsHandlers(session: Session): AreaHandlers<'requests'> {
  const ws = () => session.require();
  return {
    'requests.getDraft': (i) => draftView(ws(), i.rir, i.kind),
    'requests.updateDraft': (i) => updateDraft(ws(), i),
    'requests.resetDraft': (i) => resetDraft(ws(), i),
    'requests.checks': (i) => draftView(ws(), i.rir, i.kind).checks,
    'requests.rpsl': (i) => rpslFor(ws(), i),
    'requests.reverseZones': (i) => reverseFor(ws(), i),
    'requests.nsCheck': (i) => nsCheck(ws(), i),
    'requests.getOrganisation': () => getOrganisation(ws()),
    'requests.updateOrganisation': (i) => updateOrganisation(ws(), i),
    'requests.checklist': () => checklist(ws()),
    'requests.markStep': (i) => markStep(ws(), i),
  };
}
