import type { BreakoutRound, Card, Clock, HarvestEntry, Member, Room, Story, StoryNotes } from '@harvest/shared'
import { DEFAULT_BOARD_MODE, EMPTY_NOTES, PLENARY_AREA, ROUND2_AGENDA, applyClockCommand, newAgendaItem, newClock, roomArea, storyArea } from '@harvest/shared'
import type { ReportInput } from './ReportInput'

/** 10:00 in Brussels on the session's day: the fixture's clocks and cards count from here. */
export const FIXTURE_START = Date.UTC(2026, 10, 12, 9, 0)
const at = (minutes: number) => FIXTURE_START + minutes * 60_000

/** A clock that ran for `minutes` from `from` and was paused. */
const ran = (clock: Clock, from: number, minutes: number): Clock =>
  applyClockCommand(applyClockCommand(clock, { op: 'start' }, at(from)), { op: 'pause' }, at(from + minutes))

const member = (id: string, name: string, role: Member['role'], city: string, cityKind: Member['cityKind'], joined: number): Member => ({
  id,
  sessionId: 'session-c4',
  name,
  role,
  city,
  cityKind,
  joinedAt: at(joined),
})

const PEOPLE = {
  tomas: member('m-tomas', 'Tomás Ruiz', 'facilitator', '', null, -20),
  ana: member('m-ana', 'Ana Moreau', 'facilitator', '', null, -30),
  hana: member('m-hana', 'Hana Novak', 'harvester', '', null, -25),
  ioana: member('m-ioana', 'Ioana Pop', 'participant', 'Cluj-Napoca', 'pilot', -10),
  siobhan: member('m-siobhan', 'Siobhán Byrne', 'participant', 'Galway', 'pilot', -9),
  ola: member('m-ola', 'Ola Kowalska', 'participant', 'Łódź', 'pilot', -8),
  erik: member('m-erik', 'Erik Lindqvist', 'participant', 'Umeå', 'twin', -7),
}

const room = (id: string, name: string): Room => ({
  id, name, topic: '', hostId: null, harvesterId: null, link: null, capacity: null, memberIds: [], extraMs: 0, help: null,
})
const round = (id: string, itemId: string, rooms: Room[]): BreakoutRound => ({
  id, itemId, mode: 'assigned', status: 'closed', rooms, topics: [], proposersOpen: false, closesAt: null, planned: {}, banner: null, warnedAt: null,
})
const story = (id: string, city: string, teller: Member, title: string, tell: [number, number], qa: [number, number]): Story => ({
  id, city, storytellerId: teller.id, storytellerName: teller.name, title, slotMinutes: 10, qaMinutes: 5, status: 'done',
  tellClock: ran(newClock(10 * 60_000), ...tell),
  qaClock: ran(newClock(5 * 60_000), ...qa),
})

const ROOMS = { one: room('room-1', 'Room 1'), two: room('room-2', 'Room 2'), finance: room('room-finance', 'Funding retrofits') }
const AREAS = {
  cluj: storyArea('story-cluj'),
  galway: storyArea('story-galway'),
  one: roomArea('round-so', ROOMS.one.id),
  two: roomArea('round-so', ROOMS.two.id),
  finance: roomArea('round-now', ROOMS.finance.id),
}

const card = (id: string, writer: Member, area: string, minute: number, fields: Partial<Card> & Pick<Card, 'text'>): Card => ({
  id, kind: null, authorId: writer.id, authorName: writer.name, city: writer.city, cityKind: writer.cityKind, area,
  levers: [], domains: [], tags: [], patternId: null, createdAt: at(minute), updatedAt: at(minute), ...fields,
})
const entry = (id: string, minute: number, fields: Omit<HarvestEntry, 'id' | 'promotedBy' | 'promotedAt' | 'key'> & { key?: boolean }): HarvestEntry => ({
  id, key: false, promotedBy: PEOPLE.hana.id, promotedAt: at(minute), ...fields,
})

/**
 * A Cluster 4 session as it stands after the wrap-up began: three pilots and a twin, stories
 * from Cluj-Napoca and Galway with listeners' cards, two breakout rounds, a promoted pattern,
 * a promoted card, key insights, one anonymous card and clocks that ran over and under.
 */
export function fixtureSessionInput(overrides: Partial<ReportInput> = {}): ReportInput {
  const [welcome, recap, stories, breakouts, ahead, wrap] = ROUND2_AGENDA.map((item, i) => newAgendaItem(`item-${i + 1}`, item))
  const agenda = [
    { ...welcome!, clock: ran(welcome!.clock, 0, 12) },
    { ...recap!, clock: ran(recap!.clock, 12, 14) },
    { ...stories!, clock: ran(stories!.clock, 26, 62) },
    { ...breakouts!, clock: ran(breakouts!.clock, 88, 30) },
    { ...ahead!, clock: ran(ahead!.clock, 118, 27.5) },
    { ...wrap!, clock: applyClockCommand(wrap!.clock, { op: 'start' }, at(148)) },
  ]
  const notes: Record<string, StoryNotes> = {
    'story-cluj': {
      ...EMPTY_NOTES,
      milestones: 'Three owners’ associations voted for deep retrofits.',
      learnings: 'Start with one block that wants it; the neighbours follow.',
      nextSteps: '  Bring the banks to the next residents’ meeting.  ',
    },
    'story-galway': { ...EMPTY_NOTES, milestones: 'The Warm Home Hub opened in March.', whatChanged: '   ', plans: 'A second hub in the county.' },
  }
  const cards: Card[] = [
    card('card-cluj-outcome', PEOPLE.siobhan, AREAS.cluj, 30, { text: 'Owners’ associations in three apartment blocks agreed to deep retrofits', kind: 'outcome', levers: ['social_innovation', 'finance'] }),
    card('card-cluj-learning', PEOPLE.ola, AREAS.cluj, 32, { text: 'Start with one block that wants it; the neighbours follow', kind: 'learning', levers: ['democracy'] }),
    card('card-cluj-question', PEOPLE.erik, AREAS.cluj, 34, { text: 'How did you reach owners who do not live in their flats?' }),
    card('card-cluj-challenge', PEOPLE.ola, AREAS.cluj, 35, { text: 'Banks will not lend to owners’ associations without a guarantee', kind: 'challenge', levers: ['finance'], patternId: 'p-procurement' }),
    card('card-galway-outcome', PEOPLE.ioana, AREAS.galway, 50, { text: 'The Warm Home Hub guides households through every step of a retrofit', kind: 'outcome', levers: ['social_innovation'] }),
    card('card-galway-plenary', PEOPLE.siobhan, PLENARY_AREA, 15, { text: 'Lived experience tells us more than cost–benefit tables', kind: 'learning', levers: ['democracy'] }),
    card('card-lodz-outcome', PEOPLE.ola, PLENARY_AREA, 16, { text: 'Five Polish cities signed one shared climate city contract', kind: 'outcome', levers: ['governance'] }),
    card('card-procurement-1', PEOPLE.erik, AREAS.one, 95, { text: 'Public tenders take a year before any work starts', kind: 'challenge', levers: ['governance'], patternId: 'p-procurement' }),
    card('card-procurement-2', PEOPLE.ioana, AREAS.one, 97, { text: 'Procurement rules reward the lowest price, not the deepest retrofit', kind: 'challenge', levers: ['governance', 'finance'], patternId: 'p-procurement' }),
    card('card-insight', PEOPLE.siobhan, AREAS.two, 99, { text: 'Trusted local intermediaries matter more than subsidies', kind: 'insight', levers: ['social_innovation'] }),
    card('card-idea', PEOPLE.erik, AREAS.finance, 125, { text: 'Twin cities share one tender template for heat pumps', kind: 'idea', levers: ['finance', 'governance'] }),
    card('card-anon-risk', PEOPLE.ola, AREAS.finance, 127, {
      text: 'We lack staff who can write bankable project proposals', kind: 'risk_or_need', levers: ['learning', 'finance'], authorId: 'anon:Q2x9mKf0aLw3', authorName: '',
    }),
    card('card-unsorted', PEOPLE.erik, PLENARY_AREA, 146, { text: 'Ask the platform team when the Mission Label call opens' }),
  ]
  const entries: HarvestEntry[] = [
    entry('e-cluj-outcome', 40, { source: 'card', sourceId: 'card-cluj-outcome', section: 'what', text: cards[0]!.text, kind: 'outcome', cities: ['Cluj-Napoca'], levers: ['social_innovation', 'finance'] }),
    entry('e-procurement', 110, { source: 'pattern', sourceId: 'p-procurement', section: 'so_what', text: 'Procurement slows every pilot', kind: 'challenge', cities: [], levers: ['governance', 'finance'] }),
    entry('e-key-trust', 115, { source: 'insight', sourceId: '', section: 'so_what', text: 'Trust in local intermediaries, not subsidies, unlocks household retrofits', kind: 'insight', cities: ['Cluj-Napoca', 'Galway'], levers: ['social_innovation'], key: true }),
    entry('e-idea', 140, { source: 'card', sourceId: 'card-idea', section: 'now_what', text: cards[10]!.text, kind: 'idea', cities: ['Umeå'], levers: ['finance', 'governance'] }),
    entry('e-key-finance', 145, { source: 'insight', sourceId: '', section: 'now_what', text: 'Bankable proposals need staff: finance is the shared bottleneck', kind: null, cities: [], levers: ['finance'], key: true }),
  ]
  return {
    session: {
      id: 'session-c4',
      title: 'Round 2 Collective Sensemaking: Looking back, looking ahead',
      cluster: 'Cluster 4: Decarbonising the Built Environment',
      date: '2026-11-12',
      round: 'Round 2',
      cities: [
        { name: 'Cluj-Napoca', kind: 'pilot', project: 'Net-Zero Apartment-block Neighbourhoods' },
        { name: 'Galway', kind: 'pilot', project: 'Net Zero Pilot' },
        { name: 'Łódź', kind: 'pilot', project: 'NEEST – NetZero Emission and Environmentally Sustainable Territories' },
        { name: 'Umeå', kind: 'twin', twinOf: 'Łódź' },
      ],
      createdAt: at(-60 * 24),
    },
    members: Object.values(PEOPLE),
    control: {
      agenda,
      currentItemId: wrap!.id,
      stories: [
        story('story-cluj', 'Cluj-Napoca', PEOPLE.ioana, 'Energy communities in apartment blocks', [28, 11], [39, 6]),
        story('story-galway', 'Galway', PEOPLE.siobhan, 'The Warm Home Hub', [46, 9], [55, 5.5]),
      ],
      currentStoryId: null,
      leadId: PEOPLE.ana.id,
      startsAt: '10:00',
      endsAt: '12:30',
      chime: false,
      boardMode: { ...DEFAULT_BOARD_MODE, anonymous: true },
      reportShared: false,
      endedAt: null,
      rounds: [round('round-so', breakouts!.id, [ROOMS.one, ROOMS.two]), round('round-now', ahead!.id, [ROOMS.finance])],
    },
    notes,
    voteTotals: { 'card-procurement-1': 4, 'card-idea': 3, 'card-insight': 1 },
    cards,
    patterns: [{ id: 'p-procurement', name: 'Procurement slows every pilot', createdBy: PEOPLE.hana.id, createdAt: at(100) }],
    entries,
    summaries: {
      overall: 'Trust, finance and procurement ran through every story.',
      what: 'Each pilot reached residents before it reached buildings.',
      so_what: 'Procurement and lending rules slow every pilot alike.',
      now_what: 'Share tender templates and bankable-proposal skills between twins.',
      levers: 'Finance came up most, then governance.',
    },
    survey: {
      responses: 3,
      pilotResponses: 2,
      twinResponses: 1,
      statements: [{ text: 'I left the session with new insights I can act on', counts: [0, 0, 1, 1, 1], answered: 3, agreed: 2 }],
      questions: [{ text: 'What was the highlight of the session for you?', answers: [{ text: 'Hearing how Galway reached households', cityKind: 'twin' }] }],
    },
    now: at(152),
    ...overrides,
  }
}
