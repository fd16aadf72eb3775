import type { CityKind } from '../roles'
import type { CardKind, EmissionDomain, Lever } from '../taxonomy'

/**
 * The Harvest Report as one value. A pure function builds it from the session's records and
 * documents; every export format renders this value and nothing else, so the formats never
 * disagree about what the session produced. The JSON export is this value as it stands, so
 * its shape is a public contract: a change bumps REPORT_VERSION and the JSON Schema.
 */
export const REPORT_VERSION = 1

/** The formats the report is exported in; each has one renderer on the server. */
export const REPORT_FORMATS = ['md', 'html', 'pdf', 'docx', 'json', 'csv'] as const
export type ReportFormat = (typeof REPORT_FORMATS)[number]

/** What a person calls each format in the Export menu. */
export const REPORT_FORMAT_LABELS: Record<ReportFormat, string> = {
  md: 'Markdown',
  html: 'Web page (HTML)',
  pdf: 'PDF',
  docx: 'Word (.docx)',
  json: 'JSON (for machines)',
  csv: 'Cards as CSV (spreadsheet)',
}

/** A card as the report lists it: every field of the board, with names instead of ids. */
export interface ReportCard {
  id: string
  text: string
  kind: CardKind | null
  /** "Early outcome", "Challenge", …, or "Unsorted". */
  kindLabel: string
  /** The writer's name; "Anonymous" when the session hid authors. */
  author: string
  /** The writer's own city (empty for facilitators and harvesters without one). */
  authorCity: string
  authorCityKind: CityKind | null
  /** The city the card speaks about: the story's city for a card written in a story's area, otherwise the writer's. */
  city: string
  /** The board area id (`plenary`, `story:<id>`, `room:<round>:<room>`). */
  area: string
  /** "Plenary", "Cluj-Napoca's story", "Breakouts – Room 2". */
  areaLabel: string
  /** The agenda item of the breakout round the card was written in, or null outside breakouts. */
  round: string | null
  levers: Lever[]
  domains: EmissionDomain[]
  tags: string[]
  /** The name of the pattern it was grouped into, or null. */
  pattern: string | null
  /** Dots of the session's latest vote (0 when it had none). */
  votes: number
  /** Whether a harvester promoted it (or its pattern) into the harvest. */
  promoted: boolean
  /** ISO 8601. */
  createdAt: string
}

/** Something promoted into the harvest, as the harvesters left it. */
export interface ReportEntry {
  id: string
  text: string
  source: 'card' | 'pattern' | 'insight'
  section: 'what' | 'so_what' | 'now_what'
  kind: CardKind | null
  kindLabel: string
  /** The cities it came from, as the harvester attached them (or as the source card or pattern names them). */
  cities: string[]
  levers: Lever[]
  /** Marked by a harvester as a key insight: listed first, as the programme's action brief opens. */
  key: boolean
}

/** Cards of one city. */
export interface CityCards {
  city: string
  cards: ReportCard[]
}

/** What was said about one city's story: prepared, written during it, promoted from it. */
export interface CityStory {
  city: string
  cityKind: CityKind | null
  /** The pilot's project name, for pilot cities. */
  project: string | null
  storyteller: string
  /** The story's title as prepared (empty when none was given). */
  title: string
  /** queued | telling | qa | done | skipped, or "no story" for a city heard only through its cards. */
  status: string
  /** The storyteller's prepared notes, field by field in template order (empty fields left out). */
  prepared: { label: string; text: string }[]
  /** Early outcomes: cards of kind outcome about this city. */
  outcomes: ReportCard[]
  /** Strategic learnings: cards of kind learning about this city. */
  learnings: ReportCard[]
  /** Other cards written during this city's story (questions, unsorted notes, other kinds). */
  notes: ReportCard[]
  /** Harvest entries promoted from this story's cards or naming this city in the What? section. */
  promoted: ReportEntry[]
}

/** One W³ kind's cards, grouped by city, with what was promoted of that kind. */
export interface KindSection {
  kind: CardKind
  label: string
  entries: ReportEntry[]
  byCity: CityCards[]
}

/** A pattern harvesters formed, with the cities its cards came from. */
export interface ReportPattern {
  id: string
  name: string
  cities: string[]
  promoted: boolean
  cards: ReportCard[]
}

/** Everything tagged with one lever of change. */
export interface LeverSection {
  lever: Lever
  label: string
  /** How many entries and cards name this lever. */
  count: number
  cities: string[]
  entries: ReportEntry[]
  cards: ReportCard[]
}

/** One line of the timekeeping record. */
export interface TimeRow {
  kind: 'item' | 'story'
  title: string
  plannedMinutes: number
  actualMinutes: number
  /** actual − planned; positive is overtime. */
  overMinutes: number
}

/** One agreement statement's answers, strongly disagree … strongly agree. */
export interface SurveyStatement {
  text: string
  /** Five counts: strongly disagree, disagree, neutral, agree, strongly agree. */
  counts: [number, number, number, number, number]
  answered: number
  /** Agreed or strongly agreed. */
  agreed: number
}

/** One open question's answers, without names. */
export interface SurveyQuestion {
  text: string
  answers: { text: string; cityKind: CityKind | null }[]
}

/** The feedback survey's results, without names. */
export interface ReportSurvey {
  responses: number
  pilotResponses: number
  twinResponses: number
  statements: SurveyStatement[]
  questions: SurveyQuestion[]
}

/** One area of the board in the appendix. */
export interface AppendixArea {
  area: string
  label: string
  round: string | null
  cards: ReportCard[]
}

/** The whole Harvest Report. */
export interface Report {
  version: typeof REPORT_VERSION
  /** ISO 8601: the report shows the session as it stood at this moment. */
  generatedAt: string
  session: {
    id: string
    title: string
    cluster: string
    /** YYYY-MM-DD. */
    date: string
    startsAt: string
    endsAt: string
  }
  facilitators: string[]
  harvesters: string[]
  pilotCities: { name: string; project: string | null; twins: string[] }[]
  twinCities: { name: string; twinOf: string | null }[]
  /** The harvesters' "Common themes" summary. */
  commonThemes: string
  keyInsights: ReportEntry[]
  /** `entries` in each W³ section: harvest entries of that section that no story or kind section lists (written insights, patterns of unsorted cards), so nothing promoted is lost. */
  what: { summary: string; entries: ReportEntry[]; stories: CityStory[] }
  soWhat: { summary: string; entries: ReportEntry[]; patterns: ReportPattern[]; kinds: KindSection[] }
  nowWhat: { summary: string; entries: ReportEntry[]; kinds: KindSection[] }
  /** Cards nobody has sorted into a W³ kind yet, outside any story. */
  unsorted: CityCards[]
  levers: { summary: string; sections: LeverSection[] }
  timekeeping: { rows: TimeRow[]; plannedMinutes: number; actualMinutes: number }
  survey: ReportSurvey | null
  appendix: AppendixArea[]
  /** Every card once, oldest first: the rows of the CSV. */
  cards: ReportCard[]
}
