import { parse } from 'csv-parse/sync'
import { describe, expect, it } from 'vitest'
import { DEFAULT_SURVEY } from '@harvest/shared'
import type { SurveyAnswerRecord } from '../storage/Storage'
import { surveyCsv } from './surveyCsv'

const answer = (memberId: string, patch: Partial<SurveyAnswerRecord>): SurveyAnswerRecord => ({
  memberId,
  cityKind: 'pilot',
  agreements: [4, 3, null],
  texts: ['', '', ''],
  answeredAt: 1,
  ...patch,
})

describe('surveyCsv', () => {
  const csv = surveyCsv({ definition: DEFAULT_SURVEY, status: 'closed' }, [
    answer('member-secret-1', { texts: ['Łódź’s story, "live"\nand the Q&A', '=HYPERLINK("http://x")', ''] }),
    answer('member-secret-2', { cityKind: 'twin', agreements: [0, 1, 2] }),
    answer('member-secret-3', { cityKind: null, agreements: [null, null, 2], texts: ['', '', '+1 more time'] }),
  ])
  const rows = parse(csv, { bom: true }) as string[][]

  it('has one row per answer under a header of the statements and questions, with a BOM and CRLF', () => {
    expect(csv.startsWith('\uFEFF')).toBe(true)
    expect(csv).toContain('\r\n')
    expect(rows[0]).toEqual(['Response', 'City kind', ...DEFAULT_SURVEY.statements, ...DEFAULT_SURVEY.questions])
    expect(rows).toHaveLength(4)
    expect(rows[1]!.slice(0, 6)).toEqual(['1', 'Pilot city', 'Strongly agree', 'Agree', '', 'Łódź’s story, "live"\nand the Q&A'])
    expect(rows[2]!.slice(0, 5)).toEqual(['2', 'Twin city', 'Strongly disagree', 'Disagree', 'Neutral'])
    expect(rows[3]!.slice(0, 5)).toEqual(['3', '', '', '', 'Neutral'])
  })

  it('keeps formulas inert and leaves out member ids', () => {
    expect(rows[1]![6]).toBe('\'=HYPERLINK("http://x")')
    expect(rows[3]![7]).toBe("'+1 more time")
    expect(csv).not.toContain('member-secret')
  })

  it('makes an edited header inert too', () => {
    const edited = parse(surveyCsv({ definition: { statements: ['=cmd'], questions: [] }, status: 'open' }, []), { bom: true }) as string[][]
    expect(edited).toEqual([['Response', 'City kind', "'=cmd"]])
  })
})
