import { useEffect, useState } from 'react'
import type { Recap } from '@harvest/shared'
import { sessionLife } from '../../commands'

/** The previous round's key insights, asked once when `wanted` turns true; null while none. */
export function useRecap(wanted: boolean): Recap | null {
  const [recap, setRecap] = useState<Recap | null>(null)
  useEffect(() => {
    if (!wanted) return
    let live = true
    void sessionLife.recap().then((reply) => live && reply.ok && setRecap(reply.data))
    return () => void (live = false)
  }, [wanted])
  return recap
}
