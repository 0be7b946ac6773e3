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

export function flash(el) {
  el.classList.remove('flash');
  void el.offsetWidth; // reflow, so the animation plays again
  el.classList.add('flash');
}
