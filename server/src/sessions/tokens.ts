import crypto from 'node:crypto'

/** 256 random bits, base64url: far beyond the 122 bits an invitation must carry. */
export function newToken(): string {
  return crypto.randomBytes(32).toString('base64url')
}

/** Member secrets are stored only as hashes, so a copy of the database cannot impersonate anyone. */
export function hashToken(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex')
}
