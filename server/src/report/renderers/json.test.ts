import { describe, expect, it } from 'vitest'
import Ajv2020 from 'ajv/dist/2020'
import { fixtureReport } from '../fixtureReport'
import { REPORT_JSON_SCHEMA } from '../reportSchema'
import { renderJson } from './json'

/** Renders the fixture and returns the text. */
const render = async () => (await renderJson(fixtureReport(), { pdf: null })) as string

describe('renderJson', () => {
  it('writes the report value itself, which parses back equal and validates against the schema', async () => {
    const out = await renderJson(fixtureReport(), { pdf: null })
    expect(typeof out).toBe('string')
    const parsed = JSON.parse(out as string)
    expect(parsed).toEqual(fixtureReport())

    const ajv = new Ajv2020({ strict: true })
    // ajv-formats is not installed; Date.parse is enough to tell a timestamp from garbage here.
    ajv.addFormat('date-time', (value: string) => value.includes('T') && !Number.isNaN(Date.parse(value)))
    const validate = ajv.compile(REPORT_JSON_SCHEMA)
    expect(validate(parsed), JSON.stringify(validate.errors)).toBe(true)
  })

  it('is indented by two spaces and ends with a newline', async () => {
    const out = await render()
    expect(out.startsWith('{\n  "version": 1,\n  "generatedAt": ')).toBe(true)
    expect(out.endsWith('}\n')).toBe(true)
  })

  it('keeps markup in card text as data', async () => {
    expect(JSON.parse(await render()).cards[2].text).toBe('<script>alert("x")</script> & <b>bold</b>')
  })
})
