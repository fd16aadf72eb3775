import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { freePort, waitForPort } from './freePort'
import { systemBin } from './installed'

const shipped = fileURLToPath(new URL('../../../../deploy/nginx.conf', import.meta.url))

/** nginx from Debian's package in front of the given server ports, with the shipped configuration. */
export interface NginxService {
  url: string
  stop(): Promise<void>
}

/**
 * The shipped deploy/nginx.conf with only what a test must change: its upstream servers, the
 * port it listens on, and files in a temporary directory. One line is added: a header naming the
 * upstream that answered, so a test can tell which process serves a client.
 */
export function testConfig(upstreamPorts: number[], port: number, dir: string): string {
  let conf = fs.readFileSync(shipped, 'utf8')
  const servers = upstreamPorts.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=10s;`).join('\n')
  conf = conf.replace(/(upstream harvest \{[^}]*?)((?:\s*server [^;]+;)+)/, (_, head: string) => `${head}\n${servers}`)
  conf = conf.replace(/listen\s+80;/, `listen 127.0.0.1:${port};`)
  conf = conf.replace(/location \/ \{/, 'location / {\n      add_header X-Harvest-Upstream $upstream_addr always;')
  const temp = ['client_body', 'proxy', 'fastcgi', 'uwsgi', 'scgi'].map((t) => `  ${t}_temp_path ${path.join(dir, t)};`).join('\n')
  conf = conf.replace(/http \{/, `http {\n${temp}\n  access_log off;\n  error_log ${path.join(dir, 'error.log')} warn;`)
  conf = conf.replace(/^pid [^;]+;\n/m, '')
  conf = `pid ${path.join(dir, 'nginx.pid')};\nerror_log ${path.join(dir, 'error.log')} warn;\ndaemon off;\n` + conf.replace(/^(user|error_log|daemon) [^;]+;\n/gm, '')
  return conf
}

export async function startNginx(upstreamPorts: number[]): Promise<NginxService> {
  const bin = systemBin('nginx')
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'harvest-nginx-'))
  const port = await freePort()
  const file = path.join(dir, 'nginx.conf')
  fs.writeFileSync(file, testConfig(upstreamPorts, port, dir))
  const child = spawn(bin, ['-p', dir, '-c', file, '-e', path.join(dir, 'error.log')], { stdio: ['ignore', 'pipe', 'pipe'] })
  let log = ''
  child.stdout!.on('data', (c) => (log += c))
  child.stderr!.on('data', (c) => (log += c))
  const exited = new Promise((resolve) => child.once('exit', resolve))
  await waitForPort(port, 30_000, () => log + (fs.existsSync(path.join(dir, 'error.log')) ? fs.readFileSync(path.join(dir, 'error.log'), 'utf8') : ''))
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT')
      await exited
      fs.rmSync(dir, { recursive: true, force: true })
    },
  }
}
