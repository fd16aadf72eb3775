/** One splice that turns a text into another: remove `remove` characters at `index`, insert `insert`. */
export interface TextSplice {
  index: number
  remove: number
  insert: string
}

/**
 * The smallest single splice between two texts (common prefix and suffix kept), so typing in a
 * shared summary sends one small change and does not overwrite what others typed elsewhere.
 * Null when the texts are equal.
 */
export function textDiff(before: string, after: string): TextSplice | null {
  if (before === after) return null
  let start = 0
  const max = Math.min(before.length, after.length)
  while (start < max && before.charCodeAt(start) === after.charCodeAt(start)) start++
  let end = 0
  while (end < max - start && before.charCodeAt(before.length - 1 - end) === after.charCodeAt(after.length - 1 - end)) end++
  // Never split a surrogate pair: an emoji cut in half would corrupt the shared text.
  while (start > 0 && isLowSurrogate(before.charCodeAt(start))) start--
  while (end > 0 && isLowSurrogate(before.charCodeAt(before.length - end))) end--
  return { index: start, remove: before.length - start - end, insert: after.slice(start, after.length - end) }
}

const isLowSurrogate = (code: number) => code >= 0xdc00 && code <= 0xdfff
