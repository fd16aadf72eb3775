import type { CardKind, Lever, Report, ReportCard, ReportEntry } from '@harvest/shared'
import { KIND_LABELS, LEVER_LABELS } from '@harvest/shared'

/**
 * A small, hand-made report for the renderers' tests: two pilot cities with non-ASCII names,
 * a card holding markup, one holding a spreadsheet formula, one with commas, quotes and a line
 * break, a pattern, key insights, timekeeping with overtime and a survey.
 */
export function fixtureReport(overrides: Partial<Report> = {}): Report {
  let n = 0
  const card = (text: string, kind: CardKind | null, city: string, area: string, extra: Partial<ReportCard> = {}): ReportCard => ({
    id: `card-${++n}`,
    text,
    kind,
    kindLabel: kind ? KIND_LABELS[kind] : 'Unsorted',
    author: `Writer ${n}`,
    authorCity: city,
    authorCityKind: 'pilot',
    city,
    area,
    areaLabel: area === 'plenary' ? 'Plenary' : area.startsWith('story:') ? `${city}'s story` : 'Breakouts – Room 1',
    round: area.startsWith('room:') ? 'Breakouts' : null,
    levers: [],
    domains: [],
    tags: [],
    pattern: null,
    votes: 0,
    promoted: false,
    createdAt: new Date(Date.UTC(2026, 10, 12, 9, n)).toISOString(),
    ...extra,
  })
  const entry = (text: string, section: ReportEntry['section'], kind: CardKind | null, cities: string[], levers: Lever[], key = false): ReportEntry => ({
    id: `entry-${++n}`,
    text,
    source: 'card',
    section,
    kind,
    kindLabel: kind ? KIND_LABELS[kind] : 'Insight',
    cities,
    levers,
    key,
  })

  const outcome = card('Retrofit one-stop shop opened in Łódź', 'outcome', 'Łódź', 'story:s1', { levers: ['technology'], promoted: true })
  const learning = card('Start with the residents, not the buildings', 'learning', 'Łódź', 'story:s1', { levers: ['democracy'] })
  const script = card('<script>alert("x")</script> & <b>bold</b>', null, 'Łódź', 'story:s1')
  const challenge = card('Procurement rules slow every pilot', 'challenge', 'Umeå', 'room:r1:a', { pattern: 'Procurement', levers: ['governance'], votes: 3 })
  const challenge2 = card('Public tenders take a year', 'challenge', 'Łódź', 'room:r1:a', { pattern: 'Procurement', levers: ['governance', 'finance'] })
  const formula = card('=HYPERLINK("http://x","click")', 'insight', 'Umeå', 'plenary')
  const quoted = card('Costs, "hidden" ones\nand a second line', 'idea', 'Umeå', 'room:r1:a', { tags: ['budget'], domains: ['buildings_thermal'] })
  const unsorted = card('+ to be sorted later', null, 'Umeå', 'plenary')
  const cards = [outcome, learning, script, challenge, challenge2, formula, quoted, unsorted]

  const keyInsight = entry('Procurement is the bottleneck across cities', 'so_what', 'insight', ['Łódź', 'Umeå'], ['governance'], true)
  const promotedOutcome = entry(outcome.text, 'what', 'outcome', ['Łódź'], ['technology'])
  const promotedIdea = entry('Shared tender templates between twin cities', 'now_what', 'idea', ['Umeå'], ['finance'])

  return {
    version: 1,
    generatedAt: '2026-11-12T12:30:00.000Z',
    session: { id: 'session-1', title: 'Cluster 4: Decarbonising the Built Environment – Łódź & Umeå', cluster: 'Cluster 4', date: '2026-11-12', startsAt: '09:30', endsAt: '12:30' },
    facilitators: ['Ana Facilitator'],
    harvesters: ['Hana Harvester'],
    pilotCities: [
      { name: 'Łódź', project: 'Łódź Retrofit', twins: ['Umeå'] },
      { name: 'Cluj-Napoca', project: null, twins: [] },
    ],
    twinCities: [{ name: 'Umeå', twinOf: 'Łódź' }],
    commonThemes: 'Residents first; procurement as a shared bottleneck.',
    keyInsights: [keyInsight],
    what: {
      summary: 'Early outcomes were concrete.',
      entries: [],
      stories: [
        {
          city: 'Łódź',
          cityKind: 'pilot',
          project: 'Łódź Retrofit',
          storyteller: 'Ola Storyteller',
          title: 'A one-stop shop for retrofits',
          status: 'done',
          prepared: [
            { label: 'Milestones', text: 'Opened the shop in March.' },
            { label: '1–2 key learnings', text: 'Residents trust neighbours more than brochures.' },
          ],
          outcomes: [outcome],
          learnings: [learning],
          notes: [script],
          promoted: [promotedOutcome],
        },
        {
          city: 'Cluj-Napoca',
          cityKind: 'pilot',
          project: null,
          storyteller: 'Cluj storyteller',
          title: '',
          status: 'queued',
          prepared: [],
          outcomes: [],
          learnings: [],
          notes: [],
          promoted: [],
        },
      ],
    },
    soWhat: {
      summary: 'Shared challenges around procurement.',
      entries: [entry('Trust travels through neighbours, not brochures', 'so_what', null, ['Łódź'], [])],
      patterns: [{ id: 'p1', name: 'Procurement', cities: ['Umeå', 'Łódź'], promoted: false, cards: [challenge, challenge2] }],
      kinds: (['challenge', 'insight', 'possibility', 'blind_spot'] as const).map((kind) => ({
        kind,
        label: KIND_LABELS[kind],
        entries: kind === 'insight' ? [keyInsight] : [],
        byCity:
          kind === 'challenge'
            ? [
                { city: 'Łódź', cards: [challenge2] },
                { city: 'Umeå', cards: [challenge] },
              ]
            : kind === 'insight'
              ? [{ city: 'Umeå', cards: [formula] }]
              : [],
      })),
    },
    nowWhat: {
      summary: '',
      entries: [],
      kinds: (['idea', 'synergy', 'action', 'risk_or_need'] as const).map((kind) => ({
        kind,
        label: KIND_LABELS[kind],
        entries: kind === 'idea' ? [promotedIdea] : [],
        byCity: kind === 'idea' ? [{ city: 'Umeå', cards: [quoted] }] : [],
      })),
    },
    unsorted: [{ city: 'Umeå', cards: [unsorted] }],
    levers: {
      summary: 'Governance came up most.',
      sections: (['governance', 'finance', 'technology', 'democracy'] as const).map((lever) => {
        const leverCards = cards.filter((c) => c.levers.includes(lever))
        const leverEntries = [keyInsight, promotedOutcome, promotedIdea].filter((e) => e.levers.includes(lever))
        return {
          lever,
          label: LEVER_LABELS[lever],
          count: leverCards.length + leverEntries.length,
          cities: [...new Set([...leverCards.map((c) => c.city), ...leverEntries.flatMap((e) => e.cities)])],
          entries: leverEntries,
          cards: leverCards,
        }
      }),
    },
    timekeeping: {
      rows: [
        { kind: 'item', title: 'Welcome and frame', plannedMinutes: 10, actualMinutes: 12.5, overMinutes: 2.5 },
        { kind: 'item', title: 'Storytelling: Looking back', plannedMinutes: 60, actualMinutes: 55, overMinutes: -5 },
        { kind: 'story', title: 'Łódź: A one-stop shop for retrofits', plannedMinutes: 15, actualMinutes: 18, overMinutes: 3 },
      ],
      plannedMinutes: 70,
      actualMinutes: 67.5,
    },
    survey: {
      responses: 4,
      pilotResponses: 3,
      twinResponses: 1,
      statements: [
        { text: 'I left the session with new insights I can act on', counts: [0, 1, 0, 2, 1], answered: 4, agreed: 3 },
        { text: 'Collective sensemaking enhanced my collaboration with other cities', counts: [1, 0, 1, 1, 1], answered: 4, agreed: 2 },
        { text: 'The session helped me prepare my reporting', counts: [0, 2, 1, 1, 0], answered: 4, agreed: 1 },
      ],
      questions: [
        { text: 'What was the highlight of the session for you?', answers: [{ text: 'Hearing Łódź <b>live</b>', cityKind: 'twin' }] },
        { text: 'What could we improve?', answers: [] },
        { text: 'What further support do you need?', answers: [{ text: 'Templates for tenders', cityKind: 'pilot' }] },
      ],
    },
    appendix: [
      { area: 'plenary', label: 'Plenary', round: null, cards: [formula, unsorted] },
      { area: 'story:s1', label: "Łódź's story", round: null, cards: [outcome, learning, script] },
      { area: 'room:r1:a', label: 'Breakouts – Room 1', round: 'Breakouts', cards: [challenge, challenge2, quoted] },
    ],
    cards,
    ...overrides,
  }
}
