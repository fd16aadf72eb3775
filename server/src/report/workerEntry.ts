import { runReportJob, type WorkerFormat } from './reportJob'
import type { ReportSources } from './ReportSources'

/** A request to the report process. */
export interface WorkerRequest {
  id: number
  sources: ReportSources
  format: WorkerFormat
}

/** The report process's answer: the rendered file, or why it failed. */
export type WorkerReply = { id: number; ok: true; body: string | Uint8Array } | { id: number; ok: false; message: string }

process.on('message', async ({ id, sources, format }: WorkerRequest) => {
  let reply: WorkerReply
  try {
    reply = { id, ok: true, body: await runReportJob(sources, format) }
  } catch (error) {
    reply = { id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) }
  }
  process.send?.(reply)
})
// The server that started this process is gone: nothing is left to answer.
process.on('disconnect', () => process.exit(0))
