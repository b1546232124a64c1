// The prescription builder: a clinician ticks exercises, sets holds and
// repetitions inside the ranges docs/clinical.md allows (the routine's own, written
// into the page at build time), adds a note, and hands the patient a link or
// a QR code. The link carries the prescription itself (docs/embedding.md,
// "rx"); nothing is sent anywhere. The app validates it again when it opens.
const routine = JSON.parse(document.getElementById('routine').textContent);
const words = JSON.parse(document.getElementById('words').textContent);
const $ = (id) => document.getElementById(id);

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
  const note = $('note').value.trim().slice(0, 200);
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
  $('link').value = url.href;
  // qrcode-generator (npm), copied in at build time: type 0 = the smallest that fits, level M.
  const qr = qrcode(0, 'M');
  qr.addData(url.href);
  qr.make();
  const img = new Image();
  img.src = qr.createDataURL(6, 12);
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
update();
