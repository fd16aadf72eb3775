import { useEffect, useState } from 'react'
import type { SnapshotDiff, SnapshotInfo } from '@harvest/shared'
import { boardCommands } from '../../board/boardCommands'
import { SnapshotDiffView } from './SnapshotDiffView'
import { formatMomentToSecond } from '../../time/formatDate'


/** The facilitator's history: the board's snapshots, what changed since each, and restoring. */
export function HistoryPanel() {
  const [snapshots, setSnapshots] = useState<SnapshotInfo[] | null>(null)
  const [picked, setPicked] = useState<string | null>(null)
  const [diff, setDiff] = useState<SnapshotDiff | null>(null)

  async function load() {
    const list = await boardCommands.listSnapshots()
    if (list.ok) setSnapshots([...list.data].sort((a, b) => b.at - a.at))
  }
  useEffect(() => void load(), [])

  async function pick(id: string) {
    setPicked(id)
    setDiff(null)
    const diff = await boardCommands.snapshotDiff(id)
    setDiff(diff.ok ? diff.data : null)
  }

  async function restoreBoard(s: SnapshotInfo) {
    if (!confirm(`Put the whole board back as it was at ${formatMomentToSecond(s.at)} (${s.cards} cards)? Everyone's later changes are replaced.`)) return
    if ((await boardCommands.restoreBoard(s.id)).ok) {
      setDiff(null)
      void load()
    }
  }

  return (
    <section className="history" aria-label="History">
      <div className="history-head">
        <h2>History</h2>
        <button onClick={() => void load()}>Refresh</button>
      </div>
      {snapshots === null && <p className="muted">Loading snapshots…</p>}
      {snapshots?.length === 0 && <p className="muted">No snapshots yet: the server keeps one as the board changes.</p>}
      <div className="history-body">
        <ul className="snapshot-list">
          {snapshots?.map((s) => (
            <li key={s.id} className={s.id === picked ? 'on' : ''}>
              <button className="link" onClick={() => void pick(s.id)}>{formatMomentToSecond(s.at)}</button>
              <span className="muted"> · {s.cards} {s.cards === 1 ? 'card' : 'cards'}</span>
              <button className="link danger" onClick={() => void restoreBoard(s)}>Restore board</button>
            </li>
          ))}
        </ul>
        {picked && (diff ? <SnapshotDiffView snapshotId={picked} diff={diff} onRestored={() => void pick(picked)} /> : <p className="muted">Comparing…</p>)}
      </div>
    </section>
  )
}
