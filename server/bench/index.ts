import { boardScale } from './boardScale'
import { breakoutScale } from './breakoutScale'
import { browserRender } from './browserRender'
import { reportScale } from './reportScale'
import { parseScaleArgs, scaleBench } from './scale/scaleBench'
import { stall } from './stall'

process.setMaxListeners(0) // each y-websocket provider adds a process exit listener

// Figures only: these machines are shared and noisy, so nothing here passes or fails on time.
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback)

// `npm run bench -- scale [--receivers 300 --servers ours --presence off]` runs only the scale section.
const [section, ...sectionArgs] = process.argv.slice(2)
if (section === 'scale') {
  await scaleBench(parseScaleArgs(sectionArgs))
  process.exit(0)
}
const stallOptions = { boardCards: env('BENCH_STALL_BOARD_CARDS', 2000), runs: env('BENCH_STALL_RUNS', 3), only: process.env.BENCH_STALL_ONLY }
// `npm run bench -- stall` runs only the stall section (BENCH_STALL_ONLY picks cases by name).
if (section === 'stall') {
  await stall(stallOptions)
  process.exit(0)
}

// `npm run bench -- board` runs only the board section (fan-out of one card to every client).
if (section === 'board') {
  const board = await boardScale({ cards: env('BENCH_BOARD_CARDS', 5000), clients: env('BENCH_BOARD_CLIENTS', 300), samples: env('BENCH_SAMPLES', 100) })
  await board.stop()
  process.exit(0)
}

const big = await boardScale({ cards: env('BENCH_BOARD_CARDS', 5000), clients: env('BENCH_BOARD_CLIENTS', 300), samples: env('BENCH_SAMPLES', 100) })
await browserRender(big)
await big.stop()
await reportScale({ cards: env('BENCH_BOARD_CARDS', 5000), runs: env('BENCH_REPORT_RUNS', 5) })
await breakoutScale({ participants: env('BENCH_PARTICIPANTS', 300), rooms: env('BENCH_ROOMS', 30), moves: env('BENCH_MOVES', 200) })
await scaleBench()
await stall(stallOptions)
process.exit(0)
