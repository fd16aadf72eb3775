import { useMemo } from 'react'
import type { BoardMode, Phase } from '@harvest/shared'
import { PLENARY_AREA, liveStoryArea } from '@harvest/shared'
import { ALL_AREAS, citiesOf, countByKind, filterCards } from '../../board/cardFilters'
import { offerRefollow } from '../../board/follow'
import { pickArea } from '../../board/pickArea'
import { peopleByArea, writersIn, writingLine } from '../../board/presenceList'
import { useAreaTabs } from '../../board/useAreaTabs'
import type { BoardIdentity } from '../../board/useBoardActor'
import { useBoardSessionStore } from '../../stores/useBoardSessionStore'
import { useBoardStore } from '../../stores/useBoardStore'
import { useBoardViewStore } from '../../stores/useBoardViewStore'
import { useControlStore } from '../../stores/useControlStore'
import { AreaTabs } from './AreaTabs'
import { CardComposer } from './CardComposer'
import { CardGrid } from './CardGrid'
import { DraftsList } from './DraftsList'
import { FilterBar } from './FilterBar'
import { KindBar } from './KindBar'
import { PatternsPanel } from './PatternsPanel'

/** The cards view: area tabs, the composer, counts and filters, the cards and the patterns. */
export function BoardWorkspace({ who, area, mode, phase, leaderName }: { who: BoardIdentity; area: string; mode: BoardMode; phase: Phase | null; leaderName: string | null }) {
  const cards = useBoardStore((s) => s.cards)
  const status = useBoardStore((s) => s.status)
  const others = useBoardStore((s) => s.others)
  const hasPatterns = useBoardStore((s) => s.patterns.length > 0)
  const filter = useBoardViewStore((s) => s.filter)
  const byVotes = useBoardViewStore((s) => s.byVotes)
  const steppedAway = useBoardViewStore((s) => s.steppedAway)
  const refollow = useBoardViewStore((s) => s.refollow)
  const votesVisible = useBoardSessionStore((s) => s.vote?.totals != null)
  const hasDrafts = useBoardSessionStore((s) => s.drafts.length > 0)
  const tabs = useAreaTabs()
  const storyNow = useControlStore((s) => (s.control ? liveStoryArea(s.control) : null))

  const shown = useMemo(() => filterCards(cards, area, filter), [cards, area, filter])
  const counts = useMemo(() => countByKind(cards, area, filter), [cards, area, filter])
  const cities = useMemo(() => citiesOf(cards), [cards])
  const people = useMemo(() => peopleByArea(others), [others])
  const inArea = area === ALL_AREAS ? cards.length : (tabs.find((t) => t.id === area)?.count ?? 0)
  // Looking at every area at once, a card goes where the session is: the story being told, or the plenary.
  const writeArea = area === ALL_AREAS ? (storyNow ?? PLENARY_AREA) : area
  const areaName = tabs.find((t) => t.id === writeArea)?.label ?? writeArea
  const writers = writingLine(writersIn(others, writeArea))
  const { me, authorKey } = who
  // Private writing hides participants' cards; harvesters and facilitators keep writing openly.
  const privately = mode.privateWriting && !who.rights.curate
  const following = mode.follow && mode.follow.by !== who.actor.memberId

  return (
    <>
      <AreaTabs tabs={tabs} shown={area} people={people} onPick={pickArea} />
      {following && !steppedAway && <p className="follow-note" role="status">Following {leaderName ?? 'the facilitator'}: your board shows the area they are on.</p>}
      {offerRefollow(mode.follow, steppedAway, who.actor.memberId) && (
        <p className="follow-note">
          {leaderName ?? 'The facilitator'} is leading the board. <button className="primary" onClick={refollow}>Follow the facilitator</button>
        </p>
      )}
      {who.rights.write && me && authorKey ? (
        <CardComposer
          writer={{ name: me.name, city: me.city, cityKind: me.cityKind, authorKey }}
          area={writeArea}
          areaName={areaName}
          areas={tabs.filter((t) => t.id !== ALL_AREAS)}
          phase={phase}
          anonymous={mode.anonymous}
          privately={privately}
        />
      ) : (
        <p className="readonly-note">{who.actor.ended ? 'The session has ended: the board is read-only.' : me ? 'You are observing: the board is read-only for you.' : 'You are watching as a guest: the board is read-only.'}</p>
      )}
      <p className="writers-line" aria-live="polite">{writers}</p>
      {/* Drafts left over after private writing ended stay visible to their author until revealed. */}
      {(privately || hasDrafts) && <DraftsList />}
      {mode.privateWriting && who.rights.curate && <p className="muted">Private writing is on: participants’ cards stay private until revealed. Yours go straight to the board.</p>}
      <KindBar counts={counts} />
      <FilterBar cities={cities} shown={shown.length} total={inArea} votesVisible={votesVisible} />
      <div className={who.rights.curate || hasPatterns ? 'workspace' : 'workspace no-patterns'}>
        <div className="workspace-cards">
          {/* Only someone who can write is invited to; an observer or a guest is told what will appear. */}
          {cards.length === 0 && status === 'synced' && (
            <p className="empty">{who.rights.write ? 'No cards yet. The first thought is the hardest: write it down.' : 'No cards yet: they appear here as people write them.'}</p>
          )}
          {cards.length > 0 && shown.length === 0 && <p className="empty">No cards here match. Try another area or clear the filters.</p>}
          <CardGrid cards={shown} who={who} tabs={tabs} showArea={area === ALL_AREAS} byVotes={byVotes && votesVisible} />
        </div>
        {(who.rights.curate || hasPatterns) && <PatternsPanel curate={who.rights.curate} harvest={who.rights.harvest} />}
      </div>
    </>
  )
}
