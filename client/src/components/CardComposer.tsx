import { useState, type KeyboardEvent } from 'react'
import type { Member } from '@harvest/shared'
import { LIMITS } from '@harvest/shared'
import { writeCard } from '../board/boardConnection'

/** Keyboard-first: type, press Enter. Shift+Enter starts a new line. */
export function CardComposer({ author }: { author: Member }) {
  const [text, setText] = useState('')

  function submit() {
    if (writeCard(author, text)) setText('')
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === 'Enter' && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault()
      submit()
    }
  }

  const left = LIMITS.cardTextMax - text.length
  return (
    <div className="composer">
      <textarea
        aria-label="New card"
        placeholder="Write a card and press Enter…"
        maxLength={LIMITS.cardTextMax}
        value={text}
        rows={2}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="composer-foot">
        <span className={left < 100 ? 'warn' : 'muted'}>{left < 300 ? `${left} characters left` : 'Enter to add · Shift+Enter for a new line'}</span>
        <button className="primary" onClick={submit} disabled={!text.trim()}>Add card</button>
      </div>
    </div>
  )
}
