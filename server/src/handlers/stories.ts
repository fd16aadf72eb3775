import { Refusal } from '../control/Refusal'
import { addStory, moveStory, removeStory, setStoryStatus, updateStory, volunteerStory } from '../control/storyOps'
import { controlHandler } from './controlHandler'

const edit = { action: 'stories:edit' } as const

export const storyAdd = controlHandler('story:add', edit, ({ state }, input) => ({ id: addStory(state, input) }))
export const storyUpdate = controlHandler('story:update', edit, ({ state }, input) => (updateStory(state, input), null))
export const storyRemove = controlHandler('story:remove', edit, ({ state }, { id }) => (removeStory(state, id), null))
export const storyMove = controlHandler('story:move', edit, ({ state }, { id, toIndex }) => (moveStory(state, id, toIndex), null))
export const storyStatus = controlHandler('story:status', 'drive', ({ state }, { id, status }, { now }) => {
  setStoryStatus(state, id, status, now)
  return null
})

export const storyVolunteer = controlHandler('story:volunteer', { action: 'stories:volunteer' }, ({ state }, { title }, { identity }) => {
  if (identity.kind !== 'member') throw new Refusal('forbidden', 'join the session with your name first')
  if (!identity.member.city) throw new Refusal('invalid', 'add your city to your profile first')
  return volunteerStory(state, identity.member, title)
})
