import type * as Y from 'yjs'
import { BYLINE_KEYS, CARD_AUTHOR_FIELDS, getCards, hasBylineValue, readByline, type Byline } from '@harvest/shared'
import type { Author } from './boardPolicy'

/**
 * Writes the author's name, city and city kind from their membership into new cards that left
 * them out, so every card says who wrote it and for which city even when a client that is not
 * ours wrote only the text. The card gets one whole byline (card.ts), the fields it had kept as
 * written, keys of their own folded in. Runs as the server's own change, so everyone receives it.
 */
export function fillAuthors(doc: Y.Doc, cardIds: readonly string[], author: Author, anonymous: boolean, origin: unknown): void {
  const cards = getCards(doc)
  doc.transact(() => {
    for (const id of cardIds) {
      const card = cards.get(id)
      if (!card || CARD_AUTHOR_FIELDS.every((key) => hasBylineValue(card, key))) continue
      const byline: Byline = readByline(card)
      if (!hasBylineValue(card, 'authorName')) byline.authorName = anonymous ? '' : author.name
      if (!hasBylineValue(card, 'city')) byline.city = author.city
      if (!hasBylineValue(card, 'cityKind')) byline.cityKind = author.cityKind
      card.set('byline', byline)
      for (const key of BYLINE_KEYS) if (card.has(key)) card.delete(key)
    }
  }, origin)
}
