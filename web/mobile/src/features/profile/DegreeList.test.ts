import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { mountWithApp, readable } from '@/test/mountWithApp'
import { resetVocabulary, useVocabulary } from '@/features/vocabulary/useVocabulary'
import { vocabularyFixture } from '@/features/vocabulary/vocabulary.fixture'
import ProfileField from './ProfileField.vue'
import { fieldByPath } from './profileFields'

const GET = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ policy: { GET } }),
  call: async (request: Promise<{ data: unknown }>) => (await request).data,
}))

enableAutoUnmount(afterEach)

async function otherDegrees(modelValue: unknown) {
  await useVocabulary().load()
  return mountWithApp(ProfileField, {
    props: { field: fieldByPath('education.otherDegrees'), modelValue, label: '其他学历', hint: '选填' },
  })
}

describe('other degrees (a list of degrees with their dates)', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
    resetVocabulary()
    GET.mockReset()
    GET.mockResolvedValue({ data: vocabularyFixture })
    document.body.innerHTML = ''
  })

  it('shows each degree in words with its date, and 删除 takes it out', async () => {
    const { wrapper } = await otherDegrees([{ degree: 'JUNIOR_COLLEGE', graduationDate: '2020-06-30' }, { degree: 'BACHELOR', graduationDate: '2022-06-30' }])
    expect(wrapper.findAll('li').map((row) => row.find('span').text())).toEqual(['大专（2020年6月30日）', '本科（2022年6月30日）'])
    expect(readable(wrapper)).not.toMatch(/JUNIOR_COLLEGE|BACHELOR/)
    expect(wrapper.find('li button').attributes('aria-label')).toBe('删除 大专（2020年6月30日）')

    await wrapper.findAll('li button')[0].trigger('click')
    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([[{ degree: 'BACHELOR', graduationDate: '2022-06-30' }]])
  })

  it('添加其他学历 asks the degree, then its graduation date, and keeps the list in date order', async () => {
    const { wrapper } = await otherDegrees([{ degree: 'MASTER', graduationDate: '2027-06-30' }])
    await wrapper.find('.question__add').trigger('click')
    const degreePicker = wrapper.findComponent({ name: 'van-picker' })
    expect(degreePicker.props('title')).toBe('选择学历')
    expect((degreePicker.props('columns') as { text: string }[]).map((column) => column.text)).not.toContain('无')

    degreePicker.vm.$emit('confirm', { selectedValues: ['BACHELOR'] })
    await flushPromises()
    const datePicker = wrapper.findComponent({ name: 'van-date-picker' })
    expect(datePicker.props('title')).toBe('本科的毕业时间')
    datePicker.vm.$emit('confirm', { selectedValues: ['2024', '06', '30'] })
    await flushPromises()

    expect(wrapper.emitted('update:modelValue')?.at(-1)).toEqual([[
      { degree: 'BACHELOR', graduationDate: '2024-06-30' },
      { degree: 'MASTER', graduationDate: '2027-06-30' },
    ]])
  })

  it('stops offering 添加 at five degrees', async () => {
    const five = ['2010', '2012', '2014', '2016', '2018'].map((year) => ({ degree: 'BACHELOR', graduationDate: `${year}-06-30` }))
    const { wrapper } = await otherDegrees(five)
    expect(wrapper.find('.question__add').exists()).toBe(false)
  })
})
