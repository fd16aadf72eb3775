import type { HttpError, ReportFormat } from '@harvest/shared'
import { reportPath } from '@harvest/shared'

/** A report file fetched from the server. */
export interface ReportFile {
  blob: Blob
  fileName: string
}

/** The file name a Content-Disposition header gives, preferring the UTF-8 `filename*`. */
export function fileNameFrom(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const extended = disposition.match(/filename\*=UTF-8''([^;]+)/i)?.[1]
  if (extended) {
    try {
      return decodeURIComponent(extended.trim())
    } catch {
      // A malformed encoding falls through to the plain name.
    }
  }
  return disposition.match(/filename="([^"]+)"/i)?.[1] ?? fallback
}

/**
 * Fetches a file with the token in the Authorization header rather than the address, so the
 * token stays out of the browser's history and of any server log in between.
 */
export async function fetchFile(path: string, token: string, fallbackName: string): Promise<ReportFile> {
  let response: Response
  try {
    response = await fetch(path, { headers: { authorization: `Bearer ${token}` } })
  } catch {
    throw new Error('cannot reach the server: check your connection and try again')
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as HttpError | null
    throw new Error(body?.message ?? `the server answered ${response.status}`)
  }
  return { blob: await response.blob(), fileName: fileNameFrom(response.headers.get('content-disposition'), fallbackName) }
}

/** Fetches the report in one format. */
export const fetchReport = (sessionId: string, format: ReportFormat, token: string): Promise<ReportFile> =>
  fetchFile(reportPath(sessionId, format), token, `harvest-report.${format}`)

/** Hands a fetched file to the browser as a download. */
export function saveFile({ blob, fileName }: ReportFile): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  document.body.append(link)
  link.click()
  link.remove()
  // Revoked later: some browsers read the blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
}
