import { useState, type FormEvent } from 'react'
import { LIMITS } from '@harvest/shared'
import { api } from '../api'
import { saveIdentity } from '../identity'
import { navigate } from '../route'
import { formatDay } from '../time/formatDate'

const today = () => new Date().toISOString().slice(0, 10)

/** Title, cluster, round and date; the creator becomes the session's first facilitator. */
export function CreateSessionForm() {
  const [title, setTitle] = useState('')
  const [cluster, setCluster] = useState('')
  const [round, setRound] = useState('')
  const [date, setDate] = useState(today)
  const [name, setName] = useState('')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    setError(null)
    try {
      const result = await api.createSession({ title, cluster, round, date, facilitatorName: name, cities: [] })
      saveIdentity({
        sessionId: result.session.id,
        token: result.memberToken,
        role: 'facilitator',
        name: result.member.name,
        title: result.session.title,
        savedAt: Date.now(),
      })
      navigate(`/s/${result.session.id}`)
    } catch (e) {
      setError((e as Error).message)
      setBusy(false)
    }
  }

  return (
    <form className="form" onSubmit={submit}>
      <label>
        Session title
        <input required maxLength={LIMITS.titleMax} value={title} onChange={(e) => setTitle(e.target.value)}
          placeholder="Round 2 sensemaking: looking back, looking ahead" />
      </label>
      <label>
        Cluster
        <input required maxLength={LIMITS.clusterMax} value={cluster} onChange={(e) => setCluster(e.target.value)}
          placeholder="Cluster 4: Decarbonising the Built Environment" />
      </label>
      <label>
        Programme round (optional)
        <input maxLength={LIMITS.clusterMax} value={round} onChange={(e) => setRound(e.target.value)} placeholder="Round 2" />
      </label>
      <div className="row">
        <label>
          Date
          <input required type="date" value={date} onChange={(e) => setDate(e.target.value)} aria-describedby="session-date-words" />
          {/* The date box writes the day as the browser's locale does (12/01/2026 can be read two ways): say it in words. */}
          <span id="session-date-words" className="muted date-words" aria-hidden="true">{formatDay(date)}</span>
        </label>
        <label className="grow">
          Your name (facilitator)
          <input required maxLength={LIMITS.nameMax} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <button className="primary" disabled={busy}>{busy ? 'Creating…' : 'Create session'}</button>
    </form>
  )
}
