import { useState, type FormEvent } from 'react'
import type { BreakoutRound } from '@harvest/shared'
import { BREAKOUT_LIMITS, can } from '@harvest/shared'
import { topics } from '../../breakouts/breakoutCommands'
import { useSessionStore } from '../../stores/useSessionStore'
import { TopicItem } from './TopicItem'

/**
 * The open-space marketplace, live: propose a topic (a title and one line), mark interest, and
 * (facilitators, or proposers when allowed) open topics as rooms.
 */
export function Marketplace({ round, joinable }: { round: BreakoutRound; joinable: boolean }) {
  const role = useSessionStore((s) => s.state?.you.role ?? 'observer')
  const meId = useSessionStore((s) => s.state?.you.memberId ?? null)
  const [title, setTitle] = useState('')
  const [line, setLine] = useState('')
  const [error, setError] = useState<string | null>(null)
  const mayPropose = can(role, 'topics:propose') && meId !== null
  const manages = can(role, 'breakouts:manage')
  // Most wanted first; opened topics after the ones still waiting for a room.
  const sorted = [...round.topics].sort((a, b) => Number(a.roomId !== null) - Number(b.roomId !== null) || b.interested.length - a.interested.length)

  async function propose(event: FormEvent) {
    event.preventDefault()
    const proposed = await topics.propose(round.id, title.trim(), line.trim())
    const refused = proposed.ok ? null : proposed.message
    setError(refused)
    if (!refused) {
      setTitle('')
      setLine('')
    }
  }

  return (
    <section className="marketplace" aria-label="Topics marketplace">
      <h3>Topics <span className="count">{round.topics.length}</span></h3>
      {mayPropose && (
        <form className="topic-form" aria-label="Propose a topic" onSubmit={(e) => void propose(e)}>
          <input aria-label="Topic title" value={title} maxLength={BREAKOUT_LIMITS.roomNameMax} placeholder="Propose a topic…" onChange={(e) => setTitle(e.target.value)} />
          <input aria-label="Topic in one line" className="grow" value={line} maxLength={BREAKOUT_LIMITS.topicLineMax} placeholder="…in one line: what you want to talk about" onChange={(e) => setLine(e.target.value)} />
          <button className="primary" disabled={!title.trim()}>Propose</button>
          {error && <span className="error" role="alert">{error}</span>}
        </form>
      )}
      {sorted.length === 0 && <p className="muted">No topics yet{mayPropose ? ': propose the conversation you want to have.' : '.'}</p>}
      <ul className="topic-list">
        {sorted.map((topic) => (
          <TopicItem key={topic.id} round={round} topic={topic} meId={meId} manages={manages} mayMark={mayPropose} joinable={joinable} />
        ))}
      </ul>
    </section>
  )
}
