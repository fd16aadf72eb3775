import { useState, type FormEvent } from 'react'
import { CONTROL_LIMITS, LIMITS, isParticipant } from '@harvest/shared'
import { stories } from '../../commands'
import { useControlStore } from '../../stores/useControlStore'
import { useSessionStore } from '../../stores/useSessionStore'

const blank = { memberId: '', name: '', city: '', title: '', slot: 10, qa: 5, afterId: '' }

/** Puts a city's story in the queue: at the end, or inserted after another story. */
export function StoryAddForm() {
  const [form, setForm] = useState(blank)
  const [busy, setBusy] = useState(false)
  const members = useSessionStore((s) => s.state?.members ?? [])
  const cities = useSessionStore((s) => s.state?.session.cities ?? [])
  const queue = useControlStore((s) => s.control?.stories ?? [])
  const tellers = members.filter((m) => isParticipant(m.role))
  const set = (patch: Partial<typeof blank>) => setForm((f) => ({ ...f, ...patch }))

  function pickMember(memberId: string) {
    const member = members.find((m) => m.id === memberId)
    set({ memberId, name: member?.name ?? '', city: member?.city || form.city })
  }

  async function submit(event: FormEvent) {
    event.preventDefault()
    setBusy(true)
    const created = await stories.add({
      city: form.city,
      storytellerId: form.memberId || null,
      storytellerName: form.name,
      title: form.title,
      slotMinutes: form.slot,
      qaMinutes: form.qa,
      afterId: form.afterId || null,
    })
    setBusy(false)
    if (created.ok) setForm(blank)
  }

  return (
    <form className="story-add" onSubmit={submit} aria-label="Add a story">
      <label>
        Storyteller
        <select value={form.memberId} onChange={(e) => pickMember(e.target.value)}>
          <option value="">Not joined yet</option>
          {tellers.map((m) => <option key={m.id} value={m.id}>{m.name}{m.city ? ` (${m.city})` : ''}</option>)}
        </select>
      </label>
      <label>
        Name
        <input value={form.name} maxLength={LIMITS.nameMax} disabled={form.memberId !== ''} onChange={(e) => set({ name: e.target.value })} />
      </label>
      <label>
        City
        <input required value={form.city} maxLength={LIMITS.cityMax} list="story-cities" onChange={(e) => set({ city: e.target.value })} />
        <datalist id="story-cities">{cities.map((c) => <option key={c.name} value={c.name} />)}</datalist>
      </label>
      <label className="wide">
        Story title
        <input value={form.title} maxLength={LIMITS.titleMax} onChange={(e) => set({ title: e.target.value })} />
      </label>
      <label className="num">
        Slot (min)
        <input type="number" min={1} max={CONTROL_LIMITS.storyMinutesMax} value={form.slot} onChange={(e) => set({ slot: Number(e.target.value) })} />
      </label>
      <label className="num">
        Q&amp;A (min)
        <input type="number" min={0} max={CONTROL_LIMITS.storyMinutesMax} value={form.qa} onChange={(e) => set({ qa: Number(e.target.value) })} />
      </label>
      <label>
        Position
        <select value={form.afterId} onChange={(e) => set({ afterId: e.target.value })}>
          <option value="">At the end</option>
          {queue.map((s, i) => <option key={s.id} value={s.id}>After {i + 1}. {s.city}</option>)}
        </select>
      </label>
      <button className="primary" disabled={busy || !form.city.trim()}>Add to the queue</button>
    </form>
  )
}
