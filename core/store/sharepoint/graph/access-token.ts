import { ConfidentialClientApplication } from '@azure/msal-node';
import { ManagedIdentityCredential } from '@azure/identity';

export const GRAPH_SCOPE = 'https://graph.microsoft.com/.default';

/** App-only access tokens for Microsoft Graph. */
export interface AccessTokenSource {
  getToken(): Promise<string>;
}

export type GraphAuthSettings =
  | { kind: 'client-secret'; tenantId: string; clientId: string; clientSecret: string }
  | { kind: 'certificate'; tenantId: string; clientId: string; thumbprintSha256: string; privateKeyPem: string }
  | { kind: 'managed-identity'; clientId?: string };

/**
 * Client credentials through MSAL (secret or certificate), or the App Service managed identity
 * through @azure/identity. Both cache tokens and refresh them before expiry.
 */
export function createAccessTokenSource(settings: GraphAuthSettings): AccessTokenSource {
  if (settings.kind === 'managed-identity') {
    const credential = settings.clientId ? new ManagedIdentityCredential({ clientId: settings.clientId }) : new ManagedIdentityCredential();
    return {
      async getToken() {
        const token = await credential.getToken(GRAPH_SCOPE);
        if (!token) throw new Error('The managed identity returned no token for Microsoft Graph');
        return token.token;
      },
    };
  }
  const app = new ConfidentialClientApplication({
    auth: {
      clientId: settings.clientId,
      authority: `https://login.microsoftonline.com/${settings.tenantId}`,
      ...(settings.kind === 'client-secret'
        ? { clientSecret: settings.clientSecret }
        : { clientCertificate: { thumbprintSha256: settings.thumbprintSha256, privateKey: settings.privateKeyPem } }),
    },
  });
  return {
    async getToken() {
      const result = await app.acquireTokenByClientCredential({ scopes: [GRAPH_SCOPE] });
      if (!result?.accessToken) throw new Error('Entra ID returned no access token for Microsoft Graph');
      return result.accessToken;
    },
  };
}
