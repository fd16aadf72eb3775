import type { SurveyStatement } from '@harvest/shared'

/** One coloured segment of a statement's bar, in shares of its answers: negative is left of neutral's centre. */
export interface LikertSegment {
  /** 0 strongly disagree … 4 strongly agree. */
  point: number
  count: number
  from: number
  to: number
}

/**
 * Lays out a diverging stacked bar: neutral straddles the centre, disagreement grows to the left
 * and agreement to the right, so statements compare by where their bars lean. Segments of
 * nobody are left out; a statement nobody answered has none.
 */
export function likertSegments(statement: SurveyStatement): LikertSegment[] {
  if (statement.answered === 0) return []
  const share = statement.counts.map((count) => count / statement.answered)
  const [sd = 0, d = 0, n = 0, a = 0, sa = 0] = share
  const edges = [-(sd + d + n / 2), -(d + n / 2), -n / 2, n / 2, n / 2 + a, n / 2 + a + sa]
  return statement.counts.flatMap((count, point) => (count === 0 ? [] : [{ point, count, from: edges[point]!, to: edges[point + 1]! }]))
}

/**
 * How far from the centre the widest bar reaches, in shares: the chart's half width. Never below
 * a half, so one answer of two does not fill the whole chart.
 */
export function likertReach(statements: readonly SurveyStatement[]): number {
  const reach = statements.flatMap(likertSegments).map((s) => Math.max(-s.from, s.to))
  return Math.max(0.5, ...reach)
}
