import { boardScale } from './boardScale'
import { breakoutScale } from './breakoutScale'
import { browserRender } from './browserRender'
import { reportScale } from './reportScale'

process.setMaxListeners(0) // each y-websocket provider adds a process exit listener

// Figures only: these machines are shared and noisy, so nothing here passes or fails on time.
const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback)

const big = await boardScale({ cards: env('BENCH_BOARD_CARDS', 5000), clients: env('BENCH_BOARD_CLIENTS', 300), samples: env('BENCH_SAMPLES', 100) })
await browserRender(big)
await big.stop()
await reportScale({ cards: env('BENCH_BOARD_CARDS', 5000), runs: env('BENCH_REPORT_RUNS', 5) })
await breakoutScale({ participants: env('BENCH_PARTICIPANTS', 300), rooms: env('BENCH_ROOMS', 30), moves: env('BENCH_MOVES', 200) })
process.exit(0)
