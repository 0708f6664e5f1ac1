// Refreshes web/openapi/*.json, the API documents the apps' types are generated from, from running services.
// Usage (with ./run.sh running): npm run openapi:refresh [-- --talent=http://127.0.0.1:8081 --policy=… --notification=…]
// The e2e tests fail when these files differ from what the services serve.
import { writeFile } from 'node:fs/promises'

const defaults = { talent: 'http://127.0.0.1:8081', policy: 'http://127.0.0.1:8082', notification: 'http://127.0.0.1:8083' }
const given = Object.fromEntries(process.argv.slice(2).map((arg) => arg.replace(/^--/, '').split('=')))
for (const [service, base] of Object.entries({ ...defaults, ...given })) {
  const response = await fetch(`${base}/v3/api-docs`)
  if (!response.ok) throw new Error(`${service}: ${base}/v3/api-docs answered ${response.status}`)
  const document = await response.json()
  await writeFile(new URL(`../openapi/${service}.json`, import.meta.url), JSON.stringify(document, null, 2) + '\n')
  console.log(`web/openapi/${service}.json refreshed from ${base}`)
}
