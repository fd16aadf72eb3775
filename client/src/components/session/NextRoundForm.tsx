import { useState, type FormEvent } from 'react'
import { LIMITS } from '@harvest/shared'
import { sessionLife } from '../../commands'
import { saveIdentity } from '../../identity'
import { navigate } from '../../route'

/** "New session from this one": names the next round and moves the facilitator into it. */
export function NextRoundForm() {
  const [open, setOpen] = useState(false)
  const [round, setRound] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  if (!open) return <button type="button" onClick={() => setOpen(true)}>New session from this one</button>

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    const reply = await sessionLife.next(round)
    setBusy(false)
    if (!reply.ok) return setError(reply.message)
    const { session, member, memberToken } = reply.data
    saveIdentity({ sessionId: session.id, token: memberToken, role: member.role, name: member.name, title: session.title, savedAt: Date.now() })
    navigate(`/s/${encodeURIComponent(session.id)}`)
  }

  return (
    <form className="next-round" onSubmit={submit}>
      <label>
        Next round
        <input required autoFocus maxLength={LIMITS.clusterMax} value={round} onChange={(e) => setRound(e.target.value)} placeholder="Round 3" />
      </label>
      <button className="primary" disabled={busy}>{busy ? 'Creating…' : 'Create'}</button>
      <button type="button" className="link" onClick={() => setOpen(false)}>Cancel</button>
      <p className="muted small-text">Copies the agenda, the cities and the storyteller queue; not the cards, not the clocks.</p>
      {error && <p className="error" role="alert">{error}</p>}
    </form>
  )
}
