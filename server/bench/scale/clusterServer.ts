import { startHarvestCluster } from '../../src/testing/services/harvestCluster'
import { residentBytes, type RunningServer } from './serverProcess'

/**
 * Two of our server processes over PostgreSQL and Redis with nginx in front, as the cluster
 * tests start them (deploy/nginx.conf, `hash $remote_addr consistent`). Clients reach it
 * through nginx's url; its memory is both processes' together.
 */
export async function startClusterServer(): Promise<RunningServer> {
  const cluster = await startHarvestCluster()
  const pids = () => cluster.processes.map((p) => p.pid()).filter((pid): pid is number => pid !== null)
  return {
    kind: 'cluster',
    url: cluster.nginx.url,
    wsUrl: cluster.nginx.url.replace(/^http/, 'ws'),
    pid: pids()[0]!,
    rss: () => pids().reduce((sum, pid) => sum + residentBytes(pid), 0),
    // Its processes are started by the cluster tests' helper, without the probe's channel.
    liveMemory: async () => null,
    async stop() {
      // BENCH_VERBOSE shows what the processes said, as serverProcess.ts does for one.
      if (process.env.BENCH_VERBOSE) for (const p of cluster.processes) process.stderr.write(`--- process on port ${p.port}\n${p.output().slice(-20_000)}\n`)
      await cluster.stop()
    },
  }
}
