import { useEffect, useRef, useState, type KeyboardEvent } from 'react'
import { v4 as uuid } from 'uuid'
import type { Phase } from '@harvest/shared'
import { BOARD_LIMITS, LEVERS, LEVER_LABELS, LIMITS } from '@harvest/shared'
import { boardActions } from '../../board/boardActions'
import { boardCommands } from '../../board/boardCommands'
import { newCardFrom, type Writer } from '../../board/cardRights'
import { composerShortcut, kindAt, leverHint, toggleLever } from '../../board/composerKeys'
import type { AreaTab } from '../../board/areas'
import { LEVER_SHORT } from '../../board/labels'
import { pickArea } from '../../board/pickArea'
import { useCardDraft } from '../../board/useCardDraft'
import { useComposerHeight } from '../../board/useComposerHeight'
import { useBoardStore } from '../../stores/useBoardStore'
import { useBoardViewStore } from '../../stores/useBoardViewStore'
import { ChipToggles } from './ChipToggles'
import { KindPicker } from './KindPicker'

/**
 * Keyboard-first: type, press Enter. Alt+1…0 picks a kind (the same key in every phase),
 * Alt+Shift+1…6 toggles a lever. In private writing the card is saved as a private draft.
 * What is typed and not sent yet survives a reload (useCardDraft).
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
  const { text, kind, levers, change, sent } = useCardDraft(area, phase)
  const [busy, setBusy] = useState(false)
  const full = useBoardStore((s) => s.cards.length >= BOARD_LIMITS.cardsMax)
  const box = useRef<HTMLDivElement>(null)
  useComposerHeight(box)
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
    sent()
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
