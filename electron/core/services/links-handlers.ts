import type { AreaHandlers } from './handler-types';
import { addLink, addLinkReading, importLinkReadings, linkReadings, listLinks, removeLink, removeLinkReading, setLinkLeadDays, updateLink } from './links';
import type { Session } from './session';

export function linksHandlers(session: Session): AreaHandlers<'links'> {
  const ws = () => session.require();
  return {
    'links.list': () => listLinks(ws()),
    'links.add': (i) => addLink(ws(), i),
    'links.update': (i) => updateLink(ws(), i),
    'links.remove': (i) => removeLink(ws(), i),
    'links.readings': (i) => linkReadings(ws(), i),
    'links.addReading': (i) => addLinkReading(ws(), i),
    'links.removeReading': (i) => removeLinkReading(ws(), i),
    'links.import': (i) => importLinkReadings(ws(), i),
    'links.setLeadDays': (i) => setLinkLeadDays(ws(), i),
  };
}
