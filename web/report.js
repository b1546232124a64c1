// The clinician's report: a plain DOM page laid out from what the app made of
// the person's own history (every word included, src/model/model.cpp), with the
// stiffness plot as SVG. It holds every session, however many pages that
// takes: a running header (the name and the period) repeats on each printed
// page as the outer table's head, and the page numbers are @page margin
// boxes. It is printed, or saved as PDF, with the browser's own print; or, on
// phones with a share sheet, handed over as a standalone .html file (a PDF
// cannot be made in the page without a PDF library: docs/hosting.md).
// Nothing leaves the device unless the person sends it.
//
// The name and date of birth are typed here, printed, and kept only if the
// person ticks "remember": then under their own key, never in the history
// (web/storage.js keeps it, as it keeps everything stored).
//
// Not needed for the first frame: web/app.js fetches this file once that frame
// is drawn, as it does the wasm's deferred part.
import { rememberedPatient as remembered, rememberPatient } from './storage.js';
import { canShare, share } from './files.js';

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

// A sentence the app sent cut at its placeholders (the words around them), completed with these values in order.
const complete = (words, ...values) => words.reduce((out, w, i) => out + (i > 0 ? String(values[i - 1] ?? '') : '') + w, '');

// Before as circles, after as squares, on a 0–10 scale: readable in black and white.
function plot(points, labels) {
  const W = 640, H = 200, L = 28, R = 8, T = 8, B = 24;
  const s = svg('svg', { viewBox: `0 0 ${W} ${H}`, role: 'img', 'aria-label': labels.plot, class: 'report-plot' });
  const y = (v) => T + (H - T - B) * (1 - v / 10);
  const x = (i) => (points.length > 1 ? L + (W - L - R) * i / (points.length - 1) : (L + W - R) / 2);
  const r = points.length > 120 ? 1.5 : 4;  // years of mornings stay a readable line
  for (const v of [0, 5, 10]) {
    s.append(svg('line', { x1: L, x2: W - R, y1: y(v), y2: y(v), stroke: '#999', 'stroke-width': 1 }));
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
        ? svg('circle', { cx: x(i), cy: y(p[key]), r, fill: '#000' })
        : svg('rect', { x: x(i) - r, y: y(p[key]) - r, width: 2 * r, height: 2 * r, fill: '#666' }));
    });
    if (path) s.append(svg('path', { d: path, fill: 'none', stroke: key === 'before' ? '#000' : '#666', 'stroke-width': 1.5 }));
  }
  if (points.length) {
    const t = svg('text', { x: L, y: H - 6, 'font-size': 12 });
    t.textContent = `${points[0].date} – ${points[points.length - 1].date}   ● ${labels.before}   ■ ${labels.after}`;
    s.append(t);
  }
  return s;
}

// head: column names; rows: lists of cells, already in words.
function table(head, rows, cls) {
  const t = el('table', undefined, cls);
  const tr = el('tr');
  for (const h of head) tr.append(el('th', h));
  t.append(el('thead'));
  t.tHead.append(tr);
  const body = el('tbody');
  for (const row of rows) {
    const r = el('tr');
    for (const c of row) r.append(el('td', c));
    body.append(r);
  }
  t.append(body);
  return t;
}

// The printable report itself: one table whose head is the running header.
function build(data, patient) {
  const l = data.labels;
  const page = el('table', undefined, 'report-page');
  const head = el('div', undefined, 'report-head');
  const who = el('span', complete(l.patient, patient.name || '____________', patient.dob || '__________'), 'report-patient');
  head.append(el('span', l.title, 'report-head-title'), who, el('span', data.period, 'report-period'));
  const th = el('th');
  th.append(head);
  page.append(el('thead'));
  page.tHead.append(el('tr'));
  page.tHead.rows[0].append(th);
  const td = el('td');
  page.append(el('tbody'));
  page.tBodies[0].append(el('tr'));
  page.tBodies[0].rows[0].append(td);

  td.append(el('h1', l.title), el('p', data.made, 'report-made'), el('p', data.summary));
  if (data.note) td.append(el('p', data.note));
  td.append(el('h2', l.weeks), table(data.weeks.head, data.weeks.rows, 'report-weeks'));
  td.append(el('h2', `${l.routine}: ${data.routine_name}`));
  if (data.prescribed) td.append(el('p', l.prescribed));
  const doses = el('ul');
  for (const r of data.routine) doses.append(el('li', `${r.name} — ${r.dose}`));
  for (const c of data.changes) doses.append(el('li', c));
  td.append(doses, el('h2', l.plot), plot(data.plot, l), el('h2', l.safety));
  if (!data.safety.length) td.append(el('p', l.none));
  else {
    const list = el('ul');
    for (const s of data.safety) list.append(el('li', `${s.date}: ${s.text}`));
    td.append(list);
  }
  // Sections other parts of the app add (a title and rows of label and value), after the safety one.
  for (const s of data.sections || []) {
    td.append(el('h2', s.title));
    const rows = el('table', undefined, 'report-section');
    for (const [label, value] of s.rows) {
      const tr = el('tr');
      tr.append(el('th', label), el('td', value));
      rows.append(tr);
    }
    td.append(rows);
  }
  const all = el('section', undefined, 'report-all');
  all.append(el('h2', l.sessions), table(data.sessions.head, data.sessions.rows, 'report-sessions'));
  td.append(all);
  return { page, who };
}

// The page numbers, in the report's language: "Page 3 of 12" is a margin box
// of every printed page (Chromium 131 and later; elsewhere the pages go unnumbered).
let numbers = null;
function numberPages(words) {
  const [before = '', middle = '', after = ''] = words;
  const str = (s) => JSON.stringify(s);
  if (!numbers) {
    numbers = new CSSStyleSheet();
    document.adoptedStyleSheets = [...document.adoptedStyleSheets, numbers];
  }
  const rule = `@page { @bottom-right { content: ${str(before)} counter(page) ${str(middle)} counter(pages) ${str(after)}; font-size: 9pt; } }`;
  numbers.replaceSync(rule);
  return rule;
}

// data.remember is false where the page keeps nothing (history=0): no name is
// read, offered to keep, or stored.
export function rememberedPatient(data) {
  const p = data.remember ? remembered() : null;
  return p ? { ...p, remember: true } : { name: '', dob: '', remember: false };
}

// The report's own rules from the page's stylesheets, for the standalone file.
function reportCss(pageRule) {
  const rules = [];
  for (const sheet of document.styleSheets) {
    let list;
    try { list = sheet.cssRules; } catch (e) { continue; }
    for (const r of list) if (r.cssText.includes('#report') || r instanceof CSSPageRule) rules.push(r.cssText);
  }
  return `${rules.join('\n')}\n${pageRule}`;
}

// The printable report as one standalone HTML file: its words, its plot and
// its styles, no script. What is shared where a PDF cannot be made.
export function reportHtml(data, patient) {
  const { page } = build(data, patient);
  const css = reportCss(numberPages(data.labels.page)).replace(/<\//g, '<\\/');
  const title = el('title', data.labels.title);
  return `<!doctype html>\n<html lang="${data.lang}"><head><meta charset="utf-8">`
    + `<meta name="viewport" content="width=device-width,initial-scale=1">${title.outerHTML}<style>${css}</style></head>`
    + `<body class="reporting"><section id="report">${page.outerHTML}</section></body></html>\n`;
}

export function showReport(root, data) {
  const patient = rememberedPatient(data);
  root.replaceChildren();
  root.lang = data.lang;
  numberPages(data.labels.page);
  const { page, who } = build(data, patient);
  const { buttons, print } = reportButtons(root, data, patient);
  const bar = el('div', undefined, 'report-bar');
  bar.append(buttons, patientFields(data, patient, who));
  root.append(bar, page);
  root.hidden = false;
  document.body.classList.add('reporting');
  print.focus();
}

// Print, share where the share sheet takes files, and close.
function reportButtons(root, data, patient) {
  const l = data.labels;
  const buttons = el('div', undefined, 'report-buttons');
  const print = el('button', l.print);
  print.addEventListener('click', () => window.print());
  buttons.append(print);
  if (canShare()) {
    const send = el('button', l.share);
    send.addEventListener('click', () => share(data.file, 'text/html', reportHtml(data, patient)));
    buttons.append(send);
  }
  const close = el('button', l.close);
  close.addEventListener('click', () => { root.hidden = true; document.body.classList.remove('reporting'); });
  buttons.append(close);
  return { buttons, print };
}

// The name and date of birth: typed here, printed on every page (who);
// stored only while "remember" is ticked.
function patientFields(data, patient, who) {
  const l = data.labels;
  const field = (label, type, value, id) => {
    const wrap = el('label', label);
    const input = el('input');
    input.type = type;
    input.id = id;
    input.value = value;
    input.autocomplete = 'off';
    wrap.append(input);
    return { wrap, input };
  };
  const name = field(l.name, 'text', patient.name, 'report-name');
  name.input.maxLength = 80;
  const dob = field(l.dob, 'date', patient.dob, 'report-dob');
  const keep = el('label', undefined, 'report-remember');
  const tick = el('input');
  tick.type = 'checkbox';
  tick.id = 'report-remember';
  tick.checked = patient.remember;
  keep.append(tick, document.createTextNode(` ${l.remember}`));
  const update = () => {
    patient.name = name.input.value.trim();
    patient.dob = dob.input.value;
    patient.remember = data.remember && tick.checked;
    who.textContent = complete(l.patient, patient.name || '____________', patient.dob || '__________');
    if (data.remember) rememberPatient(patient.remember ? patient : null);
  };
  for (const input of [name.input, dob.input, tick]) input.addEventListener('input', update);
  tick.addEventListener('change', update);
  const fields = el('div', undefined, 'report-fields');
  fields.append(name.wrap, dob.wrap);
  if (data.remember) fields.append(keep);
  return fields;
}
