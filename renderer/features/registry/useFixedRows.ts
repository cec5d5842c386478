/**
 * Virtual rows of one fixed height, for lists of any length: only the rows in sight (and a few
 * either side) are rendered, and working out which they are costs the same for ten rows or ten
 * million (no per-row bookkeeping, unlike a general virtualizer that measures every row: 0.7 s
 * for a million on this kind of machine, on every change of the count).
 *
 * Browsers cap an element's height (about 33.5 million px in Chromium): beyond MAX_PX the scroll
 * range is scaled, so the scrollbar still spans the whole list and rows stay exactly in place.
 */
import { useCallback, useLayoutEffect, useState, type RefObject } from 'react';

const MAX_PX = 32_000_000;

export interface VirtualRow {
  index: number;
  /** Offset of the row from the top of the sizer element, in px. */
  top: number;
}

export function useFixedRows(ref: RefObject<HTMLElement | null>, count: number, rowHeight: number, overscan = 8) {
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    // Scroll events come once a frame at most; the rows follow in the same frame.
    const onScroll = () => setScrollTop(el.scrollTop);
    const resize = new ResizeObserver(() => setHeight(el.clientHeight));
    resize.observe(el);
    setHeight(el.clientHeight);
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      el.removeEventListener('scroll', onScroll);
      resize.disconnect();
    };
  }, [ref]);

  const full = count * rowHeight;
  const sizerHeight = Math.min(full, MAX_PX);
  // Virtual px per real px of scroll (1 unless the list is taller than MAX_PX).
  const ratio = full > sizerHeight && sizerHeight > height ? (full - height) / (sizerHeight - height) : 1;
  const top = Math.min(scrollTop, Math.max(0, sizerHeight - height));
  const virtualTop = top * ratio;
  const first = Math.max(0, Math.floor(virtualTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((virtualTop + height) / rowHeight) + overscan);
  const rows: VirtualRow[] = [];
  for (let i = first; i <= last; i++) rows.push({ index: i, top: top + i * rowHeight - virtualTop });

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = ref.current;
      if (!el) return;
      const h = el.clientHeight;
      const vTop = el.scrollTop * ratio;
      const rowTop = index * rowHeight;
      let next = vTop;
      if (rowTop < vTop) next = rowTop;
      else if (rowTop + rowHeight > vTop + h) next = rowTop + rowHeight - h;
      if (next !== vTop) el.scrollTop = next / ratio;
    },
    [ref, ratio, rowHeight],
  );

  return { rows, sizerHeight, first: rows[0]?.index ?? 0, last: rows[rows.length - 1]?.index ?? 0, scrollToIndex };
}
