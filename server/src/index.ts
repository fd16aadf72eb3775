import { adminLinkPath, inviteLinkPath } from '@harvest/shared'
import { createApp } from './app'
import { readConfig } from './config'
import { ensureDemoSession } from './demo/seedDemo'
import { stopOnSignals } from './lifecycle/shutdown'
import { MEMORY_PROBE_ENV, answerMemoryProbes } from './memoryProbe'
import { openStorage } from './storage/openStorage'

async function main(): Promise<void> {
  const config = readConfig()
  const storage = await openStorage(config)
  // With REDIS_URL this is one of several processes sharing sessions over Redis.
  const cluster = config.redisUrl ? await (await import('./cluster/startCluster')).startCluster(config.redisUrl) : null
  const app = createApp({ storage, publicUrl: config.publicUrl, clientDir: config.clientDir, showDemo: config.seedDemo, adminToken: config.adminToken, trustProxy: config.trustProxy, cluster })
  const address = await app.listen(config.port, config.host)
  console.log(`Harvest is running on http://${config.host}:${address.port} (data in ${config.databaseUrl ? 'PostgreSQL' : config.dataDir})`)
  // Printed this once only: the store keeps just its hash, so it cannot be shown again.
  const organiserKey = await app.ctx.organiser.ensure()
  if (organiserKey) {
    console.log(`\nOrganiser key generated (shown once, keep it safe; set ADMIN_TOKEN to choose your own):`)
    console.log(`  ${config.publicUrl}${adminLinkPath(organiserKey)}`)
  }

  if (config.seedDemo) {
    const { session, invites } = await ensureDemoSession(storage)
    console.log(`\nDemo session: ${session.cluster}`)
    for (const role of ['facilitator', 'participant'] as const) {
      const invite = invites.find((i) => i.role === role)
      if (invite) console.log(`  ${role.padEnd(12)} ${config.publicUrl}${inviteLinkPath(invite.token)}`)
    }
    console.log(`  or open ${config.publicUrl}/ to create your own session\n`)
  }

  // The scale bench asks what is live per participant (memoryProbe.ts); nothing else sets this.
  if (process.env[MEMORY_PROBE_ENV] === '1') answerMemoryProbes()

  stopOnSignals({
    close: async () => {
      await app.close()
      await cluster?.close()
      await storage.close()
    },
  })
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
