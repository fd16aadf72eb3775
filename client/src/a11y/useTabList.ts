import { useId, type KeyboardEvent } from 'react'
import { nextTabIndex } from './nextTabIndex'

/**
 * Props for an ARIA tablist with one panel: roving tabindex (only the selected tab is in the Tab
 * order), and Left/Right/Home/End select and focus another tab. Selection follows focus because
 * every panel here renders at once, with nothing slow to load.
 */
export function useTabList<T extends string>(ids: readonly T[], selected: T, select: (id: T) => void) {
  const base = useId()
  const tabId = (id: T) => `${base}tab-${id}`
  const panelId = `${base}panel`
  // If the selected tab is not offered (e.g. a view only some roles have), the first one takes focus.
  const focusable = ids.includes(selected) ? selected : ids[0]

  function onKeyDown(event: KeyboardEvent<HTMLElement>) {
    if (event.altKey || event.ctrlKey || event.metaKey) return
    const tabs = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="tab"]')]
    const from = tabs.findIndex((tab) => tab === document.activeElement)
    const next = nextTabIndex(event.key, from < 0 ? ids.indexOf(selected) : from, ids.length)
    const id = next === null ? undefined : ids[next]
    if (next === null || id === undefined) return
    event.preventDefault()
    select(id)
    tabs[next]?.focus()
  }

  return {
    list: { role: 'tablist', onKeyDown },
    tab: (id: T) => ({
      role: 'tab',
      type: 'button' as const,
      id: tabId(id),
      'aria-selected': id === selected,
      'aria-controls': panelId,
      tabIndex: id === focusable ? 0 : -1,
      onClick: () => select(id),
    }),
    panel: { role: 'tabpanel', id: panelId, 'aria-labelledby': tabId(focusable ?? selected) },
  }
}
