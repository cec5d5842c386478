// Injected before any script of the page runs (Playwright addInitScript): records when the first
// Registry row is painted, in ms since navigation start (performance.now()'s time origin).
// Two clocks: Element Timing's renderTime for the cell marked elementtiming="registry-row" (the
// paint itself, where the browser supports it), and the frame after the row became visible in
// the DOM (a MutationObserver, then requestAnimationFrame + a task, i.e. just after that paint).
// Shared by test/e2e/first-paint.test.ts and test/bench/first-paint.mjs.
(() => {
  const result = { elementMs: null, frameMs: null };
  window.__headroomFirstRow = result;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        if (e.identifier === 'registry-row' && result.elementMs === null) result.elementMs = e.renderTime || e.loadTime || e.startTime;
      }
    }).observe({ type: 'element', buffered: true });
  } catch {
    /* no Element Timing: the frame clock alone */
  }
  const seen = () => {
    const row = document.querySelector('[data-prefix]');
    return !!row && (typeof row.checkVisibility !== 'function' || row.checkVisibility());
  };
  const observer = new MutationObserver(() => {
    if (!seen()) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (result.frameMs = performance.now()), 0));
  });
  observer.observe(document, { childList: true, subtree: true, attributes: true });
})();
