// The clinician's report: a plain DOM page laid out from what the app made of
// the person's own history (words included), with the stiffness plot as SVG.
// It is printed, or saved as PDF, with the browser's own print; nothing leaves
// the device unless the person sends it.
const SVG = 'http://www.w3.org/2000/svg';

function el(tag, text, cls) {
  const e = document.createElement(tag);
  if (text !== undefined) e.textContent = text;
  if (cls) e.className = cls;
  return e;
}

function svg(tag, attrs) {
  const e = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  return e;
}

// Before as circles, after as squares, on a 0–10 scale: readable in black and white.
function plot(points, labels) {
  const W = 640, H = 200, L = 28, R = 8, T = 8, B = 24;
  const s = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': labels.plot, class: 'report-plot' });
  const y = (v) => T + (H - T - B) * (1 - v / 10);
  const x = (i) => (points.length > 1 ? L + (W - L - R) * i / (points.length - 1) : (L + W - R) / 2);
  for (const v of [0, 5, 10]) {
    s.append(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#bbb', 'stroke-width': 1 }));
    const t = svg('text', { x: 2, y: y(v) + 4, 'font-size': 12 });
    t.textContent = String(v);
    s.append(t);
  }
  for (const [key, shape] of [['before', 'circle'], ['after', 'rect']]) {
    let path = '';
    points.forEach((p, i) => {
      if (p[key] === null) return;
      path += `${path ? 'L' : 'M'}${x(i)},${y(p[key])}`;
      s.append(shape === 'circle'
        ? svg('circle', { cx: x(i), cy: y(p[key]), r: 4, fill: '#222' })
        : svg('rect', { x: x(i) - 4, y: y(p[key]) - 4, width: 8, height: 8, fill: '#777' }));
    });
    if (path) s.append(svg('path', { d: path, fill: 'none', stroke: key === 'before' ? '#222' : '#777', 'stroke-width': 1.5 }));
  }
  if (points.length) {
    const t = svg('text', { x: L, y: H - 6, 'font-size': 12 });
    t.textContent = `${points[0].date} – ${points[points.length - 1].date}   ● ${labels.before}   ■ ${labels.after}`;
    s.append(t);
  }
  return s;
}

export function showReport(root, data) {
  const l = data.labels;
  root.replaceChildren();
  root.lang = data.lang;
  const bar = el('div', undefined, 'report-bar');
  const print = el('button', l.print);
  print.addEventListener('click', () => window.print());
  const close = el('button', l.close);
  close.addEventListener('click', () => { root.hidden = true; document.body.classList.remove('reporting'); });
  bar.append(print, close);
  root.append(bar, el('h1', l.title), el('p', data.made, 'report-made'), el('p', data.summary));
  if (data.note) root.append(el('p', data.note));
  root.append(el('h2', `${l.routine}: ${data.routine_name}`));
  const doses = el('ul');
  for (const r of data.routine) doses.append(el('li', `${r.name} — ${r.dose}`));
  root.append(doses, el('h2', l.plot), plot(data.plot, l), el('h2', l.safety));
  if (!data.safety.length) root.append(el('p', l.none));
  else {
    const list = el('ul');
    for (const s of data.safety) list.append(el('li', `${s.date}: ${s.text}`));
    root.append(list);
  }
  // The one-time health questions and the inflammatory-pattern questions, each with its answers.
  for (const section of data.sections || []) {
    const rows = el('table', undefined, 'report-answers');
    for (const [label, value] of section.rows) {
      const tr = el('tr');
      tr.append(el('td', label), el('td', value));
      rows.append(tr);
    }
    root.append(el('h2', section.title), rows);
  }
  root.append(el('h2', l.sessions));
  const table = el('table');
  const dash = (v) => (v === null ? '–' : String(v));
  // The last 40 sessions keep the report to one printed page.
  for (const s of data.sessions.slice(-40).reverse()) {
    const tr = el('tr');
    tr.append(el('td', s.date), el('td', s.outcome), el('td', `${dash(s.before)} → ${dash(s.after)}`));
    table.append(tr);
  }
  root.append(table);
  root.hidden = false;
  document.body.classList.add('reporting');
  print.focus();
}

// A file the person keeps: their sessions as CSV.
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = el('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
