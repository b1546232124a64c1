// The accessible mirror: the canvas is opaque to screen readers, so every
// word and control the app lays out is also here, in reading order — the
// screen's heading, its paragraphs, and real <button>s with the same labels
// doing the same act(). Focusing a control draws a ring over it on the
// canvas, so keyboard users see where they are.
//
// A control whose action takes a file the person picks ("restore") is a real
// <input type="file"> in both places: a browser opens its file picker only
// for a tap or a key on one. On the canvas, a transparent one lies exactly
// over the control's rect (the widget list knows it); in the mirror, a label
// holds one.

const FILE_ACTION = 'restore';

function fileInput(pick) {
  const input = document.createElement('input');
  input.type = 'file';
  input.accept = '.json,application/json';
  input.addEventListener('change', () => {
    const file = input.files && input.files[0];
    input.value = '';  // the same file picked again is read again
    pick(file);
  });
  return input;
}

export class Mirror {
  // pick(file): a file the person picked for a file control.
  constructor(root, ring, act, pick) {
    this.root = root;
    this.ring = ring;
    this.act = act;
    this.pick = pick;
    this.key = '';
    this.screen = '';
    // Pointer users' file input, over the canvas; keyboards and screen readers use the mirror's.
    this.overlay = fileInput(pick);
    this.overlay.id = 'file-overlay';
    this.overlay.tabIndex = -1;
    this.overlay.setAttribute('aria-hidden', 'true');
    this.overlay.hidden = true;
    document.body.append(this.overlay);
  }

  // Over the file control on screen, or nowhere: it follows the control as the screen scrolls.
  cover(widgets) {
    const w = widgets.find((x) => x.action === FILE_ACTION && x.enabled && x.visible !== false);
    this.overlay.hidden = !w;
    if (!w) return;
    Object.assign(this.overlay.style, { left: `${w.x}px`, top: `${w.y}px`, width: `${w.w}px`, height: `${w.h}px` });
    this.overlay.setAttribute('aria-label', w.label);
  }

  update(widgets, screen, texts) {
    this.cover(widgets);
    const key = JSON.stringify([widgets.map((w) => [w.id, w.label, w.enabled, w.checked]), texts]);
    if (key === this.key) { this.place(widgets); return; }
    const hadFocus = this.root.contains(document.activeElement);
    const focusedId = hadFocus ? document.activeElement.dataset.id : null;
    const newScreen = screen !== this.screen;
    this.key = key;
    this.screen = screen;
    const nodes = this.nodes(widgets, texts);
    // The first heading names the screen; focus lands on it when the screen changes.
    const heading = nodes.find((n) => n.tagName === 'H2');
    if (heading) { heading.tabIndex = -1; heading.dataset.heading = '1'; }
    this.root.replaceChildren(...nodes);
    this.root.setAttribute('aria-label', heading ? heading.textContent : screen);
    this.widgets = widgets;
    if (hadFocus) {
      const again = !newScreen && focusedId && this.root.querySelector(`[data-id="${CSS.escape(focusedId)}"]`);
      (again || heading || this.root.querySelector('button'))?.focus();
    }
  }

  // The screen in reading order: each text (texts[].at) before the control it precedes.
  nodes(widgets, texts) {
    const nodes = [];
    let t = 0;
    const addTexts = (upTo) => {
      for (; t < texts.length && texts[t].at <= upTo; ++t) {
        const el = document.createElement(texts[t].role === 'heading' ? 'h2' : 'p');
        el.textContent = texts[t].text;
        nodes.push(el);
      }
    };
    let group = null;
    widgets.forEach((w, i) => {
      addTexts(i);
      if (w.action === FILE_ACTION) {
        nodes.push(this.fileControl(w));
        group = null;
        return;
      }
      const b = this.control(w);
      if (w.role !== 'radio') {
        nodes.push(b);
        group = null;
        return;
      }
      if (!group || group.getAttribute('aria-label') !== w.group) {
        group = this.radioGroup(w.group);
        nodes.push(group);
      }
      group.append(b);
    });
    // A group whose choice is not on this screen still needs one radio Tab reaches.
    for (const g of nodes.filter((n) => n.getAttribute && n.getAttribute('role') === 'radiogroup'))
      if (!g.querySelector('[tabindex="0"]') && g.firstChild) g.firstChild.tabIndex = 0;
    addTexts(Infinity);
    return nodes;
  }

  // A file control: a label holding a real file input.
  fileControl(w) {
    const label = document.createElement('label');
    label.textContent = w.label;
    const input = fileInput(this.pick);
    input.dataset.id = w.id;
    if (!w.enabled) input.disabled = true;
    input.addEventListener('focus', () => this.show(w.id));
    input.addEventListener('blur', () => { this.ring.hidden = true; });
    label.append(input);
    return label;
  }

  // A link is followed by the browser itself (tel: opens the dialler); every other control acts.
  control(w) {
    const b = document.createElement(w.href ? 'a' : 'button');
    if (w.href) { b.href = w.href; b.target = '_top'; } else b.type = 'button';
    b.textContent = w.label;
    b.dataset.id = w.id;
    if (w.role === 'checkbox' || w.role === 'radio') { b.setAttribute('role', w.role); b.setAttribute('aria-checked', String(!!w.checked)); }
    if (w.role === 'radio') b.tabIndex = w.checked ? 0 : -1;
    if (!w.enabled) b.disabled = true;
    if (!w.href) b.addEventListener('click', () => this.act(w.action, w.arg));
    b.addEventListener('focus', () => {
      // A control scrolled out of sight is brought on screen when the keyboard reaches it.
      const now = (this.widgets || []).find((x) => x.id === w.id);
      if (now && (now.visible === false || now.clipped)) this.act('reveal', w.id);
      this.show(w.id);
    });
    b.addEventListener('blur', () => { this.ring.hidden = true; });
    return b;
  }

  // A radio group is one stop for Tab: the chosen radio takes focus, and the
  // arrow keys move to the next or previous choice and choose it.
  radioGroup(name) {
    const group = document.createElement('div');
    group.setAttribute('role', 'radiogroup');
    group.setAttribute('aria-label', name || '');
    group.addEventListener('keydown', (e) => this.arrow(e));
    return group;
  }

  arrow(e) {
    const step = { ArrowDown: 1, ArrowRight: 1, ArrowUp: -1, ArrowLeft: -1 }[e.key];
    if (!step) return;
    e.preventDefault();
    const radios = [...e.currentTarget.querySelectorAll('[role="radio"]')];
    const next = radios[(radios.indexOf(document.activeElement) + step + radios.length) % radios.length];
    next.focus();
    next.click();
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
