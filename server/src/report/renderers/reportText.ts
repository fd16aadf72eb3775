import type { CardKind, ReportCard, ReportEntry, ReportSurvey, SurveyStatement } from '@harvest/shared'
import { LEVER_LABELS } from '@harvest/shared'

/**
 * The report's wording that every text format shares, so Markdown, HTML and the charts say the
 * same thing the same way. Everything here returns plain, unescaped text.
 */

/** The five answers of an agreement statement, in the order of SurveyStatement.counts. */
export const LIKERT_LABELS = ['Strongly disagree', 'Disagree', 'Neutral', 'Agree', 'Strongly agree'] as const

/** Below this many responses the survey shows counts only: a share of two people says little and may identify them. */
export const SURVEY_MIN_RESPONSES = 3

/** Whether the survey has enough responses to be summarised, charted and quoted. */
export function surveyIsSummarised(survey: ReportSurvey): boolean {
  return survey.responses >= SURVEY_MIN_RESPONSES
}

/** Minutes as a short number: whole minutes as they are, otherwise one decimal ("12.5"). */
export function minutes(value: number): string {
  const rounded = Math.round(value * 10) / 10
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(1)
}

/** A difference in minutes with its sign: "+2.5", "−5", "±0". */
export function signedMinutes(value: number): string {
  const text = minutes(Math.abs(value))
  if (text === '0') return '±0'
  return value > 0 ? `+${text}` : `−${text}`
}

/** The report's way of counting agreement: "3 of 4 agreed or strongly agreed". */
export function agreedSentence(statement: SurveyStatement): string {
  return `${statement.agreed} of ${statement.answered} agreed or strongly agreed`
}

/** How many responses came in, split by pilot and twin cities. */
export function responsesSentence(survey: ReportSurvey): string {
  const total = `${survey.responses} ${survey.responses === 1 ? 'response' : 'responses'}`
  return `${total} (${survey.pilotResponses} from pilot cities, ${survey.twinResponses} from twin cities)`
}

/** Said instead of the summary when too few people answered. */
export const FEW_RESPONSES_NOTE = `Fewer than ${SURVEY_MIN_RESPONSES} people answered, so only the counts are shown: no shares, chart or quoted answers.`

const KIND_HEADINGS: Record<CardKind, string> = {
  outcome: 'Early outcomes',
  learning: 'Strategic learnings',
  challenge: 'Challenges',
  insight: 'Insights',
  possibility: 'Possibilities',
  blind_spot: 'Blind spots',
  idea: 'Ideas',
  synergy: 'Synergies',
  action: 'Revised actions',
  risk_or_need: 'Risks or needs',
}

/** A kind's section heading, in the plural the D4.5 report uses ("Possibilities", "Risks or needs"). */
export function kindHeading(kind: CardKind): string {
  return KIND_HEADINGS[kind]
}

/** The status of a city heard only through its cards: it has no title, storyteller or prepared notes. */
export const NO_STORY = 'no story'

/** Said in place of a story's title when the city told none. */
export const NO_STORY_NOTE = 'No story was told: these are the cards written about this city.'

const STORY_STATUS: Record<string, string> = {
  queued: 'Not told yet',
  telling: 'Being told',
  qa: 'In questions and answers',
  done: 'Told',
  skipped: 'Skipped',
  [NO_STORY]: 'No story told',
}

/** A story's status as a reader says it; an unknown status is shown as it is. */
export function storyStatusLabel(status: string): string {
  return STORY_STATUS[status] ?? status
}

/** The moment the report was generated, as "2026-11-12 12:30 UTC" (never the reader's locale, so output is stable). */
export function generatedLabel(iso: string): string {
  const date = new Date(iso)
  if (Number.isNaN(date.getTime())) return iso
  return `${date.toISOString().slice(0, 10)} ${date.toISOString().slice(11, 16)} UTC`
}

/** The session's date and time window: "2026-11-12, 09:30–12:30". */
export function sessionWhen(session: { date: string; startsAt: string; endsAt: string }): string {
  const window = [session.startsAt, session.endsAt].filter((t) => t !== '').join('–')
  return window ? `${session.date}, ${window}` : session.date
}

/** A list of names, or what to say when there is none. */
export function names(list: string[], none = 'None named'): string {
  return list.length > 0 ? list.join(', ') : none
}

/** "3 votes", "1 vote". */
export function votes(count: number): string {
  return `${count} ${count === 1 ? 'vote' : 'votes'}`
}

/** The levers' labels, comma-separated. */
export function leverNames(levers: ReportCard['levers']): string {
  return levers.map((lever) => LEVER_LABELS[lever]).join(', ')
}

/** What a card's line says besides its text, within a section that already names kind and city. */
export function cardMeta(card: ReportCard): string {
  return [card.author, leverNames(card.levers), card.votes > 0 ? votes(card.votes) : ''].filter((s) => s !== '').join(' · ')
}

/** What an appendix line says besides the card's text: kind, city, author, levers, votes. */
export function appendixMeta(card: ReportCard): string {
  const levers = card.levers.length > 0 ? `Levers: ${leverNames(card.levers)}` : ''
  return [card.kindLabel, card.city, card.author, levers, votes(card.votes)].filter((s) => s !== '').join(' · ')
}

/** What a harvest entry's line says besides its text: kind, cities, levers. */
export function entryMeta(entry: ReportEntry): string {
  const cities = entry.cities.length > 0 ? entry.cities.join(', ') : ''
  return [entry.kindLabel, cities, leverNames(entry.levers)].filter((s) => s !== '').join(' · ')
}

/** A pilot city's line in the header: "Łódź: Łódź Retrofit (twinned with Umeå)". */
export function pilotLine(pilot: { name: string; project: string | null; twins: string[] }): string {
  const project = pilot.project ? `: ${pilot.project}` : ''
  const twins = pilot.twins.length > 0 ? ` (twinned with ${pilot.twins.join(', ')})` : ''
  return `${pilot.name}${project}${twins}`
}

/** A twin city's line in the header: "Umeå, twin of Łódź". */
export function twinLine(twin: { name: string; twinOf: string | null }): string {
  return twin.twinOf ? `${twin.name}, twin of ${twin.twinOf}` : twin.name
}

/** How many cards each lever lists; the appendix holds all of them. */
export const LEVER_CARDS_SHOWN = 8

/**
 * The cards a lever's section shows: the most voted, then promoted ones, then the oldest. Every
 * card already appears in its W³ section and the appendix, and listing all of them again under
 * every lever they name would make a large session's report several times longer.
 */
export function leverHighlights(cards: readonly ReportCard[]): { shown: ReportCard[]; more: number } {
  const ranked = [...cards].sort((a, b) => b.votes - a.votes || Number(b.promoted) - Number(a.promoted))
  return { shown: ranked.slice(0, LEVER_CARDS_SHOWN), more: Math.max(0, cards.length - LEVER_CARDS_SHOWN) }
}

/** Said under a lever's cards when it names more than are shown. */
export const moreLeverCards = (more: number) => `And ${more} more ${more === 1 ? 'card' : 'cards'} with this lever: see the appendix.`
