import { describe, expect, it } from 'vitest'
import { ApiProblem } from '@/api/problem'
import { refusalWords, sendUpload } from './upload'
import { outstanding, type Requirement } from './useDocuments'

/** A stand-in for the browser's XMLHttpRequest: reports progress, then answers as the gateway would. */
class FakeXhr {
  status = 0
  responseText = ''
  headers: Record<string, string> = {}
  sent: FormData | undefined
  upload: { onprogress?: (event: { lengthComputable: boolean; loaded: number; total: number }) => void } = {}
  onload?: () => void
  onerror?: () => void
  answer: { status: number; body: string } = { status: 201, body: '{}' }
  open(): void {}
  setRequestHeader(name: string, value: string): void { this.headers[name] = value }
  getResponseHeader(): string { return 'application/problem+json' }
  send(form: FormData): void {
    this.sent = form
    this.upload.onprogress?.({ lengthComputable: true, loaded: 512, total: 1024 })
    this.status = this.answer.status
    this.responseText = this.answer.body
    this.onload?.()
  }
}

function request(onProgress: (percent: number) => void) {
  return { url: '/api/talent/me/documents', token: 't0k', language: 'zh-CN', requirement: 'resident-id-card',
    file: new File(['%PDF-1.7'], '身份证.pdf', { type: 'application/pdf' }), onProgress }
}

describe('sending a document', () => {
  it('sends the file with what it proves, the token and the language, and reports progress', async () => {
    const xhr = new FakeXhr()
    const seen: number[] = []
    await sendUpload(request((p) => seen.push(p)), xhr as unknown as XMLHttpRequest)
    expect(seen).toEqual([50])
    expect(xhr.sent?.get('requirement')).toBe('resident-id-card')
    expect((xhr.sent?.get('file') as File).name).toBe('身份证.pdf')
    expect(xhr.headers).toMatchObject({ Authorization: 'Bearer t0k', 'Accept-Language': 'zh-CN' })
  })

  it('turns a refusal into the server\'s words', async () => {
    const xhr = new FakeXhr()
    xhr.answer = { status: 415, body: JSON.stringify({ code: 'DOCUMENT_TYPE_MISMATCH', detail: '文件内容与文件名不符',
      errors: [{ field: 'file', message: '文件内容与文件名不符' }] }) }
    const refused = await sendUpload(request(() => {}), xhr as unknown as XMLHttpRequest).catch((e: unknown) => e)
    expect(refused).toBeInstanceOf(ApiProblem)
    expect((refused as ApiProblem).byField().file).toBe('文件内容与文件名不符')
    expect(refusalWords(refused, '稍后再试')).toBe('文件内容与文件名不符')
    expect(refusalWords(new Error('boom'), '稍后再试')).toBe('稍后再试')
  })
})

describe('what is still to be given', () => {
  it('lists the missing and the returned documents, not those uploaded or accepted', () => {
    const requirements = [
      { key: 'a', name: '身份证', state: 'ACCEPTED' }, { key: 'b', name: '学历证书', state: 'MISSING' },
      { key: 'c', name: '房屋租赁合同', state: 'REJECTED' }, { key: 'd', name: '劳动合同', state: 'SUBMITTED' },
    ] as Requirement[]
    expect(outstanding(requirements).map((r) => r.name)).toEqual(['学历证书', '房屋租赁合同'])
  })
})
