import type { LearningPack } from '@harvest/shared'
import { sessionWhen } from '../renderers/reportText'

/** The pack's wording that every format shares, as plain unescaped text. */

/** The pack's title: "Learning pack: Łódź". */
export const packTitle = (pack: LearningPack) => `Learning pack: ${pack.city}`

/** The line under the title: the session, its cluster and date. */
export const packAbout = (pack: LearningPack) =>
  [pack.session.title, pack.session.cluster, sessionWhen(pack.session)].filter((s) => s.trim() !== '').join(' · ')

/** What the city is in the programme: "Pilot city · Project: NEEST", "Twin city of Łódź". */
export function cityLine(pack: LearningPack): string {
  const kind = pack.cityKind === 'pilot' ? 'Pilot city' : pack.cityKind === 'twin' ? `Twin city${pack.twinOf ? ` of ${pack.twinOf}` : ''}` : 'City'
  return [kind, pack.project ? `Project: ${pack.project}` : ''].filter(Boolean).join(' · ')
}

/** Why the pack exists, said once at its top. */
export const PACK_PURPOSE =
  'Everything this session produced about the city, gathered to help it write its own "Learning and Insights" report.'

/** The pack's sections, in reading order, with what each says when it is empty. */
export const PACK_SECTIONS = {
  story: { title: 'Our story as prepared', empty: 'The city told no story in this session.' },
  duringStory: { title: 'What others wrote during our story', empty: 'No cards were written during the story.' },
  patterns: { title: 'Patterns we appear in', empty: 'No pattern names the city.' },
  keyInsights: { title: 'Key insights', empty: 'No key insight names the city.' },
  offers: { title: 'Ideas and offers addressed to us', empty: 'No ideas or offers name the city yet.' },
  questions: { title: 'Questions asked', empty: 'No questions were asked during the story.' },
} as const

/** How the offers were chosen, said under their heading so a reader knows what is missing. */
export const OFFERS_RULE =
  'Ideas, synergies, revised actions, risks and needs written by people of other cities during our story or naming us, and Now What harvest entries naming us.'

/** What a card's line says besides its text in a pack: kind, writer and their city. */
export function packCardMeta(card: LearningPack['duringStory'][number]): string {
  const writer = card.authorCity && card.authorCity !== card.author ? `${card.author} (${card.authorCity})` : card.author
  return [card.kindLabel, writer, card.votes > 0 ? `${card.votes} ${card.votes === 1 ? 'vote' : 'votes'}` : ''].filter(Boolean).join(' · ')
}
