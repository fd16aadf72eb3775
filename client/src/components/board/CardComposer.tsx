import { useEffect, useState, type KeyboardEvent } from 'react'
import { v4 as uuid } from 'uuid'
import type { CardKind, Lever, Phase } from '@harvest/shared'
import { BOARD_LIMITS, LEVERS, LEVER_LABELS, LIMITS, kindsForPhase } from '@harvest/shared'
import { boardActions } from '../../board/boardActions'
import { boardCommands } from '../../board/boardCommands'
import { newCardFrom, type Writer } from '../../board/cardRights'
import { composerShortcut, defaultKind, kindOrder, leverHint, toggleLever } from '../../board/composerKeys'
import type { AreaTab } from '../../board/areas'
import { LEVER_SHORT } from '../../board/labels'
import { pickArea } from '../../board/pickArea'
import { useBoardStore } from '../../stores/useBoardStore'
import { useBoardViewStore } from '../../stores/useBoardViewStore'
import { ChipToggles } from './ChipToggles'
import { KindPicker } from './KindPicker'

/**
 * Keyboard-first: type, press Enter. Alt+1…0 picks a kind (the current phase's first),
 * Alt+Shift+1…6 toggles a lever. In private writing the card is saved as a private draft.
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
  const [text, setText] = useState('')
  const [kind, setKind] = useState<CardKind | null>(defaultKind(phase))
  const [levers, setLevers] = useState<Lever[]>([])
  const [busy, setBusy] = useState(false)
  const full = useBoardStore((s) => s.cards.length >= BOARD_LIMITS.cardsMax)
  const order = kindOrder(phase)
  const phaseCount = phase && phase !== 'none' ? kindsForPhase(phase).length : order.length

  // A new agenda phase preselects its first kind.
  useEffect(() => setKind(defaultKind(phase)), [phase])
  useEffect(() => () => useBoardViewStore.getState().setWriting(false), [])

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
    useBoardViewStore.getState().setWriting(false)
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    const shortcut = composerShortcut(event)
    if (shortcut) {
      event.preventDefault()
      if (shortcut.type === 'kind') {
        const picked = order[shortcut.index] ?? null
        setKind(picked === kind ? null : picked)
      } else setLevers(toggleLever(levers, LEVERS[shortcut.index]!))
      return
    }
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      void submit()
    }
  }

  const left = LIMITS.cardTextMax - text.length
  return (
    <div className={privately ? 'composer private' : 'composer'}>
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
          setText(e.target.value)
          useBoardViewStore.getState().setWriting(e.target.value.trim() !== '')
        }}
        onBlur={() => useBoardViewStore.getState().setWriting(false)}
        onFocus={() => useBoardViewStore.getState().setWriting(text.trim() !== '')}
        onKeyDown={onKeyDown}
      />
      <KindPicker order={order} phaseCount={phaseCount} value={kind} onChange={setKind} />
      <ChipToggles label="Levers of change" options={LEVERS} selected={levers} labels={LEVER_SHORT} titles={LEVER_LABELS} hints={leverHint} onToggle={(l) => setLevers(toggleLever(levers, l))} />
      <div className="composer-foot">
        <span className={left < 100 ? 'warn' : 'muted'}>
          {full
            ? 'The board is full (20,000 cards).'
            : left < 300
              ? `${left} characters left`
              : 'Enter adds · Shift+Enter new line · Alt+digit picks a kind · Alt+Shift+digit (⇧) toggles a lever'}
        </span>
        <button className="primary" onClick={() => void submit()} disabled={!text.trim() || busy || full}>
          {privately ? 'Save privately' : 'Add card'}
        </button>
      </div>
    </div>
  )
}
