import type { LearningPack, PackFormat } from '@harvest/shared'
import { renderPackDocx } from './packDocx'
import { renderPackHtml } from './packHtml'
import { renderPackMarkdown } from './packMarkdown'

/** A learning pack format's renderer and how it is served. */
export interface PackFormatEntry {
  render(pack: LearningPack): Promise<string | Uint8Array>
  contentType: string
  extension: string
}

/** Every learning pack format; adding one is adding a row. */
export const PACK_RENDERERS = {
  md: { render: renderPackMarkdown, contentType: 'text/markdown; charset=utf-8', extension: 'md' },
  html: { render: renderPackHtml, contentType: 'text/html; charset=utf-8', extension: 'html' },
  docx: { render: renderPackDocx, contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
} satisfies Record<PackFormat, PackFormatEntry>
