import { describe, expect, it } from 'vitest'
import { allMessages } from './index'

type Tree = { [key: string]: string | Tree }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`))
}

describe('message files', () => {
  it('say everything in both languages', () => {
    const messages = allMessages()
    expect(keys(messages.en).sort()).toEqual(keys(messages['zh-CN']).sort())
  })

  it('every Chinese text has Chinese in it, every English text none', () => {
    const messages = allMessages()
    const zh = keys(messages['zh-CN'])
    const value = (tree: Tree, key: string) => key.split('.').reduce<string | Tree>((t, k) => (t as Tree)[k], tree) as string
    for (const key of zh) {
      // The language switch names the other language; separators and patterns of placeholders have no words.
      if (key === 'app.language' || !/\p{L}/u.test(value(messages['zh-CN'], key).replace(/\{\w+\}/g, ''))) continue
      expect(value(messages['zh-CN'], key), key).toMatch(/\p{Script=Han}/u)
      expect(value(messages.en, key), key).not.toMatch(/\p{Script=Han}/u)
    }
  })
})
