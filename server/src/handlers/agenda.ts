import { addItem, gotoItem, moveItem, removeItem, updateItem } from '../control/agendaOps'
import { controlHandler } from './controlHandler'

const edit = { action: 'agenda:edit' } as const

export const agendaAdd = controlHandler('agenda:add', edit, ({ state }, input) => ({ id: addItem(state, input) }))
export const agendaUpdate = controlHandler('agenda:update', edit, ({ state }, input) => (updateItem(state, input), null))
export const agendaRemove = controlHandler('agenda:remove', edit, ({ state }, { id }) => (removeItem(state, id), null))
export const agendaMove = controlHandler('agenda:move', edit, ({ state }, { id, toIndex }) => (moveItem(state, id, toIndex), null))
export const agendaGoto = controlHandler('agenda:goto', 'drive', ({ state }, input, { now }) => (gotoItem(state, input, now), null))

export const settingsUpdate = controlHandler('settings:update', edit, ({ state }, patch) => {
  Object.assign(state, patch)
  return null
})
