import { ref, watch } from 'vue'

/** 适老化: large text and high contrast, remembered on this device. */
export const ELDER_KEY = 'redgrid.elder'

export function elderMode(storage: Pick<Storage, 'getItem'> = localStorage): boolean {
  return storage.getItem(ELDER_KEY) === '1'
}

export function setElderMode(on: boolean, storage: Pick<Storage, 'setItem'> = localStorage) {
  storage.setItem(ELDER_KEY, on ? '1' : '0')
}

/** The mode for every phone page: the shell styles by it, the home page's switch sets it. */
export const elder = ref(typeof localStorage !== 'undefined' && elderMode())
watch(elder, (on) => setElderMode(on))
