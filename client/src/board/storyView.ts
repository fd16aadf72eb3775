/** What a screen is showing, for deciding where the board should go when the story changes. */
export interface StoryViewInput {
  /** The live story's area before and after the change (null between stories). */
  before: string | null
  after: string | null
  /** The area this person's board shows now. */
  chosen: string
  /** Whether the current agenda item is a storytelling item. */
  storytelling: boolean
}

/**
 * Where a person's board goes when the story being told changes: to the new story's area, so
 * everyone's notes land in that story (a listener can still switch tabs); it stays put for
 * someone in a breakout room, and when storytelling is over a board left on a story returns to
 * the plenary. Null means: leave the board where it is.
 */
export function storyViewArea({ before, after, chosen, storytelling }: StoryViewInput): string | null {
  if (chosen.startsWith('room:')) return null
  if (after && after !== before) return after
  if (!after && !storytelling && chosen.startsWith('story:')) return 'plenary'
  return null
}
