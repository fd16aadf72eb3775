/** Percentile of a sample by nearest rank; the sample need not be sorted. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[rank]!
}

/** A small text histogram, so the shape of a distribution shows at a glance in a terminal. */
export function histogram(values: number[], buckets = 10, width = 40): string {
  if (values.length === 0) return '(no samples)'
  const min = Math.min(...values)
  const max = Math.max(...values)
  const step = (max - min) / buckets || 1
  const counts = new Array<number>(buckets).fill(0)
  for (const v of values) counts[Math.min(buckets - 1, Math.floor((v - min) / step))]!++
  const top = Math.max(...counts)
  return counts
    .map((c, i) => {
      const from = (min + i * step).toFixed(1).padStart(8)
      return `${from} ms | ${'█'.repeat(Math.round((c / top) * width)).padEnd(width)} ${c}`
    })
    .join('\n')
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`
