import { parseHTML } from 'linkedom'
import { marked, type Token } from 'marked'
import { describe, expect, it } from 'vitest'
import { escapeHtml, escapeMarkdown } from './escape'

/** Every token of a Markdown document, nested ones included. */
function allTokens(tokens: Token[]): Token[] {
  return tokens.flatMap((token) => {
    const children = [...('tokens' in token && token.tokens ? token.tokens : []), ...('items' in token && Array.isArray(token.items) ? token.items : [])]
    return [token, ...allTokens(children as Token[])]
  })
}

/** What a reader sees of a Markdown document rendered to HTML. */
function seen(md: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${marked.parse(md) as string}</body></html>`)
  return document.body.textContent?.trim() ?? ''
}

const HOSTILE = [
  '# not a heading',
  '<script>alert("x")</script> & <b>bold</b>',
  '[click](javascript:alert(1)) ![img](x.png)',
  'see http://example.org, www.example.org and someone@example.org',
  '| a | b |',
  '- not a list',
  '+ to be sorted later',
  '1. not numbered',
  '=HYPERLINK("http://x","click")',
  '*not em* _not em_ ~~not struck~~ `not code`',
  '> not a quote',
  '&amp; stays as typed',
  'a backslash \\ and a closing #',
]

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('keeps %j as plain text inside a list item', (text) => {
    const md = `- ${escapeMarkdown(text, '\\\n  ')}`
    const kinds = new Set(allTokens(marked.lexer(md)).map((token) => token.type))
    for (const markup of ['heading', 'html', 'link', 'image', 'table', 'em', 'strong', 'del', 'codespan', 'blockquote']) {
      expect(kinds).not.toContain(markup)
    }
    expect(allTokens(marked.lexer(md)).filter((token) => token.type === 'list')).toHaveLength(1)
    expect(seen(md)).toBe(text)
  })

  it('keeps several lines inside one list item, without blank lines that would end it', () => {
    const md = `- ${escapeMarkdown('first\n\n- second\n=== third', '\\\n  ')}\n- next`
    const [list] = marked.lexer(md)
    expect(list?.type).toBe('list')
    expect(list && 'items' in list ? list.items.length : 0).toBe(2)
    expect(marked.parse(md)).toContain('<li>first<br>- second<br>=== third</li>')
  })

  it('writes a heading or table cell on one line', () => {
    expect(escapeMarkdown('one\ntwo | three', ' ')).toBe('one two \\| three')
  })

  it('leaves letters outside ASCII as they are', () => {
    expect(escapeMarkdown('Łódź and Umeå')).toBe('Łódź and Umeå')
  })
})

describe('escapeHtml', () => {
  it('turns markup into text', () => {
    const { document } = parseHTML(`<!doctype html><html><body><p title="${escapeHtml('"q" \'s\'')}">${escapeHtml('<script>x</script> & Łódź')}</p></body></html>`)
    expect(document.querySelector('script')).toBeNull()
    expect(document.querySelector('p')?.textContent).toBe('<script>x</script> & Łódź')
    expect(document.querySelector('p')?.getAttribute('title')).toBe('"q" \'s\'')
  })
})
