import { describe, expect, it } from 'vitest'
import profile from './messages'
import { ALL_FIELDS, PROFILE_STEPS } from './profileFields'

type Tree = { [key: string]: string | Tree }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`))
}

function at(tree: Tree, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Tree | undefined)?.[key], tree)
}

describe('profile texts', () => {
  it('labels every question and names every step', () => {
    const zh = profile['zh-CN'].profile as Tree
    for (const field of ALL_FIELDS) expect(typeof at(zh, `fields.${field.path}`), field.path).toBe('string')
    for (const step of PROFILE_STEPS) expect(typeof at(zh, `steps.${step.id}`), step.id).toBe('string')
    for (const field of ALL_FIELDS.filter((f) => f.required)) {
      expect(typeof at(zh, `check.required.${field.path}`), field.path).toBe('string')
    }
  })
})
