import type { CityKind } from '../roles'
import type { CityStory, Report, ReportCard, ReportEntry, ReportPattern } from './report'

/**
 * One city's learning pack: what the city needs to write its own "Learning and Insights"
 * report, taken from the session's Harvest Report and nothing else.
 *
 * Which cards and entries land where (the rule the renderers and the README state):
 * - `duringStory`: every card written in the city's story area, by anyone.
 * - `offers`: ideas and offers of other cities addressed to it: cards of a Now What kind written
 *   by someone of another city (or of no city) either during its story or naming the city in a
 *   tag or the text; and Now What harvest entries whose cities or text name it.
 * - `questions`: cards written during its story whose text ends with "?" or that nobody sorted.
 * - `keyInsights`: key insights naming the city, and those naming no city (they speak for all).
 */
export interface LearningPack {
  /** Bumped with the shape, as the report's version is. */
  version: 1
  generatedAt: string
  session: Report['session']
  city: string
  cityKind: CityKind | null
  /** The pilot's project name, or the pilot a twin city is twinned with. */
  project: string | null
  twinOf: string | null
  /** Its story as the storyteller prepared it, or null when it told none. */
  story: CityStory | null
  duringStory: ReportCard[]
  patterns: ReportPattern[]
  keyInsights: ReportEntry[]
  offers: { cards: ReportCard[]; entries: ReportEntry[] }
  questions: ReportCard[]
}

/** A pack's address in a format; the token goes in the Authorization header, or in `?token=` for a plain link. */
export const learningPackPath = (sessionId: string, city: string, format: string) =>
  `/api/sessions/${encodeURIComponent(sessionId)}/packs/${encodeURIComponent(city)}.${format}`

/** The zip of every city's pack in every format. */
export const learningPacksZipPath = (sessionId: string) => `/api/sessions/${encodeURIComponent(sessionId)}/packs.zip`

/** The formats a learning pack is downloaded in. */
export const PACK_FORMATS = ['md', 'html', 'docx'] as const
export type PackFormat = (typeof PACK_FORMATS)[number]
