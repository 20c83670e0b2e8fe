/**
 * What the web benchmark runs inside the page. These are plain JavaScript sources handed to Chromium as they
 * are: the bench process has no DOM, and the page has none of the bench's modules.
 */

/** The inbox's conversation rows (the virtualized list marks each one a listitem). */
export const ROW_SELECTOR = '#main [role="listitem"]';

export interface FirstRenderMarks {
  submittedAt: number | null;
  firstRowAt: number | null;
}

/**
 * Installed before the sign-in page loads: notes when the sign-in form is submitted and the first animation
 * frame after a conversation row is in the document (the frame that paints it), in the page's own clock.
 */
export const firstRenderProbe = `
(() => {
  const marks = { submittedAt: null, firstRowAt: null };
  window.__rapportFirstRender = marks;
  document.addEventListener("submit", () => { if (marks.submittedAt === null) marks.submittedAt = performance.now(); }, true);
  const watch = () => {
    if (marks.submittedAt !== null && marks.firstRowAt === null) {
      const row = document.querySelector(${JSON.stringify(ROW_SELECTOR)});
      if (row && row.getBoundingClientRect().height > 0) marks.firstRowAt = performance.now();
    }
    if (marks.firstRowAt === null) requestAnimationFrame(watch);
  };
  requestAnimationFrame(watch);
})();
`;

/** For page.waitForFunction (a function, as the app's CSP forbids evaluating strings): the marks once the row is seen. */
export const readFirstRender = () => {
  const marks = (globalThis as unknown as { __rapportFirstRender?: FirstRenderMarks }).__rapportFirstRender;
  return marks && marks.firstRowAt !== null ? marks : null;
};

export interface ScrollTrace {
  /** requestAnimationFrame deltas over the whole scroll, in ms. */
  frames: number[];
  /** Durations of the long tasks (over 50 ms) Chromium reported meanwhile, in ms. */
  longTasks: number[];
  /** The last row's position in the list when the bottom was reached, and the list's size. */
  lastRow: number;
  setSize: number;
  scrolledPx: number;
  seconds: number;
  reachedEnd: boolean;
}

/**
 * Scrolls the inbox list from top to bottom by `step` pixels each frame, as a fast fling would, waiting at the
 * bottom while the next page loads, until the row numbered `expected` is in view (or `timeoutMs` passes).
 */
export function scrollScript(step: number, expected: number, timeoutMs: number): string {
  return `
(async () => {
  const firstRow = document.querySelector(${JSON.stringify(ROW_SELECTOR)});
  if (!firstRow) throw new Error("No conversation row to scroll.");
  let scroller = firstRow.parentElement;
  while (scroller && !(scroller.scrollHeight > scroller.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
  if (!scroller) throw new Error("The conversation rows have no scrolling container.");
  scroller.scrollTop = 0;
  const longTasks = [];
  const observer = new PerformanceObserver((list) => { for (const entry of list.getEntries()) longTasks.push(entry.duration); });
  observer.observe({ type: "longtask" });
  const frames = [];
  const started = performance.now();
  let previous = null;
  let lastRow = 0;
  let setSize = -1;
  let reachedEnd = false;
  await new Promise((resolve) => {
    const tick = (now) => {
      if (previous !== null) frames.push(now - previous);
      previous = now;
      const rows = scroller.querySelectorAll('[role="listitem"]');
      const last = rows[rows.length - 1];
      lastRow = Math.max(lastRow, Number(last?.getAttribute("aria-posinset") ?? 0));
      setSize = Number(last?.getAttribute("aria-setsize") ?? -1);
      const atBottom = scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2;
      if (atBottom && lastRow >= ${expected}) { reachedEnd = true; resolve(); return; }
      if (now - started > ${timeoutMs}) { resolve(); return; }
      scroller.scrollTop += ${step};
      requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // Long tasks are reported after they end; give the last one a moment to arrive.
  await new Promise((resolve) => setTimeout(resolve, 300));
  observer.disconnect();
  return { frames, longTasks, lastRow, setSize, scrolledPx: scroller.scrollTop, seconds: (performance.now() - started) / 1000, reachedEnd };
})()
`;
}
