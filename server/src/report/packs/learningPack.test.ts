import JSZip from 'jszip'
import { parseHTML } from 'linkedom'
import mammoth from 'mammoth'
import { marked } from 'marked'
import { describe, expect, it } from 'vitest'
import { buildReport } from '../buildReport'
import { fixtureSessionInput } from '../fixtureSession'
import { buildLearningPack, findPackCity, packCities } from './buildLearningPack'
import { renderPackDocx } from './packDocx'
import { renderPackHtml } from './packHtml'
import { renderPackMarkdown } from './packMarkdown'
import { renderPacksZip } from './packZip'

const base = fixtureSessionInput()
const lodzStory = 'story-lodz'
// The fixture with a story of Łódź, and others writing into it: an offer, a question, an own card.
const input = fixtureSessionInput({
  control: { ...base.control, stories: [...base.control.stories, { ...base.control.stories[0]!, id: lodzStory, city: 'Łódź', title: 'NEEST <b>retrofits</b>' }] },
  notes: { ...base.notes, [lodzStory]: { ...base.notes['story-cluj']!, milestones: 'A contract signed by <script>five</script> cities' } },
  cards: [
    ...base.cards,
    { ...base.cards[0]!, id: 'c-offer', area: `story:${lodzStory}`, kind: 'synergy', text: 'Galway offers its hub playbook' },
    { ...base.cards[0]!, id: 'c-question', area: `story:${lodzStory}`, kind: 'learning', text: 'Who pays for the <script>alert(1)</script> surveys?' },
    { ...base.cards[0]!, id: 'c-tagged', area: 'plenary', kind: 'idea', text: 'A joint bid with the Polish cities', tags: ['Łódź'] },
    { ...base.cards[0]!, id: 'c-own', authorId: 'm-ola', authorName: 'Ola Kowalska', city: 'Łódź', area: `story:${lodzStory}`, kind: 'action', text: 'We will invite Galway' },
  ],
})
const report = buildReport(input)
const lodz = buildLearningPack(report, 'Łódź')

describe('buildLearningPack', () => {
  it('has a pack for every city of the session and finds a city by its name in any case', () => {
    expect(packCities(report)).toEqual(['Cluj-Napoca', 'Galway', 'Łódź', 'Umeå'])
    expect(findPackCity(report, 'łÓDŹ')).toBe('Łódź')
    expect(findPackCity(report, 'Lodz')).toBeNull()
  })

  it('gathers the story, what was written in it, offers from other cities and the questions', () => {
    expect(lodz.story?.title).toBe('NEEST <b>retrofits</b>')
    expect(lodz.duringStory.map((c) => c.id).sort()).toEqual(['c-offer', 'c-own', 'c-question'])
    // The city's own action is not an offer to it; the tagged idea written elsewhere is.
    expect(lodz.offers.cards.map((c) => c.id).sort()).toEqual(['c-offer', 'c-tagged'])
    expect(lodz.questions.map((c) => c.id)).toEqual(['c-question'])
    expect(lodz.keyInsights.map((e) => e.id)).toEqual(['e-key-finance'])
  })

  it('lists the patterns and key insights naming a city, and Now What entries addressed to it', () => {
    const cluj = buildLearningPack(report, 'Cluj-Napoca')
    expect(cluj.patterns.map((p) => p.name)).toEqual(['Procurement slows every pilot'])
    expect(cluj.keyInsights.map((e) => e.id).sort()).toEqual(['e-key-finance', 'e-key-trust'])
    expect(cluj.questions.map((c) => c.text)).toEqual(['How did you reach owners who do not live in their flats?'])
    expect(buildLearningPack(report, 'Umeå').offers.entries.map((e) => e.id)).toEqual(['e-idea'])
    expect(buildLearningPack(report, 'Umeå').story).toBeNull()
  })
})

describe('learning pack renderers', () => {
  it('writes Markdown with every section and user text as text', async () => {
    const md = await renderPackMarkdown(lodz)
    const tokens = marked.lexer(md)
    const headings = tokens.filter((t) => t.type === 'heading').map((t) => (t as { text: string }).text)
    expect(headings).toEqual(['Learning pack: Łódź', 'Our story as prepared', 'What others wrote during our story', 'Patterns we appear in', 'Key insights', 'Ideas and offers addressed to us', 'Questions asked'])
    expect(tokens.some((t) => t.type === 'html')).toBe(false)
    expect(marked.parse(md)).not.toContain('<script>')
  })

  it('writes HTML where a card holding a script is text', async () => {
    const { document } = parseHTML(await renderPackHtml(lodz))
    expect(document.querySelector('script')).toBeNull()
    expect(document.querySelector('h1')?.textContent).toBe('Learning pack: Łódź')
    expect(document.querySelector('.prepared dd')?.textContent).toBe('A contract signed by <script>five</script> cities')
    const texts = [...document.querySelectorAll('li .text')].map((el) => el.textContent)
    expect(texts).toContain('Who pays for the <script>alert(1)</script> surveys?')
    expect(texts).toContain('Galway offers its hub playbook')
  })

  it('writes a Word document with the same content', async () => {
    const { value } = await mammoth.extractRawText({ buffer: Buffer.from(await renderPackDocx(lodz)) })
    expect(value).toContain('Learning pack: Łódź')
    expect(value).toContain('Ideas and offers addressed to us')
    expect(value).toContain('Who pays for the <script>alert(1)</script> surveys?')
  })

  it('zips every city in every format', async () => {
    const zip = await JSZip.loadAsync(await renderPacksZip(report))
    const files = Object.keys(zip.files).sort()
    expect(files).toHaveLength(12)
    expect(files).toContain('Learning pack - Łódź.docx')
    expect(await zip.file('Learning pack - Umeå.md')!.async('string')).toContain('# Learning pack: Umeå')
  })
})
