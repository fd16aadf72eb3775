import { parentPort } from 'node:worker_threads'
import { runReportJob, type WorkerFormat } from './reportJob'
import type { ReportSources } from './ReportSources'

/** A request to the report worker. */
export interface WorkerRequest {
  id: number
  sources: ReportSources
  format: WorkerFormat
}

/** The worker's answer: the rendered file, or why it failed. */
export type WorkerReply = { id: number; ok: true; body: string | Uint8Array } | { id: number; ok: false; message: string }

parentPort?.on('message', async ({ id, sources, format }: WorkerRequest) => {
  try {
    const body = await runReportJob(sources, format)
    parentPort?.postMessage({ id, ok: true, body } satisfies WorkerReply)
  } catch (error) {
    parentPort?.postMessage({ id, ok: false, message: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies WorkerReply)
  }
})
