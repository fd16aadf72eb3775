import { useMemo } from 'react'
import type { Card } from '@harvest/shared'
import { KIND_LABELS } from '@harvest/shared'
import type { AreaTab } from '../../board/areas'
import { groupByKind } from '../../board/cardFilters'
import { cardRights } from '../../board/cardRights'
import { promotedSources } from '../../harvest/harvestEntries'
import { kindClass } from '../../board/labels'
import { editorsByCard, writingLine } from '../../board/presenceList'
import type { BoardIdentity } from '../../board/useBoardActor'
import { cardVote, rankByVotes } from '../../board/voteMath'
import { useBoardSessionStore } from '../../stores/useBoardSessionStore'
import { useBoardStore } from '../../stores/useBoardStore'
import { useBoardViewStore } from '../../stores/useBoardViewStore'
import { useHarvestStore } from '../../stores/useHarvestStore'
import { CardView } from './CardView'

/**
 * The cards, in one section per kind (W³ order) so 200 cards stay scannable; ordered by dots
 * instead when asked and the results are visible.
 */
export function CardGrid({ cards, who, tabs, showArea, byVotes }: { cards: Card[]; who: BoardIdentity; tabs: AreaTab[]; showArea: boolean; byVotes: boolean }) {
  const patterns = useBoardStore((s) => s.patterns)
  const others = useBoardStore((s) => s.others)
  const vote = useBoardSessionStore((s) => s.vote)
  const entries = useHarvestStore((s) => s.entries)
  const compact = useBoardViewStore((s) => s.compact)

  const patternNames = useMemo(() => new Map(patterns.map((p) => [p.id, p.name])), [patterns])
  const editors = useMemo(() => editorsByCard(others), [others])
  const promoted = useMemo(() => promotedSources(entries), [entries])
  const areaNames = useMemo(() => new Map(tabs.map((t) => [t.id, t.label])), [tabs])
  const groups = useMemo(
    () => (byVotes && vote?.totals ? [{ kind: 'ranked' as const, cards: rankByVotes(cards, vote.totals) }] : groupByKind(cards)),
    [cards, byVotes, vote?.totals],
  )

  const render = (card: Card) => {
    const rights = cardRights(who.actor, card)
    return (
      <CardView
        key={card.id}
        card={card}
        canEdit={rights.edit}
        canDelete={rights.delete}
        canMove={rights.move}
        canGroup={rights.group}
        canPromote={who.rights.harvest}
        promoted={promoted.has(card.id)}
        patternName={card.patternId ? (patternNames.get(card.patternId) ?? null) : null}
        editors={writingLine(editors.get(card.id) ?? [], 'editing')}
        areaName={showArea ? (areaNames.get(card.area) ?? card.area) : null}
        vote={cardVote(vote, card, who.rights.vote)}
      />
    )
  }

  return (
    <div className={['card-sections', compact && 'compact', !(byVotes && vote?.totals) && 'by-kind'].filter(Boolean).join(' ')}>
      {groups.map((group) => (
        <section key={group.kind} className={`kind-section ${group.kind === 'ranked' ? '' : kindClass(group.kind === 'none' ? null : group.kind)}`}>
          <h3 className="kind-heading">
            {group.kind === 'ranked' ? 'By dots' : group.kind === 'none' ? 'Unsorted' : KIND_LABELS[group.kind]}
            <span className="count">{group.cards.length}</span>
          </h3>
          <ul className="cards">{group.cards.map(render)}</ul>
        </section>
      ))}
    </div>
  )
}
