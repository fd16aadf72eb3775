import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { v4 as uuid } from 'uuid'
import type { CardKind, Lever, Phase } from '@harvest/shared'
import { BOARD_LIMITS, LEVERS, LEVER_LABELS, LIMITS } from '@harvest/shared'
import { boardActions } from '../../board/boardActions'
import { boardCommands } from '../../board/boardCommands'
import { newCardFrom, type Writer } from '../../board/cardRights'
import { browserStorage, draftKey, forgetDraft, loadDraft, saveDraft, takeDraft, type CardDraft, type DraftPlace } from '../../board/cardDraft'
import { composerShortcut, defaultKind, kindAt, leverHint, toggleLever } from '../../board/composerKeys'
import type { AreaTab } from '../../board/areas'
import { LEVER_SHORT } from '../../board/labels'
import { pickArea } from '../../board/pickArea'
import { useBoardStore } from '../../stores/useBoardStore'
import { useBoardViewStore } from '../../stores/useBoardViewStore'
import { useSessionStore } from '../../stores/useSessionStore'
import { ChipToggles } from './ChipToggles'
import { KindPicker } from './KindPicker'

/**
 * Keyboard-first: type, press Enter. Alt+1…0 picks a kind (the same key in every phase),
 * Alt+Shift+1…6 toggles a lever. In private writing the card is saved as a private draft.
 * What is typed and not sent yet is kept in this browser per session, person and area, so a
 * reload or a lost tab does not lose it.
 */
export function CardComposer({ writer, area, areaName, areas, phase, anonymous, privately }: {
  writer: Writer
  area: string
  areaName: string
  /** The areas a person may write into instead; picking one shows it too. */
  areas: AreaTab[]
  phase: Phase | null
  anonymous: boolean
  privately: boolean
}) {
  const sessionId = useSessionStore((s) => s.state?.session.id ?? null)
  const memberId = useSessionStore((s) => s.state?.you.memberId ?? null)
  const place: DraftPlace | null = sessionId && memberId ? { sessionId, memberId, area } : null
  const [kept] = useState(() => (place ? loadDraftHere(place) : null))
  const [text, setText] = useState(kept?.text ?? '')
  const [kind, setKind] = useState<CardKind | null>(kept ? kept.kind : defaultKind(phase))
  const [levers, setLevers] = useState<Lever[]>(kept?.levers ?? [])
  const [busy, setBusy] = useState(false)
  const full = useBoardStore((s) => s.cards.length >= BOARD_LIMITS.cardsMax)

  // A new agenda phase preselects its first kind; the phase a kept draft was restored in keeps its kind.
  const lastPhase = useRef(phase)
  useEffect(() => {
    const before = lastPhase.current
    lastPhase.current = phase
    if (before === phase || (before === null && kept)) return
    setKind(defaultKind(phase))
  }, [phase])
  useEffect(() => () => useBoardViewStore.getState().setWriting(false), [])

  // On a phone the composer is fixed at the bottom; the page keeps that much room below its end
  // (--composer-height), so the last of the page can be scrolled into sight above it.
  const box = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const el = box.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const root = document.documentElement.style
    const observer = new ResizeObserver(() => root.setProperty('--composer-height', `${Math.ceil(el.getBoundingClientRect().height)}px`))
    observer.observe(el)
    return () => {
      observer.disconnect()
      root.removeProperty('--composer-height')
    }
  }, [])

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

  function change(next: Partial<CardDraft>) {
    const draft = { text, kind, levers, ...next }
    if (next.text !== undefined) setText(next.text)
    if (next.kind !== undefined) setKind(next.kind)
    if (next.levers !== undefined) setLevers(next.levers)
    const storage = browserStorage()
    if (place && storage) saveDraft(storage, place, draft)
  }

  async function submit() {
    if (!text.trim() || busy || full) return
    if (privately) {
      setBusy(true)
      const saved = await boardCommands.saveDraft({ text, kind, area, levers, domains: [] })
      setBusy(false)
      if (!saved.ok) return
    } else {
      boardActions.addCard(newCardFrom(writer, { id: uuid(), text, kind, area, levers }, anonymous))
    }
    setText('')
    setLevers([])
    const storage = browserStorage()
    if (place && storage) forgetDraft(storage, place)
    useBoardViewStore.getState().setWriting(false)
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const shortcut = composerShortcut(event)
    if (shortcut) {
      event.preventDefault()
      // Picking is not toggling: Alt+digit on the chosen kind keeps it.
      if (shortcut.type === 'kind') change({ kind: kindAt(shortcut.index) ?? kind })
      else change({ levers: toggleLever(levers, LEVERS[shortcut.index]!) })
      return
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      void submit()
    }
  }

  const left = LIMITS.cardTextMax - text.length
  return (
    <div ref={box} className={privately ? 'composer private' : 'composer'}>
      <label className="write-into">
        <span>Writing into:</span>
        <select value={area} onChange={(e) => pickArea(e.target.value)} aria-label="Area the card is written into">
          {!areas.some((a) => a.id === area) && <option value={area}>{areaName}</option>}
          {areas.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
        </select>
      </label>
      <textarea
        aria-label="New card"
        placeholder={privately ? 'Write a private card and press Enter… only you see it until the facilitator reveals all' : `Write a card for ${areaName} and press Enter…`}
        maxLength={LIMITS.cardTextMax}
        value={text}
        rows={2}
        disabled={full}
        onChange={(e) => {
          change({ text: e.target.value })
          useBoardViewStore.getState().setWriting(e.target.value.trim() !== '')
        }}
        onBlur={() => useBoardViewStore.getState().setWriting(false)}
        onFocus={() => useBoardViewStore.getState().setWriting(text.trim() !== '')}
        onKeyDown={onKeyDown}
      />
      <KindPicker phase={phase} value={kind} onChange={(k) => change({ kind: k })} />
      <ChipToggles label="Levers of change" options={LEVERS} selected={levers} labels={LEVER_SHORT} titles={LEVER_LABELS} hints={leverHint} onToggle={(l) => change({ levers: toggleLever(levers, l) })} />
      <div className="composer-foot">
        <span className={left < 100 ? 'warn' : 'muted'}>
          {full
            ? 'The board is full (20,000 cards).'
            : left < 300
              ? `${left} characters left`
              : <span className="key-hint">Enter adds · Shift+Enter new line · Alt+digit picks a kind · Alt+Shift+digit (⇧) toggles a lever</span>}
        </span>
        <button className="primary" onClick={() => void submit()} disabled={!text.trim() || busy || full}>
          {privately ? 'Save privately' : 'Add card'}
        </button>
      </div>
    </div>
  )
}

function loadDraftHere(place: DraftPlace): CardDraft | null {
  const storage = browserStorage()
  return storage ? takeDraft(storage, place) : null
}
