import { describe, expect, it } from 'vitest'
import { checkMeetingLink, openableLink, applyLinkPattern, isLinkPattern, roomLink } from './meetingLink'

describe('meeting links', () => {
  it('take full http and https addresses, or nothing', () => {
    expect(checkMeetingLink(' https://meet.example.org/heat ')).toEqual({ ok: true, link: 'https://meet.example.org/heat' })
    expect(checkMeetingLink('http://10.0.0.1:8080/x')).toEqual({ ok: true, link: 'http://10.0.0.1:8080/x' })
    expect(checkMeetingLink('  ')).toEqual({ ok: true, link: null })
  })

  it('refuse anything that could run script or go nowhere', () => {
    for (const bad of ['javascript:alert(1)', 'meet.example.org/heat', 'ftp://example.org', 'data:text/html,hi', 'vbscript:x']) {
      expect(checkMeetingLink(bad)).toMatchObject({ ok: false })
      expect(openableLink(bad)).toBeNull()
    }
    expect(openableLink(null)).toBeNull()
    expect(openableLink('https://meet.example.org')).toBe('https://meet.example.org')
  })
})

describe('a round’s meeting-link pattern', () => {
  it('puts each room’s name into the link as a slug', () => {
    expect(applyLinkPattern('https://meet.example.org/c4-{room}', 'Heat pumps & heritage')).toBe('https://meet.example.org/c4-heat-pumps-heritage')
    expect(applyLinkPattern('https://meet.example.org/{room}?pwd=1', 'Łódź · Kraków')).toBe('https://meet.example.org/lodz-krakow?pwd=1')
    expect(applyLinkPattern('https://meet.example.org/plenary', 'Room 1')).toBe('https://meet.example.org/plenary')
  })

  it('takes only patterns that make a web address, whatever the room is called', () => {
    expect(isLinkPattern('https://meet.example.org/{room}')).toBe(true)
    expect(isLinkPattern('javascript:alert({room})')).toBe(false)
    expect(isLinkPattern('{room}.example.org')).toBe(false)
  })

  it('lets a room’s own link win, and gives no link without either', () => {
    const round = { linkPattern: 'https://meet.example.org/c4-{room}' }
    expect(roomLink(round, { name: 'North', link: 'https://call.example.org/n' })).toBe('https://call.example.org/n')
    expect(roomLink(round, { name: 'North', link: null })).toBe('https://meet.example.org/c4-north')
    expect(roomLink({}, { name: 'North', link: null })).toBeNull()
    expect(roomLink({ linkPattern: null }, { name: 'North', link: null })).toBeNull()
  })
})
