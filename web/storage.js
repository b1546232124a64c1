// The stored history document (localStorage "unfurl:v1"). Rules from
// ARCHITECTURE.md: never lose data. Unreadable data is moved aside under its
// own key and never overwritten; a full quota or a storage-less iframe is
// reported and the app carries on.

export const KEY = 'unfurl:v1';
export const SCHEMA = 1;

function local() {
  try { return window.localStorage; } catch (e) { return null; }  // SecurityError in some iframes
}

export class Storage {
  constructor(keep, notify) {
    this.keep = keep;
    this.notify = notify;
    this.readOnly = false;
  }

  // Returns the raw document for the core, or '' when there is none usable.
  read() {
    if (!this.keep) return '';
    const ls = local();
    if (!ls) {
      this.notify('storage.denied', 'This page cannot save your history here (storage is blocked), so nothing will be remembered after you close it.');
      return '';
    }
    let raw = null;
    try { raw = ls.getItem(KEY); } catch (e) { return ''; }
    if (raw === null) return '';
    let doc = null;
    try { doc = JSON.parse(raw); } catch (e) { doc = null; }
    if (!doc || typeof doc !== 'object' || typeof doc.schema !== 'number') {
      const aside = `${KEY}:unreadable:${Date.now()}`;
      try {
        ls.setItem(aside, raw);
        ls.removeItem(KEY);
        this.notify('history.unreadable', 'Your saved history could not be read. It has been kept aside unchanged, and you can still export it.');
      } catch (e) {
        this.readOnly = true;  // could not move it: then never overwrite it either
        this.notify('history.unreadable', 'Your saved history could not be read, and there is no room to keep a copy aside, so Unfurl will not save over it.');
      }
      return '';
    }
    if (doc.schema > SCHEMA) this.readOnly = true;
    return raw;
  }

  write(json) {
    if (!this.keep || this.readOnly) return false;
    const ls = local();
    if (!ls) return false;
    try {
      ls.setItem(KEY, json);
      return true;
    } catch (e) {
      this.notify('storage.full', 'Your device storage is full, so this session could not be saved. Your earlier history is unchanged.');
      return false;
    }
  }

  raw() {
    const ls = local();
    try { return ls ? ls.getItem(KEY) : null; } catch (e) { return null; }
  }
}
