import type { SurveyStatement } from '@harvest/shared'
import { AGREEMENT_LABELS } from '@harvest/shared'
import { likertReach, likertSegments } from '../../survey/likertLayout'

// A diverging palette, red for disagreement to blue for agreement with a grey neutral, that
// stays tellable apart for red-green colour blindness and in greyscale print.
const FILLS = ['#b2182b', '#ef8a62', '#c8c8c8', '#67a9cf', '#2166ac']
const INK = ['#fff', '#1f2933', '#1f2933', '#1f2933', '#fff']

const WIDTH = 640
const BAR = 26
const LABEL = 20
const ROW = LABEL + BAR + 18

/**
 * One diverging stacked bar per statement, centred on neutral: the standard display of an
 * agreement scale. Counts sit inside the segments wide enough to hold them; the legend and a
 * text description carry the same numbers for screen readers.
 */
export function SurveyChart({ statements, title }: { statements: SurveyStatement[]; title: string }) {
  const half = WIDTH / 2 - 8
  const scale = half / likertReach(statements)
  const centre = WIDTH / 2
  const height = statements.length * ROW + 34
  const description = statements
    .map((s) => `${s.text}: ${s.counts.map((c, i) => `${AGREEMENT_LABELS[i]} ${c}`).join(', ')}`)
    .join('; ')
  return (
    <svg className="survey-chart" viewBox={`0 0 ${WIDTH} ${height}`} role="img" aria-label={`${title}. ${description}`}>
      {statements.map((statement, row) => {
        const y = row * ROW
        return (
          <g key={row} data-statement={row}>
            <text x={0} y={y + 14} className="statement">{statement.text}</text>
            {/* Behind the bars, so it shows as ticks above and below and never crosses a count. */}
            <line x1={centre} x2={centre} y1={y + LABEL - 4} y2={y + LABEL + BAR + 4} stroke="#5b6573" strokeDasharray="2 2" />
            {statement.answered === 0 && <text x={centre} y={y + LABEL + 18} textAnchor="middle" className="muted">No answers</text>}
            {likertSegments(statement).map((segment) => {
              const x = centre + segment.from * scale
              const width = (segment.to - segment.from) * scale
              return (
                <g key={segment.point} data-point={segment.point}>
                  <rect x={x} y={y + LABEL} width={width} height={BAR} fill={FILLS[segment.point]}>
                    <title>{`${AGREEMENT_LABELS[segment.point]}: ${segment.count}`}</title>
                  </rect>
                  {width >= 16 && (
                    <text x={x + width / 2} y={y + LABEL + 18} textAnchor="middle" fill={INK[segment.point]} fontWeight="bold">{segment.count}</text>
                  )}
                </g>
              )
            })}
          </g>
        )
      })}
      <g transform={`translate(0 ${statements.length * ROW + 8})`}>
        {AGREEMENT_LABELS.map((label, i) => (
          <g key={label} transform={`translate(${i * 128} 0)`}>
            <rect width={12} height={12} fill={FILLS[i]} />
            <text x={17} y={11} className="legend">{label}</text>
          </g>
        ))}
      </g>
    </svg>
  )
}
