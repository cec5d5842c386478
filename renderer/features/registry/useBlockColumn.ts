/**
 * The grid's Block column as wide as the widest CIDR in sight needs at its indent, so a CIDR is
 * never clipped (issue 14, item 7: "198.51.100.104/3" at 1024×700 with the detail pane open).
 *
 * Measured, not guessed from a character count: a Range over a cell's content gives the width
 * that content takes on one line (twig, gap and CIDR, however the font renders them), to which
 * the cell's padding (its indent) is added. The width is written as the CSS variable
 * `--reg-block-need` on the grid, which the column's minimum reads; no React state, so measuring
 * never renders again. It only grows while the same view is shown, so the columns do not jump
 * back and forth as rows scroll by; a view at another depth starts again.
 */
import { useLayoutEffect, useRef, type RefObject } from 'react';

export function useBlockColumnWidth(grid: RefObject<HTMLElement | null>, viewKey: string): void {
  const widest = useRef({ key: viewKey, px: 0 });
  useLayoutEffect(() => {
    const root = grid.current;
    if (!root) return;
    if (widest.current.key !== viewKey) widest.current = { key: viewKey, px: 0 };
    let px = widest.current.px;
    const range = document.createRange();
    for (const cell of root.querySelectorAll<HTMLElement>('.reg-block')) {
      range.selectNodeContents(cell);
      const style = getComputedStyle(cell);
      const need = range.getBoundingClientRect().width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
      // Rounded up, and one pixel more: sub-pixel text must not round to a clipped last digit.
      px = Math.max(px, Math.ceil(need) + 1);
    }
    if (px !== widest.current.px || root.style.getPropertyValue('--reg-block-need') === '') {
      widest.current.px = px;
      root.style.setProperty('--reg-block-need', `${px}px`);
    }
  });
}
