import { useEffect } from 'react'
import { boardActions } from '../../board/boardActions'
import { useBoardStore } from '../../stores/useBoardStore'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const mod = isMac ? '⌘' : 'Ctrl+'

/** True when a text field has the focus: there Ctrl+Z undoes typing, not the board. */
const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))

/** Undo and redo of this person's own board changes, as buttons and Ctrl/Cmd+Z, Ctrl/Cmd+Shift+Z. */
export function UndoControls() {
  const canUndo = useBoardStore((s) => s.canUndo)
  const canRedo = useBoardStore((s) => s.canRedo)

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(e.ctrlKey || e.metaKey) || e.altKey || typing(e.target)) return
      const key = e.key.toLowerCase()
      if (key === 'z' && !e.shiftKey) boardActions.undo()
      else if ((key === 'z' && e.shiftKey) || (key === 'y' && !isMac)) boardActions.redo()
      else return
      e.preventDefault()
    }
    window.addEventListener('keydown', onKey)
    return () => window.removeEventListener('keydown', onKey)
  }, [])

  return (
    <span className="undo-controls">
      <button onClick={boardActions.undo} disabled={!canUndo} title={`Undo your last change (${mod}Z)`} aria-label="Undo">↶ Undo</button>
      <button onClick={boardActions.redo} disabled={!canRedo} title={`Redo (${mod}Shift+Z)`} aria-label="Redo">↷ Redo</button>
    </span>
  )
}
