/**
 * The download's file name, from the session's title and date: an ASCII fallback for old
 * clients and the full name through RFC 5987's `filename*`, so "Łódź" keeps its letters.
 */
export function contentDisposition(session: { title: string; date: string }, extension: string, prefix = 'Harvest report'): string {
  const base = `${prefix} - ${session.title} - ${session.date}`
  // Characters no file system takes, control characters and quotes are replaced.
  const safe = base.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, 150)
  const ascii = safe.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^\x20-\x7e]/g, '_').replace(/[%;\\]/g, '_')
  const encoded = encodeURIComponent(`${safe}.${extension}`).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
  return `attachment; filename="${ascii}.${extension}"; filename*=UTF-8''${encoded}`
}
