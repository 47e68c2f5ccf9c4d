import { UserManager, WebStorageStateStore } from 'oidc-client-ts'
import type { AuthConfig } from '../config'

/** Cloud mode: authorization code + PKCE against Cognito's Hosted UI or the configured OIDC issuer. */
export function userManager(auth: AuthConfig): UserManager {
  return new UserManager({
    authority: auth.issuer,
    client_id: auth.clientId,
    redirect_uri: auth.redirectUri || `${window.location.origin}/callback`,
    response_type: 'code',
    scope: auth.scope,
    userStore: new WebStorageStateStore({ store: window.localStorage }),
  })
}
