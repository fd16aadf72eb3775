import { useState } from 'react'
import type { BreakoutRound, Topic } from '@harvest/shared'
import { rooms, topics } from '../../breakouts/breakoutCommands'
import { hostsOf, useMembers } from '../../breakouts/useMembers'

/** One proposed topic: who proposed it, who is interested, and opening it as a room. */
export function TopicItem({ round, topic, meId, manages, mayMark, joinable }: {
  round: BreakoutRound
  topic: Topic
  meId: string | null
  manages: boolean
  mayMark: boolean
  /** This person may join its room now (open round, open space). */
  joinable: boolean
}) {
  const { list, byId } = useMembers()
  const [hostId, setHostId] = useState(topic.proposerId)
  const [capacity, setCapacity] = useState('')
  const interested = meId !== null && topic.interested.includes(meId)
  const mayOpen = topic.roomId === null && (manages || (round.proposersOpen && topic.proposerId === meId))
  const room = topic.roomId ? round.rooms.find((r) => r.id === topic.roomId) : undefined

  function open() {
    const size = capacity.trim() ? Math.max(1, Math.round(Number(capacity))) : null
    void topics.open(round.id, topic.id, manages ? hostId || null : null, Number.isFinite(size) ? size : null)
  }

  return (
    <li className={room ? 'topic opened' : 'topic'} data-topic={topic.title}>
      <div className="topic-text">
        <strong>{topic.title}</strong>
        {topic.line && <span className="topic-line">{topic.line}</span>}
        <span className="muted small-text">by {byId.get(topic.proposerId)?.name ?? 'someone'}</span>
      </div>
      <div className="topic-actions">
        <span className="interest" title={topic.interested.map((id) => byId.get(id)?.name ?? '').filter(Boolean).join(', ')}>
          {topic.interested.length} interested
        </span>
        {mayMark && (
          <button className={interested ? 'small on' : 'small'} aria-pressed={interested} onClick={() => void topics.interest(round.id, topic.id, !interested)}>
            {interested ? '★ Interested' : '☆ Interested'}
          </button>
        )}
        {room && <span className="badge status-online">Room open</span>}
        {room && joinable && <button className="small primary" onClick={() => void rooms.join(round.id, room.id)}>Join</button>}
        {mayOpen && manages && (
          <>
            <select aria-label={`Host of ${topic.title}`} value={hostId} onChange={(e) => setHostId(e.target.value)}>
              {hostsOf(list).map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
            <input aria-label={`Capacity of ${topic.title}`} className="tiny-number" type="number" min={1} placeholder="cap." value={capacity} onChange={(e) => setCapacity(e.target.value)} />
          </>
        )}
        {mayOpen && <button className="small" onClick={open}>Open as room</button>}
      </div>
    </li>
  )
}
