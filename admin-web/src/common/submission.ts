import { reactive, ref } from 'vue'
import { ElMessage, type FormInstance } from 'element-plus'
import { ApiError } from '../api/problem'

/**
 * A console form's submission: the form's own rules first, then the request; the server's field errors are shown
 * beside their fields (`fieldErrors[field]`) and its refusal as a message, and `busy` holds while it is under way.
 */
export function useSubmission() {
  const fieldErrors = reactive<Record<string, string>>({})
  const busy = ref(false)

  /** Sends when the form validates; the answer, or undefined when the form or the server refused. */
  async function submit<T>(form: FormInstance | undefined, send: () => Promise<T>): Promise<T | undefined> {
    if (!(await form?.validate().catch(() => false))) return undefined
    Object.keys(fieldErrors).forEach((k) => delete fieldErrors[k])
    busy.value = true
    try {
      return await send()
    } catch (e) {
      if (e instanceof ApiError) for (const f of e.problem.errors ?? []) fieldErrors[f.field] = f.message
      ElMessage.error((e as Error).message)
      return undefined
    } finally {
      busy.value = false
    }
  }

  return { fieldErrors, busy, submit }
}
