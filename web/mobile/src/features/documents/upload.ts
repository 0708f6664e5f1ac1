import { ApiProblem, NetworkProblem, problemFrom } from '@/api/problem'

/**
 * One file sent as the API takes it (multipart `file` + `requirement`), with upload progress: fetch cannot report
 * how much of a body has left, XMLHttpRequest can. A non-2xx answer becomes the same {@link ApiProblem} the typed
 * client throws, so a refusal's words (the server's detail) reach the screen unchanged.
 */
export interface UploadRequest {
  url: string
  token: string | undefined
  language: string
  requirement: string
  file: File
  onProgress: (percent: number) => void
}

export function sendUpload(request: UploadRequest, xhr: XMLHttpRequest = new XMLHttpRequest()): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const form = new FormData()
    form.append('requirement', request.requirement)
    form.append('file', request.file, request.file.name)
    xhr.open('POST', request.url)
    xhr.setRequestHeader('Accept-Language', request.language)
    if (request.token) xhr.setRequestHeader('Authorization', `Bearer ${request.token}`)
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) request.onProgress(Math.min(100, Math.round((event.loaded / event.total) * 100)))
    }
    xhr.onerror = () => reject(new NetworkProblem())
    xhr.onload = async () => {
      const response = new Response(xhr.responseText, {
        status: xhr.status,
        headers: { 'Content-Type': xhr.getResponseHeader('Content-Type') ?? 'application/json' },
      })
      if (xhr.status >= 200 && xhr.status < 300) resolve(xhr.responseText ? JSON.parse(xhr.responseText) : undefined)
      else reject(await problemFrom(response))
    }
    xhr.send(form)
  })
}

/** The words to show for a failed upload: the server's detail, or the message for the case it did not explain. */
export function refusalWords(error: unknown, fallback: string): string {
  return error instanceof ApiProblem && error.detail ? error.detail : fallback
}
