// The accessible mirror: the canvas is opaque to screen readers, so every
// control the app lays out is also a real <button> here, with the same label,
// doing the same act(). Focusing one draws a ring over the control on the
// canvas, so keyboard users see where they are.

export class Mirror {
  constructor(root, ring, act) {
    this.root = root;
    this.ring = ring;
    this.act = act;
    this.key = '';
  }

  update(widgets, screen) {
    const key = JSON.stringify(widgets.map((w) => [w.id, w.label, w.enabled, w.checked]));
    if (key === this.key) { this.place(widgets); return; }
    const hadFocus = this.root.contains(document.activeElement);
    const focusedId = hadFocus ? document.activeElement.dataset.id : null;
    this.key = key;
    this.root.setAttribute('aria-label', `Unfurl: ${screen}`);
    this.root.replaceChildren(...widgets.map((w) => {
      const b = document.createElement('button');
      b.type = 'button';
      b.textContent = w.label;
      b.dataset.id = w.id;
      if (w.role === 'checkbox') { b.setAttribute('role', 'checkbox'); b.setAttribute('aria-checked', String(!!w.checked)); }
      if (!w.enabled) b.disabled = true;
      b.addEventListener('click', () => this.act(w.action, w.arg));
      b.addEventListener('focus', () => this.show(w.id));
      b.addEventListener('blur', () => { this.ring.hidden = true; });
      return b;
    }));
    this.widgets = widgets;
    if (hadFocus) {
      // Keep keyboard users where they were, or on the new screen's first control.
      const again = focusedId && this.root.querySelector(`[data-id="${CSS.escape(focusedId)}"]`);
      const target = again || this.root.querySelector('button');
      if (target) target.focus();
    }
  }

  place(widgets) {
    this.widgets = widgets;
    const f = document.activeElement;
    if (f && this.root.contains(f)) this.show(f.dataset.id);
  }

  show(id) {
    const w = (this.widgets || []).find((x) => x.id === id);
    if (!w) { this.ring.hidden = true; return; }
    Object.assign(this.ring.style, { left: `${w.x}px`, top: `${w.y}px`, width: `${w.w}px`, height: `${w.h}px` });
    this.ring.hidden = false;
  }
}
