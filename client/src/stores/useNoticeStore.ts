import { create } from 'zustand'

/** A short message about something the person just did, e.g. a refused command. */
export interface Notice {
  id: number
  kind: 'error' | 'info'
  text: string
}

/** The one notice on screen; a newer one replaces an older one. */
export interface NoticeStore {
  notice: Notice | null
  show(kind: Notice['kind'], text: string): void
  dismiss(id: number): void
}

let nextId = 1

export const useNoticeStore = create<NoticeStore>()((set) => ({
  notice: null,
  show: (kind, text) => set({ notice: { id: nextId++, kind, text } }),
  dismiss: (id) => set((s) => (s.notice?.id === id ? { notice: null } : s)),
}))
