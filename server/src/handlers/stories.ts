import { Refusal } from '../Refusal'
import { addStory, moveStory, removeStory, setStoryStatus, updateStory, volunteerStory } from '../control/storyOps'
import { controlHandler, driving } from './controlHandler'

export const storyAdd = controlHandler('story:add', ({ state }, input) => ({ id: addStory(state, input) }))
export const storyUpdate = controlHandler('story:update', ({ state }, input) => (updateStory(state, input), null))
export const storyRemove = controlHandler('story:remove', ({ state }, { id }) => (removeStory(state, id), null))
export const storyMove = controlHandler('story:move', ({ state }, { id, toIndex }) => (moveStory(state, id, toIndex), null))
export const storyStatus = controlHandler(
  'story:status',
  driving(({ state }, { id, status }, { now }) => {
    setStoryStatus(state, id, status, now)
    return null
  }),
)

export const storyVolunteer = controlHandler('story:volunteer', ({ state }, { title }, { identity }) => {
  if (identity.kind !== 'member') throw new Refusal('forbidden', 'join the session with your name first')
  if (!identity.member.city) throw new Refusal('invalid', 'add your city to your profile first')
  return volunteerStory(state, identity.member, title)
})
