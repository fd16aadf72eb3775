let audio: AudioContext | null = null

/**
 * Browsers keep audio muted until the person interacts with the page, so the context is
 * created (or resumed) on the first click or key press, ready for a chime later.
 */
export function unlockAudioOnFirstGesture(): () => void {
  const unlock = () => {
    try {
      audio ??= new AudioContext()
      void audio.resume()
    } catch {
      // No audio on this device: the chime is a courtesy, the clock still shows the time.
    }
  }
  window.addEventListener('pointerdown', unlock, { once: true })
  window.addEventListener('keydown', unlock, { once: true })
  return () => {
    window.removeEventListener('pointerdown', unlock)
    window.removeEventListener('keydown', unlock)
  }
}

/** A soft two-note sine chime, about a second long, quiet enough not to startle a speaker. */
export function playChime(): void {
  if (!audio || audio.state !== 'running') return
  const start = audio.currentTime
  for (const [offset, frequency] of [[0, 784], [0.28, 1047]] as const) {
    const osc = audio.createOscillator()
    const gain = audio.createGain()
    osc.type = 'sine'
    osc.frequency.value = frequency
    gain.gain.setValueAtTime(0, start + offset)
    gain.gain.linearRampToValueAtTime(0.15, start + offset + 0.03)
    gain.gain.exponentialRampToValueAtTime(0.001, start + offset + 0.9)
    osc.connect(gain).connect(audio.destination)
    osc.start(start + offset)
    osc.stop(start + offset + 1)
  }
}
