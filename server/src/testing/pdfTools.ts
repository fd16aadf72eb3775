import { execFileSync, execSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

/** Where the tests find Chromium. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
const E2E = resolve(import.meta.dirname, '../../../e2e')

/** Installs Debian's Chromium and poppler when missing, so PDF tests run rather than skip on a bare machine. */
export function ensurePdfTools(): void {
  if (!existsSync(CHROMIUM)) execSync(`bash ${E2E}/ensure-chromium.sh`, { stdio: 'inherit' })
  execSync(`bash ${E2E}/ensure-poppler.sh`, { stdio: 'inherit' })
}

/** The text pdftotext reads back from a PDF's bytes, as a reader of the file would see it. */
export function pdfText(bytes: Uint8Array): string {
  return execFileSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], { input: bytes }).toString('utf8')
}

/** Whether the bytes start like a PDF. */
export const isPdf = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 5)).toString('latin1') === '%PDF-'
