/** Keyboard shortcuts stay out of the way of typing, and Tab out of charts. */
import { useEffect, type RefObject } from 'react';

/** Whether a key event's target takes typed text (so a single-key shortcut must not fire). */
export function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el && (el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT' || el.isContentEditable);
}

/**
 * Keeps Tab out of a chart (issue 14, item 7). Recharts 3 draws its layers through React portals
 * into SVG `<g>` elements; React listens for focus events on every portal container, and Chromium
 * makes an SVG element with focus listeners a Tab stop, so each layer of a chart became one (six
 * in a forecast chart); recharts' keyboard layer also gives the chart's `<svg>` tabindex="0". An
 * explicit tabindex="-1" takes them all out of the Tab order. What a chart shows is in the text
 * beside it, which Tab does reach.
 */
export function useNoTabStopsIn(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const root = ref.current;
    if (!root) return;
    const mark = () => {
      for (const el of root.querySelectorAll('svg, svg g')) if (el.getAttribute('tabindex') !== '-1') el.setAttribute('tabindex', '-1');
    };
    mark();
    // Recharts adds its layers after the first paint and on every resize, and may set tabindex
    // again; marking an element already marked changes nothing, so the observer goes quiet.
    const observer = new MutationObserver(mark);
    observer.observe(root, { childList: true, subtree: true, attributes: true, attributeFilter: ['tabindex'] });
    return () => observer.disconnect();
  }, [ref]);
}
