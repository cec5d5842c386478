/**
 * Plain-text versions of the archived e-mail request templates (specs/rir-requests.md §3.2,
 * §3.4), filled from a draft: useful as a checklist and for offline review, since all RIRs
 * now take requests through their portals. Only where a template is known: RIPE IPv4
 * first allocation (ripe-609), IPv6 first allocation (ripe-422), AS number (ripe-562), and
 * APNIC's multihoming template. Field names follow the spec; the layout of section
 * headers is the RIPE forms' `#[SECTION]#` style.
 */
import type { RequestDraft } from './draft';
import { rpslClass, rpslValues } from './rpsl-object';
import { renderRpslObjects } from './rpsl-text';

const section = (name: string, lines: readonly string[]): string[] => [`#[${name}]#`, ...lines, ''];
const field = (name: string, value: string | undefined): string => (value === undefined || value === '' ? `${name}:` : `${name}: ${value}`);
const yesNo = (b: boolean): string => (b ? 'yes' : 'no');

function general(d: RequestDraft, requestType: string, version: string): string[] {
  return section('GENERAL INFORMATION', [field('request-type', requestType), field('form-version', version), field('x-ncc-regid', d.organisation.accountId)]);
}

function firstMntBy(d: RequestDraft): string | undefined {
  return d.dbObjects.flatMap((o) => rpslValues(o.object, 'mnt-by'))[0];
}

/** The template a RIPE draft follows, named for the request it makes (docs/rir.md §11). */
function ripeTemplateName(d: RequestDraft): string[] {
  const { kind, type } = d.request;
  const name =
    kind === 'ipv4'
      ? type === 'initial'
        ? 'IPv4 waiting list request for one /24 (LIR Portal; archived e-mail form ripe-609, ipv4-first-alloc)'
        : 'none: the RIPE NCC makes no further IPv4 allocation (ripe-822 §5.1); more IPv4 comes only by transfer (RIPE Resource Transfer Policies)'
      : kind === 'ipv6'
        ? type === 'initial'
          ? 'IPv6 first allocation (LIR Portal; archived e-mail form ripe-422 supporting notes, ipv6-first-alloc)'
          : 'IPv6 allocation extension or additional allocation (LIR Portal; ripe-738 §5.1.2, §5.2) — not the first-allocation form'
        : `AS number request (LIR Portal; archived e-mail form ripe-562, as-number), ${type === 'initial' ? 'a first AS' : 'a further AS with its own routing policy (ripe-679 §2.0)'}`;
  return [`# Template: ${name}`, ''];
}

function ripeIpv4(d: RequestDraft): string[] {
  const mnt = firstMntBy(d);
  if (d.request.type === 'subsequent') return ripeTemplateName(d);
  return [
    ...ripeTemplateName(d),
    ...general(d, 'ipv4-first-alloc', '1.2'),
    ...section('REQUESTER', [field('name', d.requester.name), field('phone', d.requester.phone), field('email', d.requester.email)]),
    ...section('ADDRESS SPACE USAGE', [field('usage-confirmation', yesNo(d.organisation.role === 'lir'))]),
    ...section('DATABASE TEMPLATE', [
      field('inetnum', undefined),
      field('netname', undefined),
      field('descr', undefined),
      field('org', undefined),
      field('country', d.organisation.country),
      field('admin-c', d.requester.handle),
      field('tech-c', d.requester.handle),
      field('status', 'ALLOCATED PA'),
      field('mnt-by', 'RIPE-NCC-HM-MNT'),
      field('mnt-lower', mnt),
      field('mnt-routes', mnt),
      field('notify', d.requester.email),
      field('source', 'RIPE'),
    ]),
    ...section('SUPPLEMENTAL COMMENTS', d.notes ? d.notes.split('\n') : []),
  ];
}

function ripeIpv6(d: RequestDraft): string[] {
  return [
    ...ripeTemplateName(d),
    ...(d.request.type === 'initial'
      ? general(d, 'ipv6-first-alloc', '1.1')
      : section('GENERAL INFORMATION', [field('x-ncc-regid', d.organisation.accountId)])),
    ...section('REQUESTER', [
      field('name', d.requester.name),
      field('phone', d.requester.phone),
      field('fax-no', undefined),
      field('email', d.requester.email),
      field('nic-hdl', d.requester.handle),
    ]),
    ...section('REQUIRED INFORMATION', [field('confirmation', 'I have read the IPv6 policy and accept it'), field('website', d.organisation.website)]),
    ...section('OVERVIEW OF ORGANISATION', [
      `${d.organisation.legalName}${d.organisation.tradingName ? ` (${d.organisation.tradingName})` : ''}, ${d.organisation.country}`,
    ]),
    ...section('IPv6 ALLOCATION USAGE PLAN', [
      ...(d.request.prefixLength !== undefined ? [field('requested-size', `/${d.request.prefixLength}`)] : []),
      ...d.plan.map((p) => `${p.purpose}: /${p.prefixLength}, now ${p.now}, 12 months ${p.m12 ?? '-'}, 24 months ${p.m24 ?? '-'}`),
    ]),
    ...section(
      'DATABASE TEMPLATE(S)',
      d.dbObjects.length > 0
        ? renderRpslObjects(d.dbObjects.map((o) => o.object))
            .trimEnd()
            .split('\n')
        : [],
    ),
    ...section('SUPPLEMENTAL COMMENTS', [...(d.request.justification ? d.request.justification.split('\n') : []), ...(d.notes ? d.notes.split('\n') : [])]),
  ];
}

function ripeAsn(d: RequestDraft): string[] {
  const c = d.connectivity;
  const peering = [...c.upstreams, ...c.peers].map((n) => field('peering', n.email ?? `AS${n.asn} ${n.org}`));
  const bits = d.asn?.bits === 16 ? '16-bit' : '32-bit';
  return [
    ...ripeTemplateName(d),
    ...general(d, 'as-number', '1.2'),
    ...section('AS NUMBER USER', [
      field('legal-organisation-name', d.organisation.legalName),
      field('website-if-available', d.organisation.website),
      field('end-user-of-sponsoring-lir', yesNo(d.organisation.role === 'end-user')),
      ...(d.organisation.role === 'end-user'
        ? [field('confirmation', 'the End User Assignment Agreement contains all elements listed in paragraph 2.0 of the policy')]
        : []),
    ]),
    ...section('ADDRESS SPACE TO BE ANNOUNCED', [...d.originate.map((p) => field('prefix', p)), field('pending-ticket-ID', undefined)]),
    ...section('PEERING CONTACTS', peering),
    ...section('SUPPLEMENTAL COMMENTS', [
      `AS Number Type: ${bits}`,
      `Why 16-bit: ${d.asn?.bits === 16 ? (d.asn.reason16 ?? '') : ''}`.trimEnd(),
      ...(d.notes ? d.notes.split('\n') : []),
    ]),
    ...section(
      'DATABASE TEMPLATE',
      d.dbObjects.filter((o) => rpslClass(o.object) === 'aut-num').length > 0
        ? renderRpslObjects(d.dbObjects.filter((o) => rpslClass(o.object) === 'aut-num').map((o) => o.object))
            .trimEnd()
            .split('\n')
        : [],
    ),
  ];
}

function apnicMultihoming(d: RequestDraft): string[] {
  const c = d.connectivity;
  const dash = (v: string | undefined): string => (v === undefined || v === '' ? '-' : v.replace(/\s+/g, '_'));
  const aut = d.dbObjects.filter((o) => rpslClass(o.object) === 'aut-num').map((o) => o.object);
  return [
    field('conn-status', c.multihoming === 'now' ? 'NOW' : 'SOON'),
    ...[...c.upstreams, ...c.peers].map((n) => field('peer-as-contacts', `AS${n.asn} ${dash(n.org)} ${dash(n.contact)} ${dash(n.phone)} ${dash(n.email)}`)),
    ...d.holdings
      .filter((h) => h.returnBy)
      .map((h) => {
        const [addr, size] = h.prefix.split('/');
        return field(
          'ip-return',
          `${addr} /${size} ${h.returnBy} ${dash(d.organisation.legalName)} ${dash(d.requester.name)} ${dash(d.requester.phone)} ${dash(d.requester.email)}`,
        );
      }),
    '',
    ...(aut.length > 0 ? renderRpslObjects(aut).trimEnd().split('\n') : []),
  ];
}

/** The archived template for the draft's RIR and kind, filled in; null where no template is known. */
export function renderArchivedTemplate(d: RequestDraft): string | null {
  const { rir, kind } = d.request;
  let lines: string[] | null = null;
  if (rir === 'ripe' && kind === 'ipv4') lines = ripeIpv4(d);
  else if (rir === 'ripe' && kind === 'ipv6') lines = ripeIpv6(d);
  else if (rir === 'ripe' && kind === 'asn') lines = ripeAsn(d);
  else if (rir === 'apnic' && kind === 'asn') lines = apnicMultihoming(d);
  if (!lines) return null;
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n') + '\n';
}
