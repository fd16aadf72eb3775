import { afterAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { PLENARY_AREA, addCard } from '@harvest/shared'
import { fixtureSessionInput } from './fixtureSession'
import type { ReportSources } from './ReportSources'
import { ReportWorker } from './ReportWorker'

/** Sources as the server reads them: the fixture session with one card on a real board document. */
function sources(): ReportSources {
  const input = fixtureSessionInput()
  const board = new Y.Doc()
  addCard(board, { id: 'c1', text: 'Rendered in its own process', authorId: 'm-ola', authorName: 'Ola', city: 'Łódź', cityKind: 'pilot', area: PLENARY_AREA })
  return { ...input, board: [Y.encodeStateAsUpdate(board)], harvest: [], survey: null }
}

describe('the report process', () => {
  const worker = new ReportWorker()
  afterAll(() => worker.close())

  it('builds and renders a report from the stored updates', async () => {
    const html = String(await worker.run(sources(), 'html'))
    expect(html).toContain('Rendered in its own process')
    const docx = await worker.run(sources(), 'docx')
    expect(docx).toBeInstanceOf(Uint8Array)
    expect(Buffer.from(docx as Uint8Array).subarray(0, 2).toString('latin1')).toBe('PK')
  }, 60_000)

  it('fails the job of a process that died, and starts afresh for the next', async () => {
    const job = worker.run(sources(), 'docx')
    ;(worker as unknown as { child: { kill(signal: string): void } }).child.kill('SIGKILL')
    await expect(job).rejects.toThrow(/report process stopped/)
    expect(String(await worker.run(sources(), 'md'))).toContain('Rendered in its own process')
  }, 60_000)
})
