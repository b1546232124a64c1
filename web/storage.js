// The stored history document (localStorage "unfurl:v1"). Rules from
// docs/architecture.md: never lose data. Unreadable data is moved aside under its
// own key and never overwritten; a full quota or a storage-less iframe is
// reported and the app carries on. Every write merges with what is stored at
// that moment — another tab, or the installed app, may have written since —
// and a write from another tab is merged into this one's view at once. The
// merging itself is the core's (merge_history), reached through `merge`.
//
// A write that is refused (the quota is full, or the browser says no) loses
// nothing: the app keeps what it carried and sends it again with every later
// write (`stored` tells it how each one went), and this tab keeps a copy in
// sessionStorage, where there is room, to give back after a reload (`unsaved`).

export const KEY = 'unfurl:v1';
const UNSAVED = `${KEY}:unsaved`;  // in sessionStorage: this tab's document that storage refused
const RESTARTED = `${KEY}:restarted`;  // in sessionStorage: the last start failed and its data was kept aside
const PATIENT = `${KEY}:patient`;  // the name and date of birth the report remembers (below)

function session() {
  try { return window.sessionStorage; } catch (e) { return null; }
}

function local() {
  try { return window.localStorage; } catch (e) { return null; }  // SecurityError in some iframes
}

export class Storage {
  // merge(stored) → the app's history merged with `stored`, as text to write ('' when it must not be).
  constructor(notify) {
    this.keep = false;      // until read() is told the page keeps a history: nothing is written before
    this.notify = notify;
    this.readOnly = false;
    this.lastSeen = null;   // the document as this tab last read or wrote it
    this.pending = null;
    this.merge = null;
    this.stored = null;     // stored(refused): '' when the write went in, else why not ('full' or 'refused')
    // judge(text): what the codec makes of a stored text ('ok', 'empty', 'unreadable', 'newer');
    // the only judge of it (docs/architecture.md: the shell reads nothing out of the document).
    this.judge = null;
  }

  // What this tab could not store before it was reloaded ('' when nothing waits).
  unsaved() {
    try { return session()?.getItem(UNSAVED) || ''; } catch (e) { return ''; }
  }

  // Another tab wrote: the app merges it in and shows it (onChange(text)). A
  // removed document ("delete all my data" over there) is onChange(null): the
  // app merges it as its own empty document, so this tab's next write does not
  // bring back what the person deleted. The shell writes no document of its own.
  watch(onChange) {
    window.addEventListener('storage', (e) => {
      if ((e.key !== KEY && e.key !== null) || e.newValue === this.lastSeen) return;
      this.lastSeen = e.key === KEY ? e.newValue : null;
      onChange(this.lastSeen);
    });
  }

  moveAside(ls, raw) {
    const aside = `${KEY}:unreadable:${Date.now()}`;
    try {
      ls.setItem(aside, raw);
      // Removed only once the copy is there, and only if nothing was written meanwhile.
      if (ls.getItem(aside) === raw && ls.getItem(KEY) === raw) ls.removeItem(KEY);
      this.notify('history.unreadable', 'notice.history_aside');
      return true;
    } catch (e) {
      this.readOnly = true;  // could not move it: then never overwrite it either
      this.notify('history.unreadable', 'notice.history_no_room');
      return false;
    }
  }

  // "Start again" on the page that says Unfurl could not start: what is
  // stored is kept aside as it is, and the next start says so (a mark in this
  // tab's sessionStorage), so History offers it for download. Never an erase.
  keepAsideForRestart() {
    const ls = local();
    let raw = null;
    try { raw = ls ? ls.getItem(KEY) : null; } catch (e) { raw = null; }
    if (raw === null) return true;
    const kept = this.moveAside(ls, raw);
    if (kept) try { session()?.setItem(RESTARTED, '1'); } catch (e) { /* the copy is kept all the same */ }
    return kept;
  }

  // "Delete all my data", confirmed in the app: the document and everything kept aside.
  eraseAll() {
    const ls = local();
    this.pending = null;
    try { session()?.removeItem(UNSAVED); } catch (e) { /* nothing kept there */ }
    if (!ls) return;
    try {
      for (const k of Object.keys(ls)) if (k === KEY || k.startsWith(`${KEY}:`)) ls.removeItem(k);
      this.lastSeen = null;
      this.readOnly = false;
    } catch (e) { /* storage went away: nothing left to erase here */ }
  }

  // Every document kept aside as unreadable, for download.
  asides() {
    const ls = local();
    const out = [];
    if (!ls) return out;
    try {
      for (let i = 0; i < ls.length; i++) {
        const k = ls.key(i);
        if (k && k.startsWith(`${KEY}:unreadable:`)) out.push({ key: k, text: ls.getItem(k) });
      }
    } catch (e) { /* storage went away: nothing to offer */ }
    return out;
  }

  // The stored document as it is, unjudged ('' when there is none, or when
  // the page keeps no history: then nothing stored is read): the codec
  // judges it (accept).
  read(keep) {
    this.keep = keep;
    if (!keep) return '';
    const ls = local();
    if (!ls) {
      this.notify('storage.denied', 'notice.storage_denied');
      return '';
    }
    try {
      if (session()?.getItem(RESTARTED)) {
        session().removeItem(RESTARTED);
        this.notify('history.unreadable', 'notice.history_aside_restart');
      }
    } catch (e) { /* no mark: nothing to say */ }
    try { return ls.getItem(KEY) ?? ''; } catch (e) { return ''; }
  }

  // What the codec made of `raw` (judge): one it cannot read is moved aside
  // before anything could be written over it, and not handed to the app; one
  // from a newer Unfurl is never overwritten. Returns what the app may read.
  accept(raw, verdict) {
    if (!raw) return '';
    if (verdict === 'unreadable') {
      const ls = local();
      if (ls) this.moveAside(ls, raw);
      return '';
    }
    if (verdict === 'newer') this.readOnly = true;
    this.lastSeen = raw;
    return raw;
  }


  // Called by the app in the middle of its frame: written as soon as it returns.
  write(json) {
    if (this.pending === null) queueMicrotask(() => this.flush());
    this.pending = json;
  }

  flush() {
    let text = this.pending;
    this.pending = null;
    if (!this.keep || this.readOnly || text === null) return;
    const ls = local();
    if (!ls) return;
    let current = null;
    try { current = ls.getItem(KEY); } catch (e) { current = null; }
    // Another tab may have written since we last looked: merge, never overwrite;
    // what the codec cannot read is moved aside first, exactly as the notice says.
    if (current !== null && this.judge && this.judge(current) === 'unreadable') {
      if (!this.moveAside(ls, current)) return;
      current = null;
    }
    // Merged even over nothing, so the app knows exactly what this write carries.
    if (this.merge) {
      text = this.merge(current ?? '');
      if (!text) { this.readOnly = true; return; }
    }
    let refused = '';
    try {
      ls.setItem(KEY, text);
      this.lastSeen = text;
    } catch (e) {
      refused = e && (e.name === 'QuotaExceededError' || e.code === 22) ? 'full' : 'refused';
    }
    try {
      if (refused) session()?.setItem(UNSAVED, text);
      else session()?.removeItem(UNSAVED);
    } catch (e) { /* no room there either: the app still holds it in memory */ }
    if (this.stored) this.stored(refused);
  }

  raw() {
    const ls = local();
    try { return ls ? ls.getItem(KEY) : null; } catch (e) { return null; }
  }
}

// The name and date of birth typed on the printed report (web/report.js),
// kept only while the person ticks "remember on this device": under their own
// key, never in the history (docs/architecture.md). Read as the codec reads a
// setting: what is not an object is nothing remembered, a field that is not
// text is empty. An entry that cannot be read is never removed unread: only
// the person's own choice replaces it (ticking "remember") or removes it
// ("delete all my data", eraseAll).
function readPatientEntry(ls) {
  let p = null;
  try { p = JSON.parse(ls.getItem(PATIENT) ?? 'null'); } catch (e) { return undefined; }
  if (p === null) return null;
  if (typeof p !== 'object' || Array.isArray(p)) return undefined;
  const text = (v) => (typeof v === 'string' ? v : '');
  return { name: text(p.name), dob: text(p.dob) };
}

// The remembered {name, dob}, or null when nothing is (or it cannot be read).
export function rememberedPatient() {
  const ls = local();
  if (!ls) return null;
  try { return readPatientEntry(ls) || null; } catch (e) { return null; }  // storage refused
}

// Keeps {name, dob}, or with null forgets the one remembered.
export function rememberPatient(p) {
  const ls = local();
  if (!ls) return;
  try {
    if (p) ls.setItem(PATIENT, JSON.stringify({ name: p.name, dob: p.dob }));
    else if (readPatientEntry(ls)) ls.removeItem(PATIENT);
  } catch (e) { /* storage refused: the report is printed all the same */ }
}
