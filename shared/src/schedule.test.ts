import { describe, expect, it } from 'vitest'
import type { Clock } from './clock'
import { applyClockCommand, newClock } from './clock'
import type { ControlState } from './control'
import { DEFAULT_BOARD_MODE } from './boardMode'
import { ROUND2_AGENDA, newAgendaItem } from './agenda'
import type { Story } from './story'
import { formatTimeOfDay, projectSchedule, scheduleLine, sessionStarted, timeOnDate } from './schedule'

const MIN = 60_000
// The session's day at 10:00 UTC; the "time source" is the `now` handed to every call.
const START = timeOnDate('2026-12-01', '10:00', 0)
const at = (minutes: number) => START + minutes * MIN

function story(id: string, slot = 10, qa = 5): Story {
  return { id, city: id, storytellerId: null, storytellerName: '', title: '', slotMinutes: slot, qaMinutes: qa, status: 'queued', tellClock: newClock(slot * MIN), qaClock: newClock(qa * MIN) }
}

/** The Round 2 agenda (10+15+60+30+25+10 = 150 min, 10:00–12:30) with four stories of 10+5. */
function control(): ControlState {
  return {
    agenda: ROUND2_AGENDA.map((item, i) => newAgendaItem(`item${i}`, item)),
    currentItemId: null,
    stories: ['a', 'b', 'c', 'd'].map((id) => story(id)),
    currentStoryId: null,
    leadId: null,
    startsAt: '10:00',
    endsAt: '12:30',
    chime: false,
    boardMode: DEFAULT_BOARD_MODE,
    rounds: [],
    reportShared: false,
    endedAt: null,
  }
}

/** A clock that ran from `from` to `to` minutes and is still running at `to` when `running`. */
function ran(clock: Clock, from: number, to: number, running = false): Clock {
  const started = applyClockCommand(clock, { op: 'start' }, at(from))
  return running ? started : applyClockCommand(started, { op: 'pause' }, at(to))
}

const line = (c: ControlState, now: number) => scheduleLine(projectSchedule(c, now, START), (ms) => formatTimeOfDay(ms, 0))

describe('projectSchedule', () => {
  it('is on schedule before the start, and projects the planned end', () => {
    expect(line(control(), at(-30))).toBe('on schedule, projected end 12:30')
  })

  it('counts a late start as behind, by the minutes already lost', () => {
    expect(line(control(), at(12))).toBe('behind schedule by 12 min, projected end 12:42')
  })

  it('moves the projected end with the current item while it runs over', () => {
    const c = control()
    c.agenda[0]!.clock = ran(c.agenda[0]!.clock, 0, 0, true)
    c.currentItemId = 'item0'
    expect(line(c, at(6))).toBe('on schedule, projected end 12:30')
    // Welcome planned 10 min, still running at 17 min: 7 min behind.
    expect(line(c, at(17))).toBe('behind schedule by 7 min, projected end 12:37')
  })

  it('counts the earlier items as done, however long they took', () => {
    const c = control()
    c.agenda[0]!.clock = ran(c.agenda[0]!.clock, 0, 4)
    c.agenda[1]!.clock = ran(c.agenda[1]!.clock, 4, 4, true)
    c.currentItemId = 'item1'
    // Welcome took 4 of its 10 minutes: the rest of the agenda from 10:04 ends 6 min early.
    expect(line(c, at(4))).toBe('ahead of schedule by 6 min, projected end 12:24')
  })

  it("counts a story's overtime against its storytelling item", () => {
    const c = control()
    c.agenda[0]!.clock = ran(c.agenda[0]!.clock, 0, 10)
    c.agenda[1]!.clock = ran(c.agenda[1]!.clock, 10, 25)
    c.agenda[2]!.clock = ran(c.agenda[2]!.clock, 25, 25, true)
    c.currentItemId = 'item2'
    // Story a told 10:25–10:42 (7 min over its 10) and its 5-min questions to 10:47.
    c.stories[0]!.tellClock = ran(c.stories[0]!.tellClock, 25, 42)
    c.stories[0]!.qaClock = ran(c.stories[0]!.qaClock, 42, 47)
    c.stories[0]!.status = 'done'
    // The storytelling item still has 38 min on its clock, but the three stories left need 45.
    expect(line(c, at(47))).toBe('behind schedule by 7 min, projected end 12:37')
  })

  it('does not count the overtime twice once the storytelling item itself runs over', () => {
    const c = control()
    c.currentItemId = 'item2'
    c.agenda[2]!.clock = ran(c.agenda[2]!.clock, 0, 0, true)
    c.stories[0]!.tellClock = ran(c.stories[0]!.tellClock, 0, 20)
    // 70 min into a 60-min item whose stories ran 10 over: the 10 are already spent.
    const p = projectSchedule(c, at(70), START)
    expect(p.projectedEndMs).toBe(at(70 + 30 + 25 + 10))
  })

  it('follows minutes a facilitator added to a later item', () => {
    const c = control()
    c.agenda[5]!.clock = applyClockCommand(c.agenda[5]!.clock, { op: 'adjust', deltaMs: 5 * MIN }, at(0))
    expect(line(c, at(0))).toBe('behind schedule by 5 min, projected end 12:35')
  })
})

describe('sessionStarted', () => {
  it('is false for a new session on its first item, true once a clock ran or the agenda moved on', () => {
    const c = control()
    c.currentItemId = 'item0'
    expect(sessionStarted(c)).toBe(false)
    c.agenda[0]!.clock = ran(c.agenda[0]!.clock, 0, 0, true)
    expect(sessionStarted(c)).toBe(true)
    const moved = control()
    moved.currentItemId = 'item1'
    expect(sessionStarted(moved)).toBe(true)
    const told = control()
    told.stories[0]!.tellClock = ran(told.stories[0]!.tellClock, 0, 1)
    expect(sessionStarted(told)).toBe(true)
  })
})

describe('time of day', () => {
  it('reads and writes HH:MM in the given time zone', () => {
    const ms = timeOnDate('2026-12-01', '12:47', 60)
    expect(new Date(ms).toISOString()).toBe('2026-12-01T11:47:00.000Z')
    expect(formatTimeOfDay(ms, 60)).toBe('12:47')
    expect(formatTimeOfDay(ms, 0)).toBe('11:47')
  })
})
