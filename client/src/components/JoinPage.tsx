import { useEffect, useState, type FormEvent } from 'react'
import type { CityKind, InviteInfo } from '@harvest/shared'
import { LIMITS, ROLE_LABELS, can, isParticipant } from '@harvest/shared'
import { api } from '../api'
import { loadIdentity, saveIdentity } from '../identity'
import { navigate } from '../route'
import { formatDay } from '../time/formatDate'

const ROLE_HINTS = {
  facilitator: 'You will run the agenda, the clocks and the breakouts.',
  harvester: 'You will capture insights as they happen and shape the harvest.',
  participant: 'Tell your city’s story, add notes to the board and join the breakouts.',
  observer: 'You can follow the session and the board; you cannot change them.',
} as const

/** An invitation link: who you are, and for participants, which city you speak for. */
export function JoinPage({ token }: { token: string }) {
  const [invite, setInvite] = useState<InviteInfo | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [name, setName] = useState('')
  const [city, setCity] = useState('')
  const [cityKind, setCityKind] = useState<CityKind | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    api.readInvite(token).then(setInvite, (e: Error) => setLoadError(e.message))
  }, [token])

  if (loadError) {
    return (
      <main className="narrow">
        <h1>This link does not open a session</h1>
        <p className="error" role="alert">{loadError}</p>
      </main>
    )
  }
  if (!invite) return <main className="narrow"><p className="muted">Opening the invitation…</p></main>

  const { session, role } = invite
  const known = loadIdentity(session.id)
  const participant = isParticipant(role)

  function pickCity(value: string) {
    setCity(value)
    const match = session.cities.find((c) => c.name.toLowerCase() === value.trim().toLowerCase())
    if (match) setCityKind(match.kind)
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    if (participant && !cityKind) return setError('Say whether your city is a pilot city or a twin city.')
    setBusy(true)
    setError(null)
    try {
      const result = await api.join({ token, name, city, cityKind: participant ? cityKind : null })
      saveIdentity({ sessionId: session.id, token: result.memberToken, role, name: result.member.name, title: session.title, savedAt: Date.now() })
      navigate(`/s/${session.id}`, true)
    } catch (e) {
      setError((e as Error).message)
      setBusy(false)
    }
  }

  function watch() {
    saveIdentity({ sessionId: session.id, token, role, name: null, title: session.title, savedAt: Date.now() })
    navigate(`/s/${session.id}`, true)
  }

  // An ended session admits nobody new; its link still opens it read-only, for those who missed it.
  if (invite.endedAt !== null) {
    return (
      <main className="narrow">
        <header className="brand">
          <p className="eyebrow">{session.cluster} · {formatDay(session.date)}</p>
          <h1>{session.title}</h1>
          <p className="lede">This session has ended. You can read its board, its harvest and its report; nothing can be changed.</p>
        </header>
        <button className="primary" onClick={watch}>Open the ended session</button>
      </main>
    )
  }

  return (
    <main className="narrow">
      <header className="brand">
        <p className="eyebrow">{session.cluster} · {formatDay(session.date)}</p>
        <h1>{session.title}</h1>
        <p className="lede">
          You are invited as <strong>{ROLE_LABELS[role].toLowerCase()}</strong>. {ROLE_HINTS[role]}
        </p>
      </header>
      {known && known.role === role && (
        <p className="panel notice">
          This browser has already joined as <strong>{known.name ?? 'a guest'}</strong>.{' '}
          <a href={`/s/${session.id}`}>Continue as {known.name ?? 'guest'}</a>, or join again below as someone else.
        </p>
      )}
      <form className="form panel" onSubmit={submit}>
        <label>
          Your name
          <input required autoFocus maxLength={LIMITS.nameMax} value={name} onChange={(e) => setName(e.target.value)} />
        </label>
        {can(role, 'board:write') && (
          <label>
            {participant ? 'Your city' : 'Your city or organisation (optional)'}
            <input required={participant} maxLength={LIMITS.cityMax} list="session-cities" value={city}
              onChange={(e) => pickCity(e.target.value)} />
            <datalist id="session-cities">
              {session.cities.map((c) => <option key={c.name} value={c.name} />)}
            </datalist>
          </label>
        )}
        {participant && (
          <fieldset className="choice">
            <legend>Your city is</legend>
            <label><input type="radio" name="cityKind" checked={cityKind === 'pilot'} onChange={() => setCityKind('pilot')} /> a pilot city</label>
            <label><input type="radio" name="cityKind" checked={cityKind === 'twin'} onChange={() => setCityKind('twin')} /> a twin city</label>
          </fieldset>
        )}
        {error && <p className="error" role="alert">{error}</p>}
        <div className="row">
          <button className="primary" disabled={busy}>{busy ? 'Joining…' : 'Join the session'}</button>
          {!can(role, 'board:write') && <button type="button" onClick={watch}>Watch without a name</button>}
        </div>
      </form>
    </main>
  )
}
