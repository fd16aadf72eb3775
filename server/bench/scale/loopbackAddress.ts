import http from 'node:http'

/**
 * The loopback source address of the i-th participant of the two-process case, 127.0.0.2 …
 * 127.0.0.250 in turn: nginx balances by the client's address, so from 127.0.0.1 alone everyone
 * would land on one process.
 */
export const loopbackAddress = (i: number): string => `127.0.0.${2 + (i % 249)}`

/** What an HTTP POST from a chosen source address answered, and which upstream nginx chose (its test header). */
export interface AddressedAnswer {
  status: number
  body: string
  upstream: string | null
}

/** POSTs JSON from `localAddress` (fetch cannot choose its source address). */
export function postJsonFrom(url: string, body: unknown, localAddress: string): Promise<AddressedAnswer> {
  const payload = JSON.stringify(body)
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } }, (response) => {
      let text = ''
      response.setEncoding('utf8')
      response.on('data', (chunk: string) => (text += chunk))
      response.on('end', () => {
        const upstream = response.headers['x-harvest-upstream']
        resolve({ status: response.statusCode ?? 0, body: text, upstream: typeof upstream === 'string' ? upstream : null })
      })
      response.on('error', reject)
    })
    request.on('error', reject)
    request.end(payload)
  })
}
