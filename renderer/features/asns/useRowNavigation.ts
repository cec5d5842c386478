/**
 * Keyboard movement through a table's rows (the ASN rows and the block rows): which row is
 * current, moving to a row by index with the focus and the scroll following, and focusing the
 * current row again when `focusTick` is bumped (after a removal). Rows carry `attr` = their key.
 */
import { useEffect, useEffectEvent, useRef } from 'react';

export function useRowNavigation<K extends string | number>(opts: {
  keys: readonly K[];
  current: K | null;
  onCurrent(key: K): void;
  focusTick: number;
  attr: string;
}) {
  const { keys, current, onCurrent, focusTick, attr } = opts;
  const body = useRef<HTMLTableSectionElement>(null);
  const rowEl = (key: K) => body.current?.querySelector<HTMLTableRowElement>(`tr[${attr}="${CSS.escape(String(key))}"]`) ?? null;
  const show = (key: K) => {
    const el = rowEl(key);
    el?.focus();
    el?.scrollIntoView({ block: 'nearest' });
  };

  // Only a new tick moves the focus (to whichever row is current then); a change of the current
  // row by mouse or arrow moves it itself.
  // `show` reads the rows (and the current one) as they are when the tick arrives.
  const focusCurrent = useEffectEvent(() => {
    if (current !== null) show(current);
  });
  useEffect(() => {
    if (focusTick !== 0) focusCurrent();
  }, [focusTick]);

  const moveTo = (i: number) => {
    const key = keys[Math.max(0, Math.min(keys.length - 1, i))];
    if (key === undefined) return;
    onCurrent(key);
    show(key);
  };

  return { body, index: current === null ? -1 : keys.indexOf(current), moveTo };
}
