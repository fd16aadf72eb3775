import type { City, CityStory, ReportCard, Story, StoryNotes } from '@harvest/shared'
import { STORY_TEMPLATE, storyArea } from '@harvest/shared'
import type { CardIndex } from './attribution'
import { orderCities } from './cityOrder'
import type { Promoted } from './entries'
import type { ReportInput } from './ReportInput'

const isWhatKind = (card: ReportCard) => card.kind === 'outcome' || card.kind === 'learning'

/** The storyteller's notes field by field in template order, leaving out what they left empty. */
export function preparedNotes(notes: StoryNotes | undefined): CityStory['prepared'] {
  if (!notes) return []
  return STORY_TEMPLATE.flatMap((section) => section.fields)
    .map((field) => ({ label: field.label, text: (notes[field.key] ?? '').trim() }))
    .filter((field) => field.text !== '')
}

/**
 * What?: one entry per story in queue order, then one per city that has outcomes or learnings
 * but told no story, so no early outcome is lost. An outcome written during a story belongs to
 * that story; one written elsewhere goes to the first story of its city.
 */
export function whatStories(input: ReportInput, index: CardIndex, promoted: readonly Promoted[]): CityStory[] {
  const { stories } = input.control
  const whatCards = index.cards.filter(isWhatKind)
  const homeOf = (card: ReportCard): Story | null =>
    (index.storyAreas.has(card.area) ? stories.find((s) => storyArea(s.id) === card.area) : undefined) ??
    stories.find((s) => s.city === card.city) ??
    null
  const homes = new Map(whatCards.map((card) => [card.id, homeOf(card)]))
  const cityOf = (name: string): City | undefined => input.session.cities.find((c) => c.name === name)
  const members = new Map(input.members.map((m) => [m.id, m]))

  const told = stories.map<CityStory>((story) => {
    const area = storyArea(story.id)
    const mine = whatCards.filter((card) => homes.get(card.id) === story)
    const city = cityOf(story.city)
    const teller = story.storytellerId ? members.get(story.storytellerId) : undefined
    return {
      city: story.city,
      cityKind: city?.kind ?? teller?.cityKind ?? null,
      project: city?.project ?? null,
      storyteller: story.storytellerName || teller?.name || '',
      title: story.title,
      status: story.status,
      prepared: preparedNotes(input.notes[story.id]),
      outcomes: mine.filter((c) => c.kind === 'outcome'),
      learnings: mine.filter((c) => c.kind === 'learning'),
      notes: index.cards.filter((c) => c.area === area && !isWhatKind(c)),
      promoted: promoted
        .filter(({ source, entry }) => (source.source === 'card' && index.byId.get(source.sourceId)?.area === area) || namesCity(entry, story.city))
        .map((p) => p.entry),
    }
  })

  const untold = whatCards.filter((card) => homes.get(card.id) === null)
  const silent = orderCities(
    untold.map((c) => c.city),
    input.session.cities,
  ).map<CityStory>((name) => {
    const mine = untold.filter((c) => c.city === name)
    const city = cityOf(name)
    return {
      city: name,
      cityKind: city?.kind ?? mine[0]?.authorCityKind ?? null,
      project: city?.project ?? null,
      storyteller: '',
      title: '',
      status: 'no story',
      prepared: [],
      outcomes: mine.filter((c) => c.kind === 'outcome'),
      learnings: mine.filter((c) => c.kind === 'learning'),
      notes: [],
      promoted: promoted.filter(({ entry }) => namesCity(entry, name)).map((p) => p.entry),
    }
  })
  return [...told, ...silent]
}

const namesCity = (entry: Promoted['entry'], city: string) => entry.section === 'what' && entry.cities.includes(city)
