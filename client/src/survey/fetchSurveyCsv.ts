import type { HttpError } from '@harvest/shared'
import type { ReportFile } from '../report/reportFiles'
import { fileNameFrom } from '../report/reportFiles'

/** Fetches the survey's answers as CSV, the token in a header as for the report. */
export async function fetchSurveyCsv(sessionId: string, token: string): Promise<ReportFile> {
  let response: Response
  try {
    response = await fetch(`/api/sessions/${encodeURIComponent(sessionId)}/survey.csv`, { headers: { authorization: `Bearer ${token}` } })
  } catch {
    throw new Error('cannot reach the server: check your connection and try again')
  }
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as HttpError | null
    throw new Error(body?.message ?? `the server answered ${response.status}`)
  }
  return { blob: await response.blob(), fileName: fileNameFrom(response.headers.get('content-disposition'), 'feedback-survey.csv') }
}
