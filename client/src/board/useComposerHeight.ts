import { useEffect, type RefObject } from 'react'

/**
 * Publishes the composer's height as --composer-height on the page. On a phone the composer is
 * fixed at the bottom, and the page keeps that much room below its end, so the last of it can be
 * scrolled into sight above the composer.
 */
export function useComposerHeight(ref: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const el = ref.current
    if (!el || typeof ResizeObserver === 'undefined') return
    const root = document.documentElement.style
    const observer = new ResizeObserver(() => root.setProperty('--composer-height', `${Math.ceil(el.getBoundingClientRect().height)}px`))
    observer.observe(el)
    return () => {
      observer.disconnect()
      root.removeProperty('--composer-height')
    }
  }, [ref])
}
