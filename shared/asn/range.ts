/**
 * ASN ranges (pools) allocate like NetBox `ASNRange.get_available_asns`: sorted(range − used),
 * first-fit by default. Built on the interval walk so a 94-million-number private range with a
 * handful of used numbers costs nothing to scan.
 */
import { invalid } from '../errors';
import { numberSpace } from '../ip/int-space';
import { gaps, type Interval } from '../ip/interval';
import { isAsn } from './asn';

export interface AsnRange {
  readonly start: number;
  readonly end: number;
}

const ASN_SPACE = numberSpace(32);

/** Checks a range the way NetBox does (both ends ASNs, end > start); throws naming the field. */
export function checkAsnRange(range: AsnRange): AsnRange {
  if (!isAsn(range.start)) throw invalid('start', `${range.start} is not an AS number`);
  if (!isAsn(range.end)) throw invalid('end', `${range.end} is not an AS number`);
  if (range.end <= range.start) throw invalid('end', 'the range must end after it starts');
  return range;
}

/** Runs of free ASNs in the range, ascending (used numbers in any order; outside ones ignored). */
export function* availableAsnRuns(range: AsnRange, used: Iterable<number>): Generator<Interval<number>> {
  checkAsnRange(range);
  const sorted = Array.from(used, (n) => ({ start: n, end: n })).sort((a, b) => a.start - b.start);
  yield* gaps(ASN_SPACE, range, sorted);
}

/** Free ASNs of the range one by one, ascending: sorted(range − used). */
export function* availableAsns(range: AsnRange, used: Iterable<number>): Generator<number> {
  for (const run of availableAsnRuns(range, used)) for (let n = run.start; n <= run.end; n++) yield n;
}

/** The lowest free ASN of the range (first-fit), or null when the range is full. */
export function firstAvailableAsn(range: AsnRange, used: Iterable<number>): number | null {
  for (const run of availableAsnRuns(range, used)) return run.start;
  return null;
}

/** How many ASNs of the range are free. */
export function countAvailableAsns(range: AsnRange, used: Iterable<number>): number {
  let n = 0;
  for (const run of availableAsnRuns(range, used)) n += run.end - run.start + 1;
  return n;
}
