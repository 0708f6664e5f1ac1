import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises } from '@vue/test-utils'
import { i18n } from '@/i18n'
import { mountWithApp } from '@/test/mountWithApp'
import { NetworkProblem } from '@/api/problem'
import DocumentsPanel from './DocumentsPanel.vue'

const GET = vi.fn()
vi.mock('@/api/client', () => ({
  api: () => ({ talent: { GET } }),
  call: async (request: Promise<{ data: unknown }>) => (await request).data,
}))

enableAutoUnmount(afterEach)

const LISTED = {
  documentsLater: false,
  requirements: [
    { key: 'resident-id-card', name: '身份证', state: 'ACCEPTED', documentId: 'd1' },
    { key: 'degree-certificate', name: '学历证书', state: 'MISSING' },
    { key: 'tenancy-agreement', name: '房屋租赁合同', state: 'REJECTED', reason: '缺少出租人签字页', documentId: 'd3' },
  ],
  documents: [],
}

describe('DocumentsPanel', () => {
  beforeEach(() => {
    i18n.global.locale.value = 'zh-CN'
    GET.mockReset().mockResolvedValue({ data: LISTED })
  })

  it('says in words what is there, what is missing and why one came back, with a picker for each still needed', async () => {
    const { wrapper } = await mountWithApp(DocumentsPanel, { props: { of: { applicationId: 'a1' } } })
    expect(GET).toHaveBeenCalledWith('/api/talent/me/applications/{id}/documents', { params: { path: { id: 'a1' } } })
    expect(wrapper.find('.summary').text()).toBe('还需上传 2 项：学历证书、房屋租赁合同')
    const items = wrapper.findAll('.item').map((item) => item.text())
    expect(items[0]).toContain('身份证')
    expect(items[0]).toContain('审核通过')
    expect(items[0]).not.toContain('拍照或选择文件')
    expect(items[1]).toContain('未上传')
    expect(items[1]).toContain('拍照或选择文件')
    expect(items[2]).toContain('被退回，请重新上传')
    expect(items[2]).toContain('退回理由：缺少出租人签字页')
    expect(items[2]).toContain('重新上传')
    expect(wrapper.find('input[type=file]').attributes('accept')).toContain('application/pdf')
  })

  it('once the application is decided the documents are shown without pickers', async () => {
    const { wrapper } = await mountWithApp(DocumentsPanel, { props: { of: { applicationId: 'a1' }, editable: false } })
    expect(wrapper.text()).toContain('申请已办结，材料不能再更改。')
    expect(wrapper.findAll('input[type=file]')).toHaveLength(0)
  })

  it('before applying it reads the measure\'s documents', async () => {
    GET.mockResolvedValue({ data: { ...LISTED, requirements: [LISTED.requirements[0]] } })
    const { wrapper } = await mountWithApp(DocumentsPanel, { props: { of: { measureCode: 'QJY-17' } } })
    expect(GET).toHaveBeenCalledWith('/api/talent/me/measures/{code}/documents', { params: { path: { code: 'QJY-17' } } })
    expect(wrapper.find('.summary').text()).toBe('材料已齐全。')
  })

  it('a list that could not be read says so with a retry instead of vanishing, and the retry reads it again', async () => {
    GET.mockRejectedValueOnce(new NetworkProblem())
    const { wrapper } = await mountWithApp(DocumentsPanel, { props: { of: { applicationId: 'a1' } } })
    expect(wrapper.text()).toContain('申请材料')
    expect(wrapper.text()).toContain('网络不太顺畅，请检查网络后重试。')
    expect(wrapper.find('.summary').exists()).toBe(false)

    await wrapper.get('button').trigger('click')
    await flushPromises()
    expect(GET).toHaveBeenCalledTimes(2)
    expect(wrapper.find('.summary').text()).toBe('还需上传 2 项：学历证书、房屋租赁合同')
  })
})
