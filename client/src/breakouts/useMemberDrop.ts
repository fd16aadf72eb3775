import { useEffect, useRef, useState, type DragEvent } from 'react'

/**
 * The drag type of a person's chip. A type of our own lets rooms accept people and ignore
 * dragged text, links or files; browsers lower-case types, so this one is lower case already.
 */
export const MEMBER_DRAG_TYPE = 'application/x-harvest-member'

/** Puts a person on a drag started from their chip. */
export function startMemberDrag(event: DragEvent, memberId: string): void {
  event.dataTransfer.setData(MEMBER_DRAG_TYPE, memberId)
  event.dataTransfer.effectAllowed = 'move'
}

/**
 * Makes an element a drop target for people's chips while `accepts` (a person is being dragged
 * who is not already here). `over` drives the drop highlight. Entering a child fires dragenter
 * on it before dragleave on the parent, so a depth count, not the last event, says whether the
 * pointer is still inside.
 */
export function useMemberDrop(accepts: boolean, onDrop: (memberId: string) => void) {
  const [over, setOver] = useState(false)
  const depth = useRef(0)
  useEffect(() => {
    if (accepts) return
    depth.current = 0
    setOver(false)
  }, [accepts])

  const carries = (event: DragEvent) => accepts && event.dataTransfer.types.includes(MEMBER_DRAG_TYPE)
  const props = {
    onDragEnter(event: DragEvent) {
      if (!carries(event)) return
      event.preventDefault()
      depth.current += 1
      setOver(true)
    },
    onDragOver(event: DragEvent) {
      if (!carries(event)) return
      event.preventDefault()
      event.dataTransfer.dropEffect = 'move'
    },
    onDragLeave(event: DragEvent) {
      if (!carries(event)) return
      depth.current = Math.max(0, depth.current - 1)
      if (depth.current === 0) setOver(false)
    },
    onDrop(event: DragEvent) {
      if (!carries(event)) return
      event.preventDefault()
      depth.current = 0
      setOver(false)
      const memberId = event.dataTransfer.getData(MEMBER_DRAG_TYPE)
      if (memberId) onDrop(memberId)
    },
  }
  return { over: over && accepts, props }
}
