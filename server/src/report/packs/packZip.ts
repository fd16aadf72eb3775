import JSZip from 'jszip'
import type { Report } from '@harvest/shared'
import { PACK_FORMATS } from '@harvest/shared'
import { buildLearningPack, packCities } from './buildLearningPack'
import { PACK_RENDERERS } from './packFormats'

/** A file name a city's pack can carry in a zip on every system: the city's letters kept, separators replaced. */
export const packFileName = (city: string, extension: string) =>
  `Learning pack - ${city.replace(/[\\/:*?"<>|\u0000-\u001f\u007f]+/g, ' ').trim() || 'city'}.${extension}`

/** Every city's pack in every format, in one zip (jszip, which docx already brings). */
export async function renderPacksZip(report: Report): Promise<Uint8Array> {
  const zip = new JSZip()
  for (const city of packCities(report)) {
    const pack = buildLearningPack(report, city)
    for (const format of PACK_FORMATS) {
      const { render, extension } = PACK_RENDERERS[format]
      zip.file(packFileName(city, extension), await render(pack))
    }
  }
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}
