import { addItem, gotoItem, moveItem, removeItem, updateItem } from '../control/agendaOps'
import { controlHandler, driving } from './controlHandler'

export const agendaAdd = controlHandler('agenda:add', ({ state }, input) => ({ id: addItem(state, input) }))
export const agendaUpdate = controlHandler('agenda:update', ({ state }, input) => (updateItem(state, input), null))
export const agendaRemove = controlHandler('agenda:remove', ({ state }, { id }) => (removeItem(state, id), null))
export const agendaMove = controlHandler('agenda:move', ({ state }, { id, toIndex }) => (moveItem(state, id, toIndex), null))
export const agendaGoto = controlHandler('agenda:goto', driving(({ state }, input, { now }) => (gotoItem(state, input, now), null)))

export const settingsUpdate = controlHandler('settings:update', ({ state }, patch) => {
  Object.assign(state, patch)
  return null
})
