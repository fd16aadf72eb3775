import { describe, expect, it } from 'vitest'
import type { CountedAnswer } from './survey'
import { DEFAULT_SURVEY, agreedText, answersAnything, surveyIsShown, surveyResults, surveyResultsByKind } from './survey'

const answer = (cityKind: CountedAnswer['cityKind'], agreements: CountedAnswer['agreements'], texts: string[] = ['', '', '']): CountedAnswer => ({
  cityKind,
  agreements,
  texts,
})

describe('surveyResults', () => {
  it('counts each point per statement and who agreed or strongly agreed, as the report writes it', () => {
    const results = surveyResults(DEFAULT_SURVEY, [
      answer('pilot', [4, 3, 0]),
      answer('pilot', [3, 2, 1]),
      answer('twin', [1, 3, null]),
    ])
    expect(results.responses).toBe(3)
    expect(results.pilotResponses).toBe(2)
    expect(results.twinResponses).toBe(1)
    expect(results.statements.map((s) => s.counts)).toEqual([
      [0, 1, 0, 1, 1],
      [0, 0, 1, 2, 0],
      [1, 1, 0, 0, 0],
    ])
    expect(results.statements.map(agreedText)).toEqual([
      '2 of 3 agreed or strongly agreed',
      '2 of 3 agreed or strongly agreed',
      // A skipped statement is not counted as answered.
      '0 of 2 agreed or strongly agreed',
    ])
    expect(results.statements[0]!.text).toBe('I left the session with new insights I can act on')
  })

  it('lists the non-blank open answers with the city kind only, trimmed, in the order given', () => {
    const results = surveyResults(DEFAULT_SURVEY, [
      answer('twin', [null, null, null], ['  Hearing Łódź  ', '', 'Templates']),
      answer(null, [null, null, null], ['   ', 'Shorter stories', '']),
    ])
    expect(results.questions[0]!.answers).toEqual([{ text: 'Hearing Łódź', cityKind: 'twin' }])
    expect(results.questions[1]!.answers).toEqual([{ text: 'Shorter stories', cityKind: null }])
    expect(results.questions[2]!.answers).toEqual([{ text: 'Templates', cityKind: 'twin' }])
    expect(JSON.stringify(results)).not.toMatch(/memberId|name/)
  })

  it('follows an edited definition: its own statements and questions, answers read by position', () => {
    const results = surveyResults({ statements: ['Only one'], questions: [] }, [answer('pilot', [2, 4], ['ignored'])])
    expect(results.statements).toEqual([{ text: 'Only one', counts: [0, 0, 1, 0, 0], answered: 1, agreed: 0 }])
    expect(results.questions).toEqual([])
  })

  it('splits pilot and twin cities apart, leaving people without a city kind in the total only', () => {
    const split = surveyResultsByKind(DEFAULT_SURVEY, [answer('pilot', [4, 4, 4]), answer('twin', [0, 0, 0]), answer(null, [2, 2, 2])])
    expect(split.all.responses).toBe(3)
    expect(split.pilot.responses).toBe(1)
    expect(split.pilot.statements[0]!.counts).toEqual([0, 0, 0, 0, 1])
    expect(split.twin.statements[0]!.counts).toEqual([1, 0, 0, 0, 0])
    expect(split.twin.pilotResponses).toBe(0)
  })

  it('shows shares and answers from three answers on, counts only below', () => {
    const two = surveyResults(DEFAULT_SURVEY, [answer('pilot', [4, 4, 4]), answer('pilot', [4, 4, 4])])
    expect(surveyIsShown(two)).toBe(false)
    expect(surveyIsShown(surveyResults(DEFAULT_SURVEY, [...Array(3)].map(() => answer('twin', [1, 1, 1]))))).toBe(true)
  })
})

describe('answersAnything', () => {
  it('is false for an answer of nothing but blanks', () => {
    expect(answersAnything({ agreements: [null, null], texts: [' ', ''] })).toBe(false)
    expect(answersAnything({ agreements: [null, 0], texts: [] })).toBe(true)
    expect(answersAnything({ agreements: [], texts: ['x'] })).toBe(true)
  })
})
