// CSV export of report rows (RFC 4180 quoting, UTF-8 with BOM so spreadsheet programs read Chinese).

function cell(v) {
  if (v == null) { return ''; }
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** columns: [{key, label}]; rows: objects. */
export function toCsv(columns, rows) {
  const lines = [columns.map((c) => cell(c.label)).join(',')];
  for (const r of rows) { lines.push(columns.map((c) => cell(c.csv ? c.csv(r) : r[c.key])).join(',')); }
  return lines.join('\r\n') + '\r\n';
}

export function download(filename, text) {
  const blob = new Blob(['\ufeff', text], { type: 'text/csv;charset=utf-8' });
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = filename;
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}
