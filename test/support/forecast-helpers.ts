import { expect } from 'vitest';
import { formatDay, parseDay } from '../../shared/dates';
import type { SeriesPoint } from '../../shared/forecast/series';

/** Spec §7: numbers are shown to 4 significant figures; tests use relative tolerance 1e-3. */
export function expectRel(actual: number, expected: number, tol = 1e-3): void {
  const err = Math.abs(actual - expected) / Math.max(Math.abs(expected), 1e-300);
  if (!(err <= tol)) throw new Error(`expected ${actual} to be within ${tol} (relative) of ${expected}`);
  expect(err).toBeLessThanOrEqual(tol);
}

/** A series every `stepDays` days from `start`. */
export function everyDays(start: string, stepDays: number, values: ReadonlyArray<number>): SeriesPoint[] {
  const d0 = parseDay(start);
  return values.map((value, i) => ({ date: formatDay(d0 + stepDays * i), value }));
}

export const weekly = (start: string, values: ReadonlyArray<number>): SeriesPoint[] => everyDays(start, 7, values);

export const day = (text: string): number => parseDay(text);

/** TV1: weekly 2024-01-07 … 2024-03-10, IPv4 /22, C = 1024. */
export const TV1 = weekly('2024-01-07', [412, 431, 445, 470, 478, 502, 519, 530, 551, 569]);

/** TV2: month ends 2023-01-31 … 2023-12-31, IPv6 /56 in a /44, C = 4096. */
export const TV2: SeriesPoint[] = [
  ['2023-01-31', 1200],
  ['2023-02-28', 1262],
  ['2023-03-31', 1291],
  ['2023-04-30', 1347],
  ['2023-05-31', 1420],
  ['2023-06-30', 1455],
  ['2023-07-31', 1530],
  ['2023-08-31', 1571],
  ['2023-09-30', 1655],
  ['2023-10-31', 1702],
  ['2023-11-30', 1790],
  ['2023-12-31', 1838],
].map(([date, value]) => ({ date: date as string, value: value as number }));

/** TV3: UPS IT load kW weekly 2024-01-01 … 2024-03-18, C = 80. */
export const TV3 = weekly('2024-01-01', [41.0, 41.6, 42.5, 43.1, 44.2, 45.0, 46.1, 46.9, 48.2, 49.1, 50.3, 51.6]);

/** TV4: weekly from 2024-06-02, C = 40. */
export const TV4 = weekly('2024-06-02', [10, 12, 15, 16, 19, 23]);

/** TV5: weekly from 2024-01-07, as-of 2024-02-25. */
export const TV5 = weekly('2024-01-07', [100, 130, 155, 175, 190, 201, 209, 214]);

/** TV9: IPv4 /18 weekly from 2024-01-07, C = 16384, one elephant. */
export const TV9 = weekly('2024-01-07', [5000, 5104, 5199, 5301, 5398, 5502, 5597, 7745, 7851, 7948, 8052, 8149]);
