/** Runtime configuration written at deploy time (public/config.json), so one build serves every environment. */
export interface AuthConfig {
  mode: 'local' | 'oidc'
  issuer: string
  clientId: string
  redirectUri: string
  scope: string
}

export interface AppConfig {
  apiBase: string
  auth: AuthConfig
  demoAccounts?: string[]
}

let loaded: AppConfig | undefined

export async function loadConfig(base = ''): Promise<AppConfig> {
  if (!loaded) {
    const response = await fetch(`${base}/config.json`, { cache: 'no-store' })
    loaded = (await response.json()) as AppConfig
  }
  return loaded
}

export function config(): AppConfig {
  if (!loaded) throw new Error('config.json not loaded yet')
  return loaded
}
