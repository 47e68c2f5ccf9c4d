import { createApp } from 'vue'
import Vant from 'vant'
import 'vant/lib/index.css'
import '../styles/base.css'
import MobileApp from './MobileApp.vue'
import { makeI18n } from '../i18n'
import { loadConfig } from '../config'
import { router } from './router'

loadConfig().then(() => {
  createApp(MobileApp).use(makeI18n()).use(router).use(Vant).mount('#app')
})
