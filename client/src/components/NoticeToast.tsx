import { useEffect } from 'react'
import { useNoticeStore } from '../stores/useNoticeStore'

/** Shows the latest refusal or confirmation for a few seconds. */
export function NoticeToast() {
  const notice = useNoticeStore((s) => s.notice)
  const dismiss = useNoticeStore((s) => s.dismiss)

  useEffect(() => {
    if (!notice) return
    const timer = setTimeout(() => dismiss(notice.id), 6000)
    return () => clearTimeout(timer)
  }, [notice, dismiss])

  if (!notice) return null
  return (
    <div className={`toast toast-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      <button className="link" onClick={() => dismiss(notice.id)} aria-label="Dismiss">✕</button>
    </div>
  )
}
