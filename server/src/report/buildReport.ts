import type { City, Member, Report, ReportEntry, Role, SessionInfo } from '@harvest/shared'
import { REPORT_VERSION } from '@harvest/shared'
import { appendix } from './appendix'
import { indexCards } from './attribution'
import { reportEntries } from './entries'
import { leverSections } from './levers'
import type { ReportInput } from './ReportInput'
import { kindSections, reportPatterns, unsortedCards } from './sections'
import { whatStories } from './stories'
import { timekeeping } from './timekeeping'

/**
 * The Harvest Report of a session as its records stand at `input.now`. Pure and deterministic:
 * the same records always give the same report, so every export format agrees and a report
 * generated twice can be compared.
 */
export function buildReport(input: ReportInput): Report {
  const { session, control, summaries } = input
  const index = indexCards(input)
  const promoted = reportEntries(input.entries, index)
  const stories = whatStories(input, index, promoted)
  const soWhatKinds = kindSections('so_what', index, promoted, session.cities)
  const nowWhatKinds = kindSections('now_what', index, promoted, session.cities)
  const placed = new Set([...stories.flatMap((s) => s.promoted), ...soWhatKinds.flatMap((k) => k.entries), ...nowWhatKinds.flatMap((k) => k.entries)].map((e) => e.id))
  const unplaced = (section: ReportEntry['section']) => promoted.map((p) => p.entry).filter((e) => e.section === section && !placed.has(e.id))
  return {
    version: REPORT_VERSION,
    generatedAt: new Date(input.now).toISOString(),
    session: {
      id: session.id,
      title: session.title,
      cluster: session.cluster,
      date: session.date,
      startsAt: control.startsAt,
      endsAt: control.endsAt,
    },
    facilitators: namesOf(input.members, 'facilitator'),
    harvesters: namesOf(input.members, 'harvester'),
    ...cityLists(session, input.members),
    commonThemes: summaries.overall,
    keyInsights: promoted.filter((p) => p.entry.key).map((p) => p.entry),
    what: { summary: summaries.what, entries: unplaced('what'), stories },
    soWhat: { summary: summaries.so_what, entries: unplaced('so_what'), patterns: reportPatterns(input.patterns, index, promoted), kinds: soWhatKinds },
    nowWhat: { summary: summaries.now_what, entries: unplaced('now_what'), kinds: nowWhatKinds },
    unsorted: unsortedCards(index, session.cities),
    levers: { summary: summaries.levers, sections: leverSections(index, promoted, session.cities) },
    timekeeping: timekeeping(control, input.now),
    survey: input.survey,
    appendix: appendix(index, control),
    cards: index.cards,
  }
}

/** Names of the members holding a role, in the order they joined. */
function namesOf(members: readonly Member[], role: Role): string[] {
  return members
    .filter((m) => m.role === role)
    .sort((a, b) => a.joinedAt - b.joinedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .map((m) => m.name)
}

/**
 * The pilots with their projects and twins, and the twins with the pilot each is twinned with:
 * the cities the session lists, then those its participants joined for that it does not.
 */
function cityLists(session: SessionInfo, members: readonly Member[]): Pick<Report, 'pilotCities' | 'twinCities'> {
  const listed = new Set(session.cities.map((c) => c.name))
  const joined = members
    .filter((m) => m.city && m.cityKind && !listed.has(m.city))
    .sort((a, b) => a.joinedAt - b.joinedAt)
    .map((m): City => ({ name: m.city, kind: m.cityKind! }))
  const cities: City[] = [...session.cities, ...joined.filter((c, i) => joined.findIndex((o) => o.name === c.name) === i)]
  const twins = cities.filter((c) => c.kind === 'twin')
  return {
    pilotCities: cities
      .filter((c) => c.kind === 'pilot')
      .map((c) => ({ name: c.name, project: c.project || null, twins: twins.filter((t) => t.twinOf === c.name).map((t) => t.name) })),
    twinCities: twins.map((c) => ({ name: c.name, twinOf: c.twinOf || null })),
  }
}
