import { defineConfig } from 'vite'
import vue from '@vitejs/plugin-vue'
import { resolve } from 'node:path'

// Two entry pages: the staff console (/) and the resident pages (/m/), both served from one static bucket.
export default defineConfig({
  plugins: [vue()],
  build: {
    rollupOptions: {
      input: { console: resolve(__dirname, 'index.html'), mobile: resolve(__dirname, 'm/index.html') },
    },
    chunkSizeWarningLimit: 2000,
  },
  test: { environment: 'node', include: ['src/**/*.test.ts'] },
})
