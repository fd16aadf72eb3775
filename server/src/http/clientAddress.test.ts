import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { clientAddress, isLoopback } from './clientAddress'

const request = (peer: string, forwarded?: string) =>
  ({ socket: { remoteAddress: peer }, headers: forwarded === undefined ? {} : { 'x-forwarded-for': forwarded } }) as unknown as IncomingMessage

describe('clientAddress', () => {
  it('is the socket peer when no proxy is trusted, whatever the request claims', () => {
    expect(clientAddress(0)(request('198.51.100.4', '203.0.113.9'))).toBe('198.51.100.4')
  })

  it('takes the address the trusted proxy saw behind one proxy', () => {
    expect(clientAddress(1)(request('127.0.0.1', '10.0.0.1, 203.0.113.9'))).toBe('203.0.113.9')
    expect(clientAddress(2)(request('127.0.0.1', '203.0.113.9, 10.0.0.1'))).toBe('203.0.113.9')
  })

  it('falls back to the peer when the forwarded value is missing or not an address', () => {
    expect(clientAddress(1)(request('127.0.0.1'))).toBe('127.0.0.1')
    expect(clientAddress(1)(request('127.0.0.1', 'evil; drop'))).toBe('127.0.0.1')
  })
})

describe('isLoopback', () => {
  it('knows the server’s own machine in both address families', () => {
    expect(['127.0.0.1', '127.0.0.2', '::1', '::ffff:127.0.0.1'].every(isLoopback)).toBe(true)
    expect(['10.0.0.1', '203.0.113.9', '::ffff:10.0.0.1'].some(isLoopback)).toBe(false)
  })
})
