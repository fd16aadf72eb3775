import { useEffect, useRef, useState } from 'react'
import type { CardKind, Lever, Phase } from '@harvest/shared'
import { useSessionStore } from '../stores/useSessionStore'
import { browserStorage, draftKey, forgetDraft, loadDraft, saveDraft, takeDraft, type CardDraft, type DraftPlace } from './cardDraft'
import { defaultKind } from './composerKeys'

/**
 * The card being written, kept in this browser per session, person and area as it is typed, so
 * a reload or a lost tab does not lose it; forgotten once sent.
 */
export function useCardDraft(area: string, phase: Phase | null) {
  const sessionId = useSessionStore((s) => s.state?.session.id ?? null)
  const memberId = useSessionStore((s) => s.state?.you.memberId ?? null)
  const place: DraftPlace | null = sessionId && memberId ? { sessionId, memberId, area } : null
  const [kept] = useState(() => {
    const storage = browserStorage()
    return place && storage ? takeDraft(storage, place) : null
  })
  const [text, setText] = useState(kept?.text ?? '')
  const [kind, setKind] = useState<CardKind | null>(kept ? kept.kind : defaultKind(phase))
  const [levers, setLevers] = useState<Lever[]>(kept?.levers ?? [])

  // A new agenda phase preselects its first kind; the phase a kept draft was restored in keeps its kind.
  const lastPhase = useRef(phase)
  useEffect(() => {
    const before = lastPhase.current
    lastPhase.current = phase
    if (before === phase || (before === null && kept)) return
    setKind(defaultKind(phase))
  }, [phase])

  // The composer moved to another area (a story began, the person picked one): a half-written
  // card moves with it; an empty composer takes up what was kept for the new area.
  const placeKey = place ? draftKey(place) : null
  const lastPlace = useRef(place)
  useEffect(() => {
    const before = lastPlace.current
    lastPlace.current = place
    const storage = browserStorage()
    if (!place || !before || !storage || draftKey(before) === placeKey) return
    if (text.trim()) {
      forgetDraft(storage, before)
      saveDraft(storage, place, { text, kind, levers })
      return
    }
    const waiting = loadDraft(storage, place)
    if (waiting) {
      setText(waiting.text)
      setKind(waiting.kind)
      setLevers(waiting.levers)
    }
  }, [placeKey])

  /** Changes part of the card and keeps the whole of it. */
  function change(next: Partial<CardDraft>) {
    if (next.text !== undefined) setText(next.text)
    if (next.kind !== undefined) setKind(next.kind)
    if (next.levers !== undefined) setLevers(next.levers)
    const storage = browserStorage()
    if (place && storage) saveDraft(storage, place, { text, kind, levers, ...next })
  }

  /** The card went out: the box empties (the kind stays for the next one) and nothing is kept. */
  function sent() {
    setText('')
    setLevers([])
    const storage = browserStorage()
    if (place && storage) forgetDraft(storage, place)
  }

  return { text, kind, levers, change, sent }
}
