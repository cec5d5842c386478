/**
 * RIR work (../shared/CLI.md): `request`, `check-request`, `rpsl`, `rdns`. A draft with a
 * failed E check is still written by `request` (it says NON-CONFORMING inside and on stderr);
 * `check-request` exits 1 for it, naming each failed rule and the field to fix on stderr.
 */
import type { CheckView, DraftView } from '../../../shared/contract';
import { errorLine, HeadroomError } from '../../../shared/errors';
import { renderDraftHtml } from '../../../shared/report/draft-html';
import { renderDraftMarkdown, renderDraftText } from '../../../shared/rir/draft-render';
import { atomicWriteFile } from '../../core/workspace/fsutil';
import { jsonOut, UsageError, type Command, type Io } from '../command';
import { printHtmlToPdf } from '../pdf';
import { checkOut } from './export-formats';

export { CHROMIUM } from '../pdf';

function required(value: unknown, name: string): string {
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`);
  return value;
}

const SEVERITY = { E: 'error', W: 'warning', I: 'info' } as const;

const failedErrors = (checks: readonly CheckView[]) => checks.filter((c) => c.severity === 'E' && !c.ok);
const describe = (c: CheckView) => `${c.rule}${c.field ? ` (${c.field})` : ''}: ${c.message} [${c.source}]`;

/** Prints the failed E checks on stderr: one line each, rule, field and message. */
function reportFailures(io: Io, view: DraftView): void {
  const failed = failedErrors(view.checks);
  if (failed.length === 0) return;
  io.err(`headroom: NON-CONFORMING draft: ${failed.length} failed rule(s)`);
  for (const c of failed) io.err(`  ${describe(c)}`);
}

/** Prints the HTML to PDF with Debian Chromium headless; the PDF lands at `out` by rename. */
function printPdf(html: string, out: string): void {
  atomicWriteFile(out, printHtmlToPdf(html, 'use --format md or txt'));
}

const draftKey = (opts: Record<string, string | boolean | undefined>) => ({ rir: required(opts.rir, 'rir'), kind: required(opts.kind, 'kind') });

export const requestsCommands: Command[] = [
  {
    name: 'request',
    usage: 'request WS --rir arin|ripe|apnic|lacnic|afrinic --kind ipv4|ipv6|asn [--format md|txt|pdf] [--out FILE]',
    summary: 'the request draft, filled from the workspace, ending with its policy checks',
    options: { rir: { type: 'string' }, kind: { type: 'string' }, format: { type: 'string' }, out: { type: 'string' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      const format = (opts.format as string | undefined) ?? 'md';
      if (!['md', 'txt', 'pdf'].includes(format)) throw new HeadroomError('invalid', `must be one of md, txt, pdf (got "${format}")`, 'format');
      const out = opts.out as string | undefined;
      if (format === 'pdf' && !out) throw new UsageError('--format pdf needs --out FILE');
      if (out) checkOut(args[0]!, out);
      const view = await withWorkspace(args[0]!, 'read', (call) => call('requests.getDraft', draftKey(opts)));
      if (format === 'pdf') printPdf(renderDraftHtml(view.draft, view.checks), out!);
      else {
        const text = format === 'md' ? renderDraftMarkdown(view.draft, view.checks) : renderDraftText(view.draft, view.checks);
        if (out) atomicWriteFile(out, new TextEncoder().encode(text));
        else io.out(text.trimEnd());
      }
      for (const m of view.missing) io.err(`headroom: note: ${m.field}: ${errorLine(m)}`);
      reportFailures(io, view);
    },
  },
  {
    name: 'check-request',
    usage: 'check-request WS --rir R --kind K [--json]',
    summary: 'only the policy checks of the draft (--json: rule, ok, message, source, severity, verify); exit 1 only when an error fails',
    options: { rir: { type: 'string' }, kind: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      const view = await withWorkspace(args[0]!, 'read', (call) => call('requests.getDraft', draftKey(opts)));
      // severity and verify added (issue 11); only a failed error sets the exit code.
      if (opts.json)
        jsonOut(
          io,
          view.checks.map((c) => ({ rule: c.rule, ok: c.ok, message: c.message, source: c.source, severity: SEVERITY[c.severity], verify: c.verify })),
        );
      else {
        const w = Math.max(...view.checks.map((c) => c.verdict.length), 4);
        for (const c of view.checks) io.out(`${c.rule}  ${c.severity}  ${c.verdict.padEnd(w)}  ${c.message}  [${c.source}]`);
      }
      const failed = failedErrors(view.checks);
      if (failed.length > 0) {
        const first = failed[0]!;
        throw new HeadroomError('invalid', failed.map(describe).join('; '), first.field ?? 'draft', first.field ?? 'draft');
      }
    },
  },
  {
    name: 'rpsl',
    usage: 'rpsl WS CIDR|ASN [--rir R] [--as-set NAME]',
    summary: "the RPSL objects of a block (inetnum/inet6num, route/route6) or an ASN (aut-num), in the template of the block's own RIR unless --rir",
    options: { rir: { type: 'string' }, 'as-set': { type: 'string' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const r = await withWorkspace(args[0]!, 'read', (call) => call('requests.rpsl', { resource: args[1]!, rir: opts.rir, asSet: opts['as-set'] }));
      io.out(r.text.trimEnd());
      for (const w of r.warnings) io.err(`headroom: note: ${w}`);
    },
  },
  {
    name: 'rdns',
    usage: 'rdns WS CIDR --ns HOST[,HOST...] [--format bind|rpsl] [--ds "TAG ALG TYPE DIGEST"[,...]]',
    summary: 'the reverse-DNS zones of a block: BIND zone files or RIPE domain objects',
    options: { ns: { type: 'string' }, format: { type: 'string' }, ds: { type: 'string' } },
    positionals: [2, 2],
    async run({ args, opts, io, withWorkspace }) {
      const split = (v: unknown) =>
        typeof v === 'string'
          ? v
              .split(',')
              .map((x) => x.trim())
              .filter((x) => x !== '')
          : [];
      const r = await withWorkspace(args[0]!, 'read', (call) =>
        call('requests.reverseZones', { prefix: args[1]!, ns: split(opts.ns), format: opts.format ?? 'bind', ...(opts.ds ? { ds: split(opts.ds) } : {}) }),
      );
      io.out(r.text.trimEnd());
      for (const w of r.warnings) io.err(`headroom: note: ${w}`);
    },
  },
  {
    name: 'ns-check',
    usage: 'ns-check WS --ns NAME=IP[,NAME=IP...] [--json]',
    summary: 'whether the name servers sit on different networks (RFC 2182 §3.1); exit 0 either way',
    options: { ns: { type: 'string' }, json: { type: 'boolean' } },
    positionals: [1, 1],
    async run({ args, opts, io, withWorkspace }) {
      const ns = required(opts.ns, 'ns')
        .split(',')
        .map((x) => x.trim())
        .filter((x) => x !== '');
      const r = await withWorkspace(args[0]!, 'read', (call) => call('requests.nsCheck', { ns }));
      if (opts.json) jsonOut(io, { ok: r.ok, problems: r.problems });
      else if (r.ok) io.out('ok: the name servers are on different networks');
      else for (const p of r.problems) io.out(`warning: ${p}`);
    },
  },
];
