// Coalesces work to once per animation frame per key, so a burst of live events costs one render.
const pending = new Map();
let scheduled = false;

export function schedule(key, fn) {
  pending.set(key, fn);
  if (!scheduled) {
    scheduled = true;
    requestAnimationFrame(() => {
      scheduled = false;
      const work = [...pending.values()];
      pending.clear();
      for (const f of work) {
        try { f(); } catch (e) { console.warn(e); }
      }
    });
  }
}

/**
 * Highlights an element that just changed. A Web Animation restarts without the forced synchronous
 * layout that re-adding a CSS animation class needs (one per live event added up to long tasks).
 */
export function flash(el) {
  if (el.animate) {
    el.animate([{ background: 'rgba(63,182,168,.35)' }, { background: 'transparent' }], { duration: 1600, easing: 'ease-out' });
  }
}

/** Writes text only when it differs: unchanged cells cost no layout or paint. */
export function setText(el, text) {
  if (el && el.textContent !== text) { el.textContent = text; }
}
