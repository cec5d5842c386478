/**
 * An IPv4 run of addresses (`start`, `count`) as its minimal CIDR list. The delegated stats
 * format counts IPv4 in addresses, and a count need not be a power of two or aligned
 * (specs/rir-requests.md §6.2): `203.0.113.0|192` is 203.0.113.0/25 + 203.0.113.128/26.
 */
import { invalid } from '../errors';
import { IPV4_MAX, type IPv4Prefix } from '../ip/prefix';

/** Largest k with 2^k ≤ n (n ≥ 1, n ≤ 2^32). */
function floorLog2(n: number): number {
  let k = 0;
  while (2 ** (k + 1) <= n) k++;
  return k;
}

/** Number of trailing zero bits of an IPv4 value (32 for 0). */
function alignmentBits(v: number): number {
  if (v === 0) return 32;
  let bits = 0;
  while (bits < 32 && v % 2 ** (bits + 1) === 0) bits++;
  return bits;
}

/**
 * The fewest CIDR blocks that cover exactly `[start, start + value − 1]`, ascending.
 * Refuses a count below 1, a start outside IPv4, or a run past 255.255.255.255, naming `field`.
 */
export function ipv4ValueToCidrs(start: number, value: number, field = 'value'): IPv4Prefix[] {
  if (!Number.isInteger(start) || start < 0 || start > IPV4_MAX) throw invalid('start', `${start} is not an IPv4 address value`);
  if (!Number.isInteger(value) || value < 1) throw invalid(field, `must be a whole number of addresses ≥ 1 (got ${value})`);
  if (start + value - 1 > IPV4_MAX) throw invalid(field, `${value} addresses from the start run past 255.255.255.255`);
  const out: IPv4Prefix[] = [];
  let cur = start;
  let left = value;
  while (left > 0) {
    const bits = Math.min(alignmentBits(cur), floorLog2(left));
    out.push({ family: 4, start: cur, length: 32 - bits });
    cur += 2 ** bits;
    left -= 2 ** bits;
  }
  return out;
}
