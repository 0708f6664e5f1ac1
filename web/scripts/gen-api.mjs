// Types of the services' APIs, generated from the OpenAPI documents in web/openapi/ (refreshed from a running stack,
// checked against the served ones by the e2e tests), so that a build needs no running service.
// Usage (from an app's folder): node ../scripts/gen-api.mjs <output folder> <service>...
import openapiTS, { astToString } from 'openapi-typescript'
import { readFile, writeFile, mkdir } from 'node:fs/promises'
import { resolve } from 'node:path'

const [outDir, ...services] = process.argv.slice(2)
if (!outDir || services.length === 0) throw new Error('usage: gen-api.mjs <output folder> <service>...')
await mkdir(resolve(outDir), { recursive: true })
for (const service of services) {
  const document = JSON.parse(await readFile(new URL(`../openapi/${service}.json`, import.meta.url), 'utf8'))
  const header = `// Generated from web/openapi/${service}.json by web/scripts/gen-api.mjs. Do not edit.\n`
  await writeFile(resolve(outDir, `${service}.ts`), header + astToString(await openapiTS(document)))
}
console.log(`API types generated for ${services.join(', ')} into ${outDir}`)
