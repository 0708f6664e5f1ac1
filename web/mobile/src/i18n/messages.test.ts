import { describe, expect, it } from 'vitest'
import { allMessages } from './index'

type Tree = { [key: string]: string | Tree }

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [`${prefix}${key}`] : keys(value, `${prefix}${key}.`))
}

describe('message files of every feature', () => {
  const messages = allMessages() as unknown as Record<'zh-CN' | 'en', Tree>

  it('say everything in both languages', () => {
    const zh = keys(messages['zh-CN'])
    const en = keys(messages.en)
    expect(en.filter((key) => !zh.includes(key)), 'only in English').toEqual([])
    expect(zh.filter((key) => !en.includes(key)), 'only in Chinese').toEqual([])
    expect(zh.length).toBeGreaterThan(200)
  })

})
