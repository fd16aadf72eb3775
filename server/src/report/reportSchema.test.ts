import { describe, expect, it } from 'vitest'
import Ajv2020 from 'ajv/dist/2020'
import { buildReport } from './buildReport'
import { fixtureReport } from './fixtureReport'
import { fixtureSessionInput } from './fixtureSession'
import { REPORT_JSON_SCHEMA } from './reportSchema'

// ajv-formats is not a dependency; RFC 3339 date-time with a zone, which toISOString writes.
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i

/** A strict validator of the report schema, as an outside consumer would build one. */
function reportValidator() {
  const ajv = new Ajv2020({ strict: true, allErrors: true })
  ajv.addFormat('date-time', (value: string) => DATE_TIME.test(value) && !Number.isNaN(Date.parse(value)))
  return ajv.compile(REPORT_JSON_SCHEMA)
}

/** A deep copy of the fixture, for breaking one thing in it. */
const copy = (): Record<string, any> => structuredClone(fixtureReport())

describe('REPORT_JSON_SCHEMA', () => {
  const validate = reportValidator()

  it('accepts the fixture report', () => {
    expect(validate(fixtureReport()), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('accepts what buildReport makes of a whole session', () => {
    const built = buildReport(fixtureSessionInput())
    expect(validate(built), JSON.stringify(validate.errors, null, 2)).toBe(true)
  })

  it('accepts a report without a survey', () => {
    expect(validate(fixtureReport({ survey: null }))).toBe(true)
  })

  it('names itself for an outside reader', () => {
    expect(REPORT_JSON_SCHEMA).toMatchObject({
      $schema: 'https://json-schema.org/draft/2020-12/schema',
      $id: 'https://harvest.example/schemas/report-v1.json',
      title: 'Harvest Report',
    })
    expect(typeof REPORT_JSON_SCHEMA.description).toBe('string')
  })

  it('rejects a card of an unknown kind', () => {
    const report = copy()
    report.cards[0].kind = 'rumour'
    expect(validate(report)).toBe(false)
    expect(validate.errors?.some((e) => e.instancePath === '/cards/0/kind')).toBe(true)
  })

  it('rejects a missing field', () => {
    const report = copy()
    delete report.what.stories[0].storyteller
    expect(validate(report)).toBe(false)
    expect(validate.errors).toContainEqual(expect.objectContaining({ keyword: 'required', params: { missingProperty: 'storyteller' } }))
  })

  it('rejects an extra property, also at the top', () => {
    const nested = copy()
    nested.cards[2].secret = 'x'
    expect(validate(nested)).toBe(false)
    const top = copy()
    top.$schema = 'https://harvest.example/schemas/report-v1.json'
    expect(validate(top)).toBe(false)
  })

  it('rejects another version', () => {
    const report = copy()
    report.version = 2
    expect(validate(report)).toBe(false)
    expect(validate.errors?.[0]).toMatchObject({ instancePath: '/version', keyword: 'const' })
  })

  it('rejects malformed dates, unknown levers and a survey row of four counts', () => {
    const bad: ((r: Record<string, any>) => void)[] = [
      (r) => (r.generatedAt = 'yesterday'),
      (r) => (r.cards[1].createdAt = '2026-11-12'),
      (r) => (r.session.date = '12/11/2026'),
      (r) => (r.session.startsAt = '9:30'),
      (r) => (r.keyInsights[0].levers = ['luck']),
      (r) => (r.cards[3].domains = ['aviation']),
      (r) => (r.survey.statements[0].counts = [1, 1, 1, 1]),
      (r) => (r.timekeeping.rows[0].kind = 'break'),
      (r) => (r.keyInsights[0].section = 'none'),
    ]
    for (const breakIt of bad) {
      const report = copy()
      breakIt(report)
      expect(validate(report), breakIt.toString()).toBe(false)
    }
  })
})
