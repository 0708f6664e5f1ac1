// The first screen of an app may load at most <budget> kB of gzipped JavaScript: the entry script and every chunk
// its index.html preloads (lazily loaded screens are not counted). Fails the build when over budget.
// Usage: node ../scripts/bundle-budget.mjs <app> <budget kB>
import { readFile } from 'node:fs/promises'
import { gzipSync } from 'node:zlib'

const [app, budget] = process.argv.slice(2)
const BUDGET_KB = Number(budget)
if (!app || !(BUDGET_KB > 0)) throw new Error('usage: bundle-budget.mjs <app> <budget kB>')
const dist = new URL(`../target/classes/static/${app}/`, import.meta.url)
const html = await readFile(new URL('index.html', dist), 'utf8')
const scripts = [...html.matchAll(/(?:src|href)="\/?(assets\/[^"]+\.js)"/g)].map((m) => m[1])
let total = 0
for (const script of new Set(scripts)) {
  const size = gzipSync(await readFile(new URL(script, dist))).length
  total += size
  console.log(`  ${script}: ${(size / 1024).toFixed(1)} kB gzip`)
}
const kb = total / 1024
console.log(`${app} first screen: ${kb.toFixed(1)} kB gzip JS (budget ${BUDGET_KB} kB)`)
if (scripts.length === 0 || kb > BUDGET_KB) {
  console.error(scripts.length === 0 ? 'no entry script found in index.html' : 'over the bundle budget')
  process.exit(1)
}
