/**
 * The tab a key press in a tablist moves to, as the ARIA authoring practices describe: Left and
 * Right step and wrap around, Home and End jump to the ends. Null for any other key (or no
 * tabs), so the key keeps its usual meaning. `current` may be -1 when no tab is selected.
 */
export function nextTabIndex(key: string, current: number, count: number): number | null {
  if (count <= 0) return null
  switch (key) {
    case 'ArrowRight':
      return current < 0 ? 0 : (current + 1) % count
    case 'ArrowLeft':
      return current <= 0 ? count - 1 : current - 1
    case 'Home':
      return 0
    case 'End':
      return count - 1
    default:
      return null
  }
}
