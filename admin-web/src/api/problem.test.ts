import { describe as suite, expect, it } from 'vitest'
import { describe, toProblem } from './problem'

suite('problem+json in words', () => {
  it('joins title, detail and every field message', () => {
    expect(describe({ status: 400, title: '请求内容未通过校验', detail: '请按字段提示修改后重试',
      errors: [{ field: 'phone', code: 'PATTERN', message: '电话号码格式不正确' }, { field: 'name', code: 'NOT_BLANK', message: '请填写姓名' }] }))
      .toBe('请求内容未通过校验：请按字段提示修改后重试（phone：电话号码格式不正确；name：请填写姓名）')
  })

  it('reads API Gateway style {"message"} bodies and non-JSON bodies', async () => {
    expect(await toProblem(new Response('{"message":"Unauthorized"}', { status: 401 }))).toEqual({ status: 401, title: 'Unauthorized' })
    expect((await toProblem(new Response('upstream timeout', { status: 504 }))).title).toBe('upstream timeout')
    const p = await toProblem(new Response(JSON.stringify({ title: '超出管辖范围', status: 403, code: 'OUT_OF_SCOPE' }), { status: 403 }))
    expect(p.code).toBe('OUT_OF_SCOPE')
    expect(describe(p)).toBe('超出管辖范围')
  })
})
