import { useEffect, useState } from 'react'
import type { Card, CardKind, CardPatch, EmissionDomain, Lever } from '@harvest/shared'
import { CARD_KINDS, DOMAIN_LABELS, EMISSION_DOMAINS, KIND_LABELS, LEVERS, LEVER_LABELS, LIMITS } from '@harvest/shared'
import { boardActions } from '../../board/boardActions'
import { ALL_AREAS } from '../../board/cardFilters'
import { parseTags } from '../../board/cardRights'
import { toggleLever } from '../../board/composerKeys'
import { DOMAIN_SHORT, LEVER_SHORT } from '../../board/labels'
import { useAreaTabs } from '../../board/useAreaTabs'
import { useBoardViewStore } from '../../stores/useBoardViewStore'
import { ChipToggles } from './ChipToggles'

const toggle = <T,>(list: readonly T[], value: T, order: readonly T[]) =>
  order.filter((v) => (v === value ? !list.includes(v) : list.includes(v)))

/** Edits one card in place: text, kind, levers, domains, free tags and (for curators) its area. */
export function CardEditor({ card, canMove, onDone }: { card: Card; canMove: boolean; onDone(): void }) {
  const areas = useAreaTabs().filter((a) => a.id !== ALL_AREAS)
  const [text, setText] = useState(card.text)
  const [kind, setKind] = useState<CardKind | null>(card.kind)
  const [levers, setLevers] = useState<Lever[]>(card.levers)
  const [domains, setDomains] = useState<EmissionDomain[]>(card.domains)
  const [tags, setTags] = useState(card.tags.join(', '))
  const [area, setArea] = useState(card.area)

  // Others see "… is editing" on this card while the editor is open.
  useEffect(() => {
    useBoardViewStore.getState().setEditing(card.id)
    return () => useBoardViewStore.getState().setEditing(null)
  }, [card.id])

  function save() {
    if (!text.trim()) return
    const patch: CardPatch = { text, kind, levers, domains, tags: parseTags(tags) }
    if (canMove && area !== card.area) patch.area = area
    boardActions.updateCard(card.id, patch)
    onDone()
  }

  return (
    <form className="card-editor" onSubmit={(e) => { e.preventDefault(); save() }} onKeyDown={(e) => e.key === 'Escape' && onDone()}>
      <textarea
        aria-label="Card text"
        autoFocus
        maxLength={LIMITS.cardTextMax}
        value={text}
        rows={3}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && !e.shiftKey && !e.nativeEvent.isComposing) { e.preventDefault(); save() }
        }}
      />
      <label className="field">
        Kind
        <select aria-label="Kind" value={kind ?? ''} onChange={(e) => setKind((e.target.value || null) as CardKind | null)}>
          <option value="">Unsorted</option>
          {CARD_KINDS.map((k) => <option key={k} value={k}>{KIND_LABELS[k]}</option>)}
        </select>
      </label>
      {canMove && (
        <label className="field">
          Area
          <select aria-label="Area" value={area} onChange={(e) => setArea(e.target.value)}>
            {areas.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
          </select>
        </label>
      )}
      <ChipToggles label="Levers" options={LEVERS} selected={levers} labels={LEVER_SHORT} titles={LEVER_LABELS} onToggle={(l) => setLevers(toggleLever(levers, l))} />
      <ChipToggles label="Emission domains" options={EMISSION_DOMAINS} selected={domains} labels={DOMAIN_SHORT} titles={DOMAIN_LABELS} onToggle={(d) => setDomains(toggle(domains, d, EMISSION_DOMAINS))} />
      <input aria-label="Tags" placeholder="Free tags, separated by commas" value={tags} onChange={(e) => setTags(e.target.value)} />
      <div className="editor-actions">
        <span className="muted">{LIMITS.cardTextMax - text.length < 200 ? `${LIMITS.cardTextMax - text.length} characters left` : 'Enter saves · Esc cancels'}</span>
        <button type="button" onClick={onDone}>Cancel</button>
        <button type="submit" className="primary" disabled={!text.trim()}>Save</button>
      </div>
    </form>
  )
}
