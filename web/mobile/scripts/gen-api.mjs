// Types of the three services' APIs, generated from the OpenAPI documents they serve. The documents are kept in
// web/openapi/ (refreshed from a running stack, checked against the served ones by the e2e tests), so that a build
// needs no running service.
import openapiTS, { astToString } from 'openapi-typescript'
import { readFile, writeFile, mkdir } from 'node:fs/promises'

const services = ['talent', 'policy', 'notification']
await mkdir(new URL('../src/api/generated/', import.meta.url), { recursive: true })
for (const service of services) {
  const document = JSON.parse(await readFile(new URL(`../../openapi/${service}.json`, import.meta.url), 'utf8'))
  const ast = await openapiTS(document)
  const header = `// Generated from web/openapi/${service}.json by scripts/gen-api.mjs. Do not edit.\n`
  await writeFile(new URL(`../src/api/generated/${service}.ts`, import.meta.url), header + astToString(ast))
}
console.log(`API types generated for ${services.join(', ')}`)
