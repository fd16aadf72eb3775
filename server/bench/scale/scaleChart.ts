import type { PresenceMode, RunResult } from './scenario'
import { SERVER_NAMES as NAMES, type ServerKind } from './serverKind'

/**
 * The card fan-out figures as one SVG: p50 and p99 against the number of receivers, ours (one
 * process, and two behind nginx when measured) beside the bare y-websocket server, one panel without presence and one with it. Latency runs on a log
 * scale so 10 ms and 1 s both read; a card that never reached someone plots as "lost" on top.
 */

const WIDTH = 760
const HEIGHT = 440
const FONT = 'font-family="Helvetica, Arial, sans-serif" font-size="13" fill="#1d2433"'
const GRID = '#e3e7ec'
const MUTED = '#5b6573'
const COLOURS: Record<ServerKind, string> = { ours: '#2f6f9f', cluster: '#6d28d9', bare: '#c2410c' }
/** Legend entries' widths, long enough for their names. */
const LEGEND_WIDTH: Record<ServerKind, number> = { ours: 100, cluster: 240, bare: 150 }

const n = (value: number): string => String(Math.round(value * 10) / 10)
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const text = (x: number, y: number, content: string, attrs = '') => `<text x="${n(x)}" y="${n(y)}"${attrs ? ` ${attrs}` : ''}>${esc(content)}</text>`

interface Point {
  receivers: number
  value: number | null
}

function series(runs: RunResult[], server: ServerKind, presence: PresenceMode, p: 'p50' | 'p99'): Point[] {
  return runs
    .filter((r) => r.server === server)
    .flatMap((r) => r.phases.filter((ph) => ph.presence === presence).map((ph) => ({ receivers: r.receivers, value: ph.cards[p] })))
    .sort((a, b) => a.receivers - b.receivers)
}

/** `note` (e.g. when and on what machine) is printed under the panels. */
export function scaleChart(runs: RunResult[], note = ''): string {
  const receivers = [...new Set(runs.map((r) => r.receivers))].sort((a, b) => a - b)
  const values = runs.flatMap((r) => r.phases.flatMap((p) => [p.cards.p50, p.cards.p99])).filter((v): v is number => v !== null && v > 0)
  const top = Math.pow(10, Math.ceil(Math.log10(Math.max(10, ...values) * 1.05)))
  const bottom = Math.pow(10, Math.floor(Math.log10(Math.max(0.1, Math.min(top / 10, ...values)))))
  const panels: PresenceMode[] = ['off', 'on']
  const panelWidth = 300
  const plotTop = 124
  // Lost deliveries plot on a row of their own above the scale.
  const lostRow = plotTop - 24
  const plotHeight = 240
  const y = (ms: number) => plotTop + plotHeight - ((Math.log10(ms) - Math.log10(bottom)) / (Math.log10(top) - Math.log10(bottom))) * plotHeight
  const lo = Math.log10(receivers[0] ?? 1)
  const hi = Math.log10(receivers.at(-1) ?? 10)
  const x = (left: number, r: number) => left + 20 + (hi === lo ? (panelWidth - 40) / 2 : ((Math.log10(r) - lo) / (hi - lo)) * (panelWidth - 40))

  const body: string[] = [
    text(10, 22, 'A card reaching every other participant: p50 (dashed) and p99 (solid)', 'font-size="15" font-weight="bold"'),
  ]
  // The two-process case appears only when it was measured.
  const shown = (['ours', 'cluster', 'bare'] as const).filter((server) => server !== 'cluster' || runs.some((r) => r.server === 'cluster'))
  let lx = 10
  for (const server of shown) {
    body.push(`<line x1="${lx}" y1="41" x2="${lx + 26}" y2="41" stroke="${COLOURS[server]}" stroke-width="3"/>`, text(lx + 32, 45, NAMES[server]))
    lx += LEGEND_WIDTH[server]
  }
  body.push(text(10, 61, 'log scale; “lost”: more than 1% of deliveries never came', `fill="${MUTED}" font-size="12"`))

  panels.forEach((presence, pi) => {
    const left = 70 + pi * (panelWidth + 60)
    body.push(text(left + panelWidth / 2, plotTop - 48, presence === 'off' ? 'Presence off' : 'Presence on (with y-websocket’s heartbeat)', 'text-anchor="middle" font-weight="bold"'))
    for (let tick = bottom; tick <= top * 1.001; tick *= 10) {
      body.push(`<line x1="${left}" y1="${n(y(tick))}" x2="${left + panelWidth}" y2="${n(y(tick))}" stroke="${GRID}"/>`)
      body.push(text(left - 6, y(tick) + 4, tick >= 1000 ? `${tick / 1000} s` : `${tick} ms`, `text-anchor="end" font-size="11" fill="${MUTED}"`))
    }
    for (const r of receivers) {
      body.push(`<line x1="${n(x(left, r))}" y1="${plotTop}" x2="${n(x(left, r))}" y2="${plotTop + plotHeight}" stroke="${GRID}"/>`)
      body.push(text(x(left, r), plotTop + plotHeight + 18, r.toLocaleString('en'), `text-anchor="middle" font-size="12" fill="${MUTED}"`))
    }
    body.push(`<line x1="${left}" y1="${lostRow}" x2="${left + panelWidth}" y2="${lostRow}" stroke="${GRID}" stroke-dasharray="2 3"/>`)
    body.push(text(left - 6, lostRow + 4, 'lost', `text-anchor="end" font-size="11" fill="${MUTED}"`))
    body.push(text(left + panelWidth / 2, plotTop + plotHeight + 38, 'receivers', `text-anchor="middle" font-size="12" fill="${MUTED}"`))
    for (const server of ['bare', 'cluster', 'ours'] as const) {
      for (const p of ['p50', 'p99'] as const) {
        const points = series(runs, server, presence, p)
        if (points.length === 0) continue
        const colour = COLOURS[server]
        const at = (pt: Point) => ({ px: x(left, pt.receivers), py: pt.value === null ? lostRow : y(Math.max(bottom, pt.value)) })
        const path = points.map((pt, i) => `${i === 0 ? 'M' : 'L'}${n(at(pt).px)} ${n(at(pt).py)}`).join(' ')
        body.push(`<path d="${path}" fill="none" stroke="${colour}" stroke-width="${p === 'p99' ? 2.5 : 1.8}"${p === 'p50' ? ' stroke-dasharray="6 4"' : ''}/>`)
        for (const pt of points) {
          const { px, py } = at(pt)
          const label = `${NAMES[server]}, ${pt.receivers} receivers, presence ${presence}: ${p} ${pt.value === null ? 'lost' : `${pt.value} ms`}`
          if (pt.value === null) body.push(`<g><title>${esc(label)}</title>${text(px, py + 5, '×', `text-anchor="middle" fill="${colour}" font-weight="bold" font-size="16"`)}</g>`)
          else body.push(`<circle cx="${n(px)}" cy="${n(py)}" r="${p === 'p99' ? 4 : 3}" fill="${p === 'p99' ? colour : '#ffffff'}" stroke="${colour}" stroke-width="1.8"><title>${esc(label)}</title></circle>`)
        }
      }
    }
  })

  if (note) body.push(text(10, HEIGHT - 8, note, `fill="${MUTED}" font-size="11"`))
  const desc = runs
    .flatMap((r) => r.phases.map((p) => `${NAMES[r.server]}, ${r.receivers} receivers, presence ${p.presence}: p50 ${p.cards.p50 ?? 'lost'} ms, p99 ${p.cards.p99 ?? 'lost'} ms`))
    .join('; ')
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="scale-title scale-desc" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" ${FONT}>`,
    '<title id="scale-title">Card fan-out latency against participants, Harvest and a bare y-websocket server</title>',
    `<desc id="scale-desc">${esc(desc)}</desc>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="#ffffff"/>`,
    ...body,
    '</svg>',
    '',
  ].join('\n')
}
