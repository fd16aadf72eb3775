import { describe, expect, it } from 'vitest'
import type { SurveyStatement } from '@harvest/shared'
import { likertReach, likertSegments } from './likertLayout'

const statement = (counts: SurveyStatement['counts']): SurveyStatement => {
  const answered = counts.reduce((a, b) => a + b, 0)
  return { text: 's', counts, answered, agreed: counts[3] + counts[4] }
}

describe('likertSegments', () => {
  it('centres neutral on zero, disagreement to the left and agreement to the right', () => {
    const segments = likertSegments(statement([1, 1, 2, 3, 1]))
    expect(segments.map((s) => [s.point, s.count, s.from, s.to])).toEqual([
      [0, 1, -0.375, -0.25],
      [1, 1, -0.25, -0.125],
      [2, 2, -0.125, 0.125],
      [3, 3, 0.125, 0.5],
      [4, 1, 0.5, 0.625],
    ])
  })

  it('leaves out points nobody chose, and draws nothing for a statement nobody answered', () => {
    expect(likertSegments(statement([0, 0, 0, 2, 2])).map((s) => [s.point, s.from, s.to])).toEqual([
      [3, 0, 0.5],
      [4, 0.5, 1],
    ])
    expect(likertSegments(statement([0, 0, 0, 0, 0]))).toEqual([])
  })
})

describe('likertReach', () => {
  it('is the widest side of any bar, and at least a half', () => {
    expect(likertReach([statement([0, 0, 0, 2, 2]), statement([1, 0, 0, 0, 0])])).toBe(1)
    expect(likertReach([statement([0, 0, 2, 0, 0])])).toBe(0.5)
    expect(likertReach([])).toBe(0.5)
  })
})
