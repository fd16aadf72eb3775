import { describe, expect, it } from 'vitest'
import type { Card, ControlState, Report, ReportCard } from '@harvest/shared'
import { PLENARY_AREA } from '@harvest/shared'
import { buildReport } from './buildReport'
import { fixtureSessionInput } from './fixtureSession'
import type { ReportInput } from './ReportInput'

const base = fixtureSessionInput()
const withControl = (patch: Partial<ControlState>): ReportInput => fixtureSessionInput({ control: { ...base.control, ...patch } })
const withCards = (...extra: Card[]): ReportInput => fixtureSessionInput({ cards: [...base.cards, ...extra] })
const withoutClujStory = () => withControl({ stories: base.control.stories.filter((s) => s.id !== 'story-cluj') })
const extraCard = (id: string, city: string, fields: Partial<Card>): Card => ({
  ...base.cards[0]!, id, text: `Card ${id}`, authorId: `m-${id}`, authorName: `Writer ${id}`, city, cityKind: 'pilot',
  area: PLENARY_AREA, kind: null, levers: [], patternId: null, ...fields,
})

const ids = (cards: readonly ReportCard[]) => cards.map((c) => c.id)
const story = (report: Report, city: string) => report.what.stories.find((s) => s.city === city)!
const cardOf = (report: Report, id: string) => report.cards.find((c) => c.id === id)!
/** Every card id the W³ part lists: stories' outcomes, learnings and notes, kind sections, unsorted. */
const w3Places = (report: Report) => [
  ...report.what.stories.flatMap((s) => [...s.outcomes, ...s.learnings, ...s.notes]),
  ...[...report.soWhat.kinds, ...report.nowWhat.kinds].flatMap((k) => k.byCity.flatMap((g) => g.cards)),
  ...report.unsorted.flatMap((g) => g.cards),
].map((c) => c.id)

describe('which city a card speaks about', () => {
  const report = buildReport(base)

  it("counts a Galway listener's card written during Cluj-Napoca's story for Cluj-Napoca", () => {
    const card = cardOf(report, 'card-cluj-outcome')
    expect(card).toMatchObject({ city: 'Cluj-Napoca', authorCity: 'Galway', authorCityKind: 'pilot', author: 'Siobhán Byrne' })
    expect(ids(story(report, 'Cluj-Napoca').outcomes)).toEqual(['card-cluj-outcome'])
    expect(ids(story(report, 'Galway').outcomes)).not.toContain('card-cluj-outcome')
  })

  it('counts a Galway card in the plenary for Galway', () => {
    expect(cardOf(report, 'card-galway-plenary').city).toBe('Galway')
    expect(ids(story(report, 'Galway').learnings)).toEqual(['card-galway-plenary'])
  })

  it('names areas and breakout rounds as people know them', () => {
    expect(cardOf(report, 'card-galway-plenary')).toMatchObject({ areaLabel: 'Plenary', round: null })
    expect(cardOf(report, 'card-cluj-question')).toMatchObject({ areaLabel: "Cluj-Napoca's story", round: null })
    expect(cardOf(report, 'card-procurement-1')).toMatchObject({ areaLabel: 'Breakouts – Room 1', round: 'Breakouts' })
    expect(cardOf(report, 'card-idea')).toMatchObject({ areaLabel: 'Breakouts: Looking ahead – Funding retrofits', round: 'Breakouts: Looking ahead' })
  })

  it('hides the author of an anonymous card but keeps their city', () => {
    expect(cardOf(report, 'card-anon-risk')).toMatchObject({ author: 'Anonymous', authorCity: 'Łódź', city: 'Łódź' })
    expect(JSON.stringify(report)).not.toContain('anon:')
  })

  it('counts a card of a deleted story for its writer and labels it an earlier story', () => {
    const after = buildReport(withoutClujStory())
    expect(cardOf(after, 'card-cluj-question')).toMatchObject({ areaLabel: 'Earlier story', city: 'Umeå' })
    expect(after.unsorted).toContainEqual({ city: 'Umeå', cards: [cardOf(after, 'card-cluj-question'), cardOf(after, 'card-unsorted')] })
    expect(ids(story(after, 'Galway').outcomes)).toEqual(['card-cluj-outcome', 'card-galway-outcome'])
    expect(after.appendix.at(-1)).toMatchObject({ area: 'story:story-cluj', label: 'Earlier story' })
  })
})

describe('nothing is dropped', () => {
  const cases: [string, ReportInput][] = [
    ['the fixture session', base],
    ['a session whose story was deleted', withoutClujStory()],
    ['cards from a city outside the session and from a writer without one', withCards(
      extraCard('rotterdam', 'Rotterdam', { kind: 'outcome' }),
      extraCard('nobody', '', { kind: 'possibility', area: 'room:gone:room-x' }),
    )],
  ]
  it.each(cases)('lists every card once in cards, the appendix and the W³ part: %s', (_, input) => {
    const report = buildReport(input)
    const every = input.cards.map((c) => c.id).sort()
    expect(ids(report.cards).sort()).toEqual(every)
    expect(report.appendix.flatMap((a) => ids(a.cards)).sort()).toEqual(every)
    expect(w3Places(report).sort()).toEqual(every)
  })

  it('gives a city with outcomes but no story its own What? entry', () => {
    expect(story(buildReport(base), 'Łódź')).toMatchObject({ storyteller: '', title: '', status: 'no story', project: expect.stringContaining('NEEST') })
    expect(ids(story(buildReport(base), 'Łódź').outcomes)).toEqual(['card-lodz-outcome'])
  })

  it('keeps What-kind cards out of So What? and Now What?', () => {
    const report = buildReport(base)
    const later = [...report.soWhat.kinds, ...report.nowWhat.kinds].flatMap((k) => k.byCity.flatMap((g) => g.cards))
    expect(later.filter((c) => c.kind === 'outcome' || c.kind === 'learning')).toEqual([])
    expect(report.soWhat.kinds.map((k) => k.kind)).toEqual(['challenge', 'insight', 'possibility', 'blind_spot'])
    expect(report.nowWhat.kinds.map((k) => k.kind)).toEqual(['idea', 'synergy', 'action', 'risk_or_need'])
  })

  it('groups a kind by city: the session’s cities in order, then others alphabetically', () => {
    // Zagreb's card is the older one, so only sorting by name puts Aarhus first.
    const report = buildReport(withCards(extraCard('zagreb', 'Zagreb', { kind: 'challenge', createdAt: 1 }), extraCard('aarhus', 'Aarhus', { kind: 'challenge', createdAt: 2 })))
    const challenges = report.soWhat.kinds.find((k) => k.kind === 'challenge')!
    expect(challenges.byCity.map((g) => g.city)).toEqual(['Cluj-Napoca', 'Umeå', 'Aarhus', 'Zagreb'])
  })
})

describe('the harvest', () => {
  it('lists only key entries as key insights, in promotion order', () => {
    const report = buildReport(fixtureSessionInput({ entries: [...base.entries].reverse() }))
    expect(report.keyInsights.map((e) => e.id)).toEqual(['e-key-trust', 'e-key-finance'])
  })

  it("gives an entry without cities those of its source, as attributed", () => {
    const entries = base.entries.map((e) => (e.id === 'e-cluj-outcome' ? { ...e, cities: [] } : e))
    const report = buildReport(fixtureSessionInput({ entries }))
    expect(story(report, 'Cluj-Napoca').promoted.map((e) => [e.id, e.cities])).toEqual([['e-cluj-outcome', ['Cluj-Napoca']]])
    expect(report.soWhat.kinds[0]!.entries[0]).toMatchObject({ id: 'e-procurement', cities: ['Cluj-Napoca', 'Umeå'] })
  })

  it("lists under a story what was promoted from its cards, whatever city the entry names", () => {
    const fromQuestion = { ...base.entries[0]!, id: 'e-question', sourceId: 'card-cluj-question', section: 'so_what' as const, kind: null, cities: ['Umeå'] }
    const report = buildReport(fixtureSessionInput({ entries: [...base.entries, fromQuestion] }))
    expect(story(report, 'Cluj-Napoca').promoted.map((e) => e.id)).toEqual(['e-cluj-outcome', 'e-question'])
    expect(story(report, 'Galway').promoted).toEqual([])
  })

  it('keeps a promoted entry without a W³ kind in its own section, so nothing promoted is lost', () => {
    const report = buildReport(base)
    expect(report.nowWhat.entries.map((e) => e.id)).toEqual(['e-key-finance'])
    expect(report.soWhat.entries).toEqual([])
    const placed = [
      ...report.what.entries, ...report.soWhat.entries, ...report.nowWhat.entries,
      ...report.what.stories.flatMap((s) => s.promoted), ...[...report.soWhat.kinds, ...report.nowWhat.kinds].flatMap((k) => k.entries),
    ].map((e) => e.id)
    expect(new Set(placed)).toEqual(new Set(base.entries.map((e) => e.id)))
  })

  it('names the cities a pattern’s cards speak about, first seen first, and marks it promoted', () => {
    const [pattern] = buildReport(base).soWhat.patterns
    expect(pattern).toMatchObject({ name: 'Procurement slows every pilot', cities: ['Cluj-Napoca', 'Umeå'], promoted: true })
    expect(ids(pattern!.cards)).toEqual(['card-cluj-challenge', 'card-procurement-1', 'card-procurement-2'])
  })

  it('marks cards promoted themselves or through their pattern, with votes and pattern names', () => {
    const report = buildReport(base)
    expect(report.cards.filter((c) => c.promoted).map((c) => c.id).sort()).toEqual(
      ['card-cluj-challenge', 'card-cluj-outcome', 'card-idea', 'card-procurement-1', 'card-procurement-2'],
    )
    expect(cardOf(report, 'card-procurement-1')).toMatchObject({ votes: 4, pattern: 'Procurement slows every pilot', kindLabel: 'Challenge' })
    expect(cardOf(report, 'card-unsorted')).toMatchObject({ votes: 0, pattern: null, kindLabel: 'Unsorted', promoted: false })
  })

  it('orders levers by how often they are named, ties in the programme’s order', () => {
    const report = buildReport(withCards(extraCard('tech', 'Galway', { kind: 'idea', levers: ['technology'] })))
    expect(report.levers.sections.map((s) => [s.lever, s.count])).toEqual([
      ['finance', 9], ['governance', 6], ['social_innovation', 5], ['democracy', 2], ['technology', 1], ['learning', 1],
    ])
    expect(report.levers.sections[0]!.cities).toEqual(['Cluj-Napoca', 'Łódź', 'Umeå'])
    expect(buildReport(base).levers.sections.map((s) => s.lever)).not.toContain('technology')
  })
})

describe('the rest of the report', () => {
  const report = buildReport(base)

  it('totals the agenda items only, with each row’s overtime', () => {
    expect(report.timekeeping).toMatchObject({ plannedMinutes: 150, actualMinutes: 149.5 })
    expect(report.timekeeping.rows.map((r) => [r.kind, r.actualMinutes, r.overMinutes])).toEqual([
      ['item', 12, 2], ['item', 14, -1], ['item', 62, 2], ['item', 30, 0], ['item', 27.5, 2.5], ['item', 4, -6],
      ['story', 17, 2], ['story', 14.5, -0.5],
    ])
  })

  it('prints prepared notes in template order, leaving out empty fields', () => {
    expect(story(report, 'Cluj-Napoca').prepared.map((p) => p.label)).toEqual(['Milestones', '1–2 key learnings', 'Next steps'])
    expect(story(report, 'Cluj-Napoca').prepared[2]!.text).toBe('Bring the banks to the next residents’ meeting.')
    expect(story(report, 'Galway').prepared.map((p) => p.label)).toEqual(['Milestones', 'Plans'])
  })

  it('heads the report with facilitators in join order, pilots with their twins, and twins', () => {
    expect(report.facilitators).toEqual(['Ana Moreau', 'Tomás Ruiz'])
    const tomasFirst = base.members.map((m) => (m.name === 'Tomás Ruiz' ? { ...m, joinedAt: 0 } : m))
    expect(buildReport(fixtureSessionInput({ members: tomasFirst })).facilitators).toEqual(['Tomás Ruiz', 'Ana Moreau'])
    expect(report.harvesters).toEqual(['Hana Novak'])
    expect(report.pilotCities.find((p) => p.name === 'Łódź')).toEqual({ name: 'Łódź', project: expect.any(String), twins: ['Umeå'] })
    expect(report.twinCities).toEqual([{ name: 'Umeå', twinOf: 'Łódź' }])
    expect(report.generatedAt).toBe(new Date(base.now).toISOString())
  })

  it('lists the cities participants joined for when the session names none of them', () => {
    const joined = { ...base.members.find((m) => m.city === 'Galway')!, id: 'm-new', city: 'Mytilene', cityKind: 'twin' as const }
    const report = buildReport(fixtureSessionInput({ members: [...base.members, joined] }))
    expect(report.twinCities.map((c) => c.name)).toEqual(['Umeå', 'Mytilene'])
    expect(report.pilotCities.map((c) => c.name)).toEqual(['Cluj-Napoca', 'Galway', 'Łódź'])
  })

  it('orders the appendix as the session ran: plenary, stories, rooms round by round', () => {
    expect(report.appendix.map((a) => a.area)).toEqual([
      'plenary', 'story:story-cluj', 'story:story-galway', 'room:round-so:room-1', 'room:round-so:room-2', 'room:round-now:room-finance',
    ])
    expect(ids(report.appendix[0]!.cards)).toEqual(['card-galway-plenary', 'card-lodz-outcome', 'card-unsorted'])
  })

  it('gives the same report for the same records, in whatever order they arrive', () => {
    const shuffled = fixtureSessionInput({
      cards: [...base.cards].reverse(), entries: [...base.entries].reverse(), members: [...base.members].reverse(), patterns: [...base.patterns].reverse(),
    })
    expect(buildReport(base)).toEqual(report)
    expect(buildReport(shuffled)).toEqual(report)
  })
})
