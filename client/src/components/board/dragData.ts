import type { DragEvent } from 'react'

/** Drag payload types: a card being grouped, or a pattern being merged. */
export const DRAG_CARD = 'application/x-harvest-card'
export const DRAG_PATTERN = 'application/x-harvest-pattern'

/** Starts dragging a card or a pattern by id. */
export function startDrag(event: DragEvent, type: string, id: string): void {
  event.dataTransfer.setData(type, id)
  event.dataTransfer.effectAllowed = 'move'
}

/** True while something of `type` is dragged over (ids are readable only on drop). */
export const dragging = (event: DragEvent, type: string) => event.dataTransfer.types.includes(type)
