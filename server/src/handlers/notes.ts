import type { Identity, Story, StoryNotes } from '@harvest/shared'
import { EMPTY_NOTES, can } from '@harvest/shared'
import { Refusal, mustFind } from '../Refusal'
import type { Handler } from '../realtime/handler'
import { sessionSockets } from '../realtime/broadcast'

const isStoryteller = (identity: Identity, story: Story) => identity.kind === 'member' && story.storytellerId === identity.member.id

/** A storyteller reads their own prepared notes; facilitators and harvesters read all. */
export const notesGet: Handler<'notes:get'> = {
  event: 'notes:get',
  async run(ctx, socket, { storyId }) {
    const identity = socket.data.identity
    const record = await ctx.control.read(identity.sessionId)
    const story = mustFind(record.state.stories, storyId, 'story')
    if (!can(identity.role, 'notes:read') && !isStoryteller(identity, story)) {
      throw new Refusal('forbidden', 'only the storyteller and the facilitation team can read these notes')
    }
    return { ok: true, data: record.notes[storyId] ?? EMPTY_NOTES }
  },
}

/** A storyteller (or a facilitator) saves prepared notes; only those who may read them are told. */
export const notesSave: Handler<'notes:save'> = {
  event: 'notes:save',
  async run(ctx, socket, { storyId, notes }) {
    const identity = socket.data.identity
    let story: Story | undefined
    const saved = await ctx.control.update(
      identity.sessionId,
      (draft) => {
        story = mustFind(draft.state.stories, storyId, 'story')
        if (!can(identity.role, 'notes:write') && !isStoryteller(identity, story)) {
          throw new Refusal('forbidden', 'only the storyteller and the facilitators can change these notes')
        }
        const next: StoryNotes = { ...EMPTY_NOTES, ...draft.notes[storyId], ...notes }
        draft.notes[storyId] = next
        return next
      },
      { broadcast: false },
    )
    const readers = await sessionSockets(ctx, identity.sessionId, (s) => can(s.data.identity.role, 'notes:read') || isStoryteller(s.data.identity, story!))
    for (const reader of readers) if (reader.id !== socket.id) reader.emit('notes:changed', storyId, saved)
    return { ok: true, data: saved }
  },
}
