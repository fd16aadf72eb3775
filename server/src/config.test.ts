import { describe, expect, it } from 'vitest'
import { readConfig } from './config'

describe('TRUST_PROXY', () => {
  it('trusts no proxy unless told how many stand in front', () => {
    expect(readConfig({}).trustProxy).toBe(0)
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1)
  })

  it('refuses anything but a count', () => {
    expect(() => readConfig({ TRUST_PROXY: 'yes' })).toThrow(/TRUST_PROXY must be the number of proxies/)
    expect(() => readConfig({ TRUST_PROXY: '-1' })).toThrow(/TRUST_PROXY/)
  })
})
