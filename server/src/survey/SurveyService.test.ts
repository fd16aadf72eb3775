import { describe, expect, it } from 'vitest'
import { DEFAULT_SURVEY } from '@harvest/shared'
import { MemoryStorage } from '../storage/memory'
import type { SurveyAnswerRecord } from '../storage/Storage'
import { SurveyService, surveysOf } from './SurveyService'

const answer = (memberId: string): SurveyAnswerRecord => ({ memberId, cityKind: 'pilot', agreements: [4, 4, 4], texts: ['', '', ''], answeredAt: 1 })

describe('SurveyService', () => {
  it('starts every session with the report survey as a draft', async () => {
    const { survey, answers } = await new SurveyService(new MemoryStorage()).read('s1')
    expect(survey).toEqual({ definition: DEFAULT_SURVEY, status: 'draft' })
    expect(answers).toEqual([])
  })

  it('applies changes one at a time, so an answer sent with the close sees the survey as it stands', async () => {
    const surveys = new SurveyService(new MemoryStorage())
    await surveys.change('s1', ({ survey }) => ({ survey: { ...survey, status: 'open' } }))
    const accept = (memberId: string) =>
      surveys.change('s1', ({ survey }) => {
        if (survey.status !== 'open') throw new Error('closed')
        return { answer: answer(memberId) }
      })
    // Started together: the first answer lands, the close follows, the last answer is refused.
    const results = await Promise.allSettled([
      accept('m1'),
      surveys.change('s1', ({ survey }) => ({ survey: { ...survey, status: 'closed' } })),
      accept('m2'),
    ])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'rejected'])
    expect((await surveys.read('s1')).answers.map((a) => a.memberId)).toEqual(['m1'])
  })

  it('saves nothing when a change refuses', async () => {
    const surveys = new SurveyService(new MemoryStorage())
    await expect(surveys.change('s1', () => { throw new Error('no') })).rejects.toThrow('no')
    expect((await surveys.read('s1')).survey.status).toBe('draft')
  })

  it('is one service per store, so handlers and the report share its queue', () => {
    const storage = new MemoryStorage()
    expect(surveysOf(storage)).toBe(surveysOf(storage))
    expect(surveysOf(new MemoryStorage())).not.toBe(surveysOf(storage))
  })
})
