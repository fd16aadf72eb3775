import { useState, type FormEvent } from 'react'
import type { Room } from '@harvest/shared'
import { BREAKOUT_LIMITS, can, checkMeetingLink } from '@harvest/shared'
import { rooms } from '../../breakouts/breakoutCommands'
import { hostsOf, useMembers } from '../../breakouts/useMembers'

/** Adds a room by hand, or edits one: name, topic, host, harvester, meeting link, capacity. */
export function RoomForm({ roundId, room, onDone }: { roundId: string; room?: Room; onDone?(): void }) {
  const { list } = useMembers()
  const [name, setName] = useState(room?.name ?? '')
  const [topic, setTopic] = useState(room?.topic ?? '')
  const [hostId, setHostId] = useState(room?.hostId ?? '')
  const [harvesterId, setHarvesterId] = useState(room?.harvesterId ?? '')
  const [link, setLink] = useState(room?.link ?? '')
  const [capacity, setCapacity] = useState(room?.capacity ? String(room.capacity) : '')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const hosts = hostsOf(list)
  const harvesters = hosts.filter((m) => can(m.role, 'harvest:write'))
  const checkedLink = checkMeetingLink(link)

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (!checkedLink.ok) return setError(checkedLink.message)
    const size = capacity.trim() === '' ? null : Number(capacity)
    if (size !== null && (!Number.isInteger(size) || size < 1)) return setError('Capacity is a whole number of people, or empty for no limit')
    const fields = { name: name.trim(), topic: topic.trim(), hostId: hostId || null, harvesterId: harvesterId || null, link: checkedLink.link, capacity: size }
    setBusy(true)
    const saved = room ? await rooms.update({ roundId, roomId: room.id, ...fields }) : await rooms.add({ roundId, ...fields })
    const refused = saved.ok ? null : saved.message
    setBusy(false)
    setError(refused)
    if (refused) return
    if (!room) {
      setName('')
      setTopic('')
      setLink('')
    }
    onDone?.()
  }

  return (
    <form className="room-form" noValidate aria-label={room ? `Edit ${room.name}` : 'Add a room'} onSubmit={(e) => void submit(e)}>
      <label>Room name<input value={name} maxLength={BREAKOUT_LIMITS.roomNameMax} required onChange={(e) => setName(e.target.value)} placeholder="e.g. Heat pumps" /></label>
      <label className="wide">Topic<input value={topic} maxLength={BREAKOUT_LIMITS.topicLineMax} onChange={(e) => setTopic(e.target.value)} placeholder="one line (optional)" /></label>
      <label>Host
        <select value={hostId} onChange={(e) => setHostId(e.target.value)}>
          <option value="">No host</option>
          {hosts.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </label>
      <label>Harvester
        <select value={harvesterId} onChange={(e) => setHarvesterId(e.target.value)}>
          <option value="">None</option>
          {harvesters.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
        </select>
      </label>
      <label className="wide">Meeting link
        <input value={link} type="url" inputMode="url" maxLength={BREAKOUT_LIMITS.linkMax} aria-invalid={!checkedLink.ok} onChange={(e) => setLink(e.target.value)} placeholder="https://… (optional)" />
      </label>
      <label className="narrow-field">Capacity<input value={capacity} type="number" min={1} max={1000} onChange={(e) => setCapacity(e.target.value)} placeholder="any" /></label>
      <div className="room-form-foot">
        <button className="primary" disabled={busy || !name.trim()}>{room ? 'Save room' : 'Add room'}</button>
        {room && <button type="button" onClick={onDone}>Cancel</button>}
        {!checkedLink.ok && <span className="error">{checkedLink.message}</span>}
        {error && checkedLink.ok && <span className="error" role="alert">{error}</span>}
      </div>
    </form>
  )
}
