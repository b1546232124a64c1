// The files a person keeps: downloaded, or handed to the phone's share sheet
// where it takes files. Kept apart from the report (web/report.js) so the
// recovery page can download the stored history before anything else loads.

// Where the browser's share sheet takes files (the check itself makes no file).
export function canShare() {
  try {
    const probe = (name, type) => new File([''], name, { type });
    return !!navigator.canShare && navigator.canShare({ files: [probe('a.csv', 'text/csv'), probe('a.html', 'text/html')] });
  } catch (e) {
    return false;
  }
}

// Saved to the device: the sessions as CSV, a backup, the report.
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

// To the share sheet, on the activation of the tap that asked for it; where
// sharing fails for any reason but the person's own cancel, the download instead.
export async function share(name, type, text) {
  const file = new File([text], name, { type });
  // A type this share sheet does not take (a backup's JSON, on some phones) is downloaded instead.
  if (navigator.canShare && !navigator.canShare({ files: [file] })) { download(name, type, text); return; }
  try {
    await navigator.share({ files: [file] });
  } catch (e) {
    if (!e || e.name !== 'AbortError') download(name, type, text);
  }
}
