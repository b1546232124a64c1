// The prescription builder: a clinician ticks exercises, sets holds and
// repetitions inside the ranges docs/clinical.md allows (the routine's own, written
// into the page at build time), adds a note, and hands the patient a link or
// a QR code. The link carries the prescription itself (docs/embedding.md,
// "rx"); nothing is sent anywhere. The app validates it again when it opens.
import { generate, correction } from './qrcode.js';

const routine = JSON.parse(document.getElementById('routine').textContent);
const words = JSON.parse(document.getElementById('words').textContent);
const languages = JSON.parse(document.getElementById('languages').textContent);
const $ = (id) => document.getElementById(id);

// The builder's own language is the one the app would choose on this page
// with nothing stored (?lang=, else the browser's languages, else English;
// docs/languages.md). The rule is the model's alone (model::choose_language,
// src/model/configuration.cpp): it is asked of the app's own wasm
// (unfurl_early, as web/app.js asks it before the app starts), never repeated
// here, so the two cannot choose differently. The person's choice in the
// app's Settings is not the clinician's: no stored document is handed in. Its
// words come in English with the page; another language's are in that
// language's file, as the app's are (a wasm or a file that cannot be fetched
// leaves the page in English).
async function chooseLanguage() {
  const config = Object.fromEntries(new URLSearchParams(location.search).entries());
  config.langs = (navigator.languages || [navigator.language || 'en']).join(',');
  try {
    const M = await createUnfurl({ print: () => {}, printErr: () => {} });
    return JSON.parse(M.UTF8ToString(M.call('_unfurl_early', '', JSON.stringify(config)))).lang;
  } catch (e) {
    return 'en';
  }
}
let lang = 'en';

async function localise() {
  lang = await chooseLanguage();
  if (lang === 'en') return;
  let file = null;
  try {
    const r = await fetch(`i18n/${lang}.json`);
    file = r.ok ? await r.json() : null;
  } catch (e) { file = null; }
  if (!file) return;
  document.documentElement.lang = lang;
  for (const el of document.querySelectorAll('[data-t]')) if (file[el.dataset.t]) el.textContent = file[el.dataset.t];
  for (const el of document.querySelectorAll('[data-t-label]')) if (file[el.dataset.tLabel]) el.setAttribute('aria-label', file[el.dataset.tLabel]);
  for (const key of Object.keys(words)) if (file[`rx.${key}`]) words[key] = file[`rx.${key}`];
  for (const e of routine) if (file[`ex.${e.id}.name`]) e.name = file[`ex.${e.id}.name`];
}

// Every other language's builder, each named in itself; and the patient's language for the link.
function languageChoices() {
  for (const l of languages) {
    if (l.code !== lang) {
      const a = Object.assign(document.createElement('a'), { href: `?lang=${l.code}`, hreflang: l.code, lang: l.code, textContent: l.name });
      $('languages-nav').append(a, ' ');
    }
    $('patient-lang').append(Object.assign(document.createElement('option'), { value: l.code, lang: l.code, textContent: l.name }));
  }
}

function number(id, label, value, [min, max]) {
  const wrap = document.createElement('label');
  wrap.textContent = `${label} (${min}–${max}) `;
  const input = document.createElement('input');
  Object.assign(input, { type: 'number', id, min, max, step: 1, value });
  // Said next to the field, not silently corrected: the clinician sees which dose the link keeps.
  const warning = document.createElement('span');
  Object.assign(warning, { id: `${id}-warning`, className: 'warning', hidden: true, textContent: words.out_of_range });
  input.setAttribute('aria-describedby', warning.id);
  wrap.append(input, warning);
  return wrap;
}

function exerciseRows() {
  for (const e of routine) {
    const row = document.createElement('div');
    row.className = 'exercise';
    const tick = document.createElement('label');
    const box = document.createElement('input');
    Object.assign(box, { type: 'checkbox', id: `on-${e.id}`, checked: true });
    tick.append(box, ` ${e.name}${e.sided ? ` · ${words.sided}` : ''}`);
    row.append(tick, number(`hold-${e.id}`, words.hold, e.hold_s, e.hold_range));
    if (e.reps_range[1] > 1) row.append(number(`reps-${e.id}`, words.reps, e.reps, e.reps_range));
    $('exercises').append(row);
  }
}

// A value outside the range keeps the usual dose, and its field says so.
function dose(input, [min, max], usual) {
  const v = Number(input.value);
  const ok = input.value !== '' && Number.isInteger(v) && v >= min && v <= max;
  input.setAttribute('aria-invalid', String(!ok));
  document.getElementById(`${input.id}-warning`).hidden = ok;
  return ok ? v : usual;
}

// base64url of UTF-8 JSON: what the app's rx parameter reads.
function encode(obj) {
  const bytes = new TextEncoder().encode(JSON.stringify(obj));
  let bin = '';
  bytes.forEach((b) => { bin += String.fromCharCode(b); });
  return btoa(bin).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function prescription() {
  const exercises = [];
  for (const e of routine) {
    if (!$(`on-${e.id}`).checked) continue;
    const hold = dose($(`hold-${e.id}`), e.hold_range, e.hold_s);
    const repsInput = $(`reps-${e.id}`);
    const reps = repsInput ? dose(repsInput, e.reps_range, e.reps) : e.reps;
    exercises.push(hold === e.hold_s && reps === e.reps ? e.id : { id: e.id, hold_s: hold, reps });
  }
  if (!exercises.length) return null;
  const rx = { exercises };
  if ($('cap').value) rx.range_cap = Number($('cap').value);
  const note = $('note').value.trim();
  if (note) rx.note = note;
  return rx;
}

function update() {
  const rx = prescription();
  $('error').hidden = !!rx;
  $('copy').disabled = !rx;
  $('qr').replaceChildren();
  if (!rx) { $('link').value = ''; return; }
  const url = new URL('./', location.href);
  url.searchParams.set('rx', encode(rx));
  // The patient's language, when the clinic knows it; else the app follows their phone.
  if ($('patient-lang').value) url.searchParams.set('lang', $('patient-lang').value);
  $('link').value = url.href;
  // lean-qr (npm), copied in at build time: the smallest version that fits, at least level M,
  // one pixel per module with the standard quiet zone of 4, then 6 device pixels per module.
  const code = generate(url.href, { minCorrectionLevel: correction.M });
  const modules = document.createElement('canvas');
  code.toCanvas(modules, { pad: 4, on: [0, 0, 0], off: [255, 255, 255] });
  const scaled = document.createElement('canvas');
  scaled.width = modules.width * 6;
  scaled.height = modules.height * 6;
  const g = scaled.getContext('2d');
  g.imageSmoothingEnabled = false;
  g.drawImage(modules, 0, 0, scaled.width, scaled.height);
  const img = new Image();
  img.src = scaled.toDataURL();
  img.alt = '';
  $('qr').append(img);
}

$('rx').addEventListener('input', update);
$('copy').addEventListener('click', async () => {
  try {
    await navigator.clipboard.writeText($('link').value);
    $('copied').textContent = words.copied;
  } catch (e) {
    $('link').select();  // no clipboard here: the link is selected for the person to copy
  }
});
localise().then(() => {
  languageChoices();
  exerciseRows();
  update();
});
