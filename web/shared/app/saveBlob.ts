/** Saves a blob as a file through a temporary object URL and a download link. */
export function saveBlob(blob: Blob, fileName: string, doc: Document = document, urls: Pick<typeof URL, 'createObjectURL' | 'revokeObjectURL'> = URL): void {
  const url = urls.createObjectURL(blob)
  const link = doc.createElement('a')
  link.href = url
  link.download = fileName
  link.style.display = 'none'
  doc.body.appendChild(link)
  link.click()
  link.remove()
  // Some browsers read the URL after click() returns; revoking at once can cancel the download.
  setTimeout(() => urls.revokeObjectURL(url), 10_000)
}
