import { describe, expect, it } from 'vitest'
import { fileNameFrom } from './reportFiles'

describe('the downloaded file name', () => {
  it('keeps non-ASCII letters from filename*', () => {
    const header = `attachment; filename="Harvest report - L_od_ - 2026-06-14.md"; filename*=UTF-8''Harvest%20report%20-%20%C5%81%C3%B3d%C5%BA%20-%202026-06-14.md`
    expect(fileNameFrom(header, 'x.md')).toBe('Harvest report - Łódź - 2026-06-14.md')
  })
  it('falls back to the plain name, then to the given one', () => {
    expect(fileNameFrom('attachment; filename="report.csv"', 'x.csv')).toBe('report.csv')
    expect(fileNameFrom(`attachment; filename="r.csv"; filename*=UTF-8''%E0%A4%A`, 'x.csv')).toBe('r.csv')
    expect(fileNameFrom(null, 'x.csv')).toBe('x.csv')
  })
})
