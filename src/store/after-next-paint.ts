// Work that must not delay the frame showing a change (saving, placing a message) runs once the
// next frame has painted. Here rather than in src/dom because the store's saving needs it too.

/**
 * Runs `work` once the next frame has painted (or after 200 ms in a hidden tab, where frames do
 * not run); returns a function that cancels it if it has not run yet.
 */
export function afterNextPaint(work: () => void): () => void {
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    work();
  };
  // requestAnimationFrame does not run in hidden tabs; the timer runs the work there all the same.
  const fallback = setTimeout(once, 200);
  let afterFrame: ReturnType<typeof setTimeout> | undefined;
  const frame = requestAnimationFrame(() => {
    // A timer queued from the frame callback runs after that frame's rendering.
    afterFrame = setTimeout(() => {
      clearTimeout(fallback);
      once();
    }, 0);
  });
  return () => {
    done = true;
    clearTimeout(fallback);
    cancelAnimationFrame(frame);
    if (afterFrame !== undefined) clearTimeout(afterFrame);
  };
}
