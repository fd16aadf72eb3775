import { describe, expect, it } from 'vitest'
import { csvInert } from './csvInert'

describe('csvInert', () => {
  it.each(['=1+1', '+31 20 555', '-2', '@SUM(A1)', '\tTab first', '\rReturn first', '＝1+1', '＋1', '－1', '＠SUM(A1)'])(
    'prefixes a quote to %j',
    (cell) => {
      expect(csvInert(cell)).toBe(`'${cell}`)
    },
  )

  it('leaves ordinary text, empty cells and formula characters later in the text alone', () => {
    expect(csvInert('Łódź: 1 + 1 = 2')).toBe('Łódź: 1 + 1 = 2')
    expect(csvInert('')).toBe('')
    expect(csvInert(' =not first')).toBe(' =not first')
  })
})
