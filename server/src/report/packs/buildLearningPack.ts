import type { LearningPack, Report, ReportCard } from '@harvest/shared'
import { KIND_PHASE } from '@harvest/shared'
import { harvestEntries } from '../harvestEntries'

/** The cities a session has packs for: its pilots, its twins, then any city that told a story, each once. */
export function packCities(report: Report): string[] {
  const all = [...report.pilotCities.map((p) => p.name), ...report.twinCities.map((t) => t.name), ...report.what.stories.map((s) => s.city)]
  return [...new Set(all.filter((name) => name.trim() !== ''))]
}

/** Whether a city of the session has this name, compared as people type it (case and accents kept: "Łódź" is not "Lodz"). */
export function findPackCity(report: Report, name: string): string | null {
  const wanted = name.normalize('NFC').toLocaleLowerCase()
  return packCities(report).find((city) => city.normalize('NFC').toLocaleLowerCase() === wanted) ?? null
}

const inStoryOf = (card: ReportCard, city: string) => card.area.startsWith('story:') && card.city === city
const names = (text: string, city: string) => text.toLocaleLowerCase().includes(city.toLocaleLowerCase())
const isNowWhat = (card: ReportCard) => card.kind !== null && KIND_PHASE[card.kind] === 'now_what'

/** One city's learning pack, built from the session's report alone (the rule is on LearningPack). */
export function buildLearningPack(report: Report, city: string): LearningPack {
  const pilot = report.pilotCities.find((p) => p.name === city)
  const twin = report.twinCities.find((t) => t.name === city)
  const story = report.what.stories.find((s) => s.city === city && s.status !== 'no story') ?? null
  const duringStory = report.cards.filter((card) => inStoryOf(card, city))
  const fromElsewhere = (card: ReportCard) => card.authorCity !== city
  const offerCards = report.cards.filter(
    (card) => isNowWhat(card) && fromElsewhere(card) && (inStoryOf(card, city) || card.tags.some((tag) => names(tag, city)) || names(card.text, city)),
  )
  const entries = harvestEntries(report)
  return {
    version: 1,
    generatedAt: report.generatedAt,
    session: report.session,
    city,
    cityKind: pilot ? 'pilot' : twin ? 'twin' : (story?.cityKind ?? null),
    project: pilot?.project ?? story?.project ?? null,
    twinOf: twin?.twinOf ?? null,
    story,
    duringStory,
    patterns: report.soWhat.patterns.filter((p) => p.cities.includes(city)),
    keyInsights: report.keyInsights.filter((e) => e.cities.length === 0 || e.cities.includes(city)),
    offers: {
      cards: offerCards,
      entries: entries.filter((e) => e.section === 'now_what' && (e.cities.includes(city) || names(e.text, city))),
    },
    questions: duringStory.filter((card) => card.text.trim().endsWith('?') || card.kind === null),
  }
}
