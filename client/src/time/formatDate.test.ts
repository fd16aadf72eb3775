import { describe, expect, it } from 'vitest'
import { formatDay, formatDayTime, formatMomentToSecond, formatTime } from './formatDate'

describe('dates', () => {
  it('writes a session day with the month as a word, in the reader’s locale', () => {
    expect(formatDay('2026-12-01', 'en-GB')).toBe('1 Dec 2026')
    expect(formatDay('2026-12-01', 'en-US')).toBe('Dec 1, 2026')
    expect(formatDay('2026-12-01', 'de-DE')).toMatch(/^1\. Dez\.? 2026$/)
    for (const locale of ['en-US', 'en-GB', 'fr-FR', 'pl-PL', 'ro-RO', 'tr-TR']) {
      expect(formatDay('2026-12-01', locale)).not.toMatch(/\d{1,2}[./-]\d{1,2}[./-]\d{2,4}/)
    }
  })

  it('keeps the calendar day in every time zone the runtime runs in', () => {
    // The day is formatted in UTC, so neither Auckland nor Honolulu shifts it to a neighbour.
    expect(formatDay('2026-01-01', 'en-GB')).toBe('1 Jan 2026')
    expect(formatDay('2026-12-31', 'en-GB')).toBe('31 Dec 2026')
  })

  it('shows anything that is not a real YYYY-MM-DD day as it came', () => {
    expect(formatDay('next Tuesday')).toBe('next Tuesday')
    expect(formatDay('2026-02-30')).toBe('2026-02-30')
  })

  it('writes instants with the month as a word too', () => {
    const at = new Date(2026, 11, 1, 14, 5, 9).getTime()
    expect(formatDayTime(at, 'en-GB')).toMatch(/^1 Dec 2026,? 14:05$/)
    expect(formatMomentToSecond(at, 'en-GB')).toMatch(/^1 Dec,? 14:05:09$/)
    expect(formatTime(at, 'en-GB')).toBe('14:05')
  })
})
