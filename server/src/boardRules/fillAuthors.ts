import type * as Y from 'yjs'
import { getCards } from '@harvest/shared'
import type { Author } from './boardPolicy'

/**
 * Writes the author's name, city and city kind from their membership into new cards that left
 * them out, so every card says who wrote it and for which city even when a client that is not
 * ours wrote only the text. Runs as the server's own change, so everyone receives it.
 */
export function fillAuthors(doc: Y.Doc, cardIds: readonly string[], author: Author, anonymous: boolean, origin: unknown): void {
  const cards = getCards(doc)
  doc.transact(() => {
    for (const id of cardIds) {
      const card = cards.get(id)
      if (!card) continue
      if (!card.has('authorName')) card.set('authorName', anonymous ? '' : author.name)
      if (!card.has('city')) card.set('city', author.city)
      if (!card.has('cityKind')) card.set('cityKind', author.cityKind)
    }
  }, origin)
}
