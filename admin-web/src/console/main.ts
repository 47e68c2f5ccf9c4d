import { createApp } from 'vue'
import ElementPlus from 'element-plus'
import 'element-plus/dist/index.css'
import '../styles/base.css'
import App from './App.vue'
import { router } from './router'
import { makeI18n } from '../i18n'
import { loadConfig } from '../config'

loadConfig().then(() => {
  createApp(App).use(makeI18n()).use(router).use(ElementPlus).mount('#app')
})
