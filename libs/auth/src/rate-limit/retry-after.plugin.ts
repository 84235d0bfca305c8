import type { ApolloServerPlugin } from '@apollo/server';

/**
 * A RATE_LIMITED error inside a GraphQL answer (a login lock, a caller's budget) also sets the HTTP
 * Retry-After header, so proxies and generic clients back off without parsing the body.
 */
export function retryAfterPlugin(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const seconds = (response.body.singleResult.errors ?? [])
            .map((error) => (error.extensions?.code === 'RATE_LIMITED' ? Number(error.extensions.retryAfterSeconds) : NaN))
            .filter((value) => Number.isFinite(value) && value > 0);
          if (seconds.length > 0) response.http.headers.set('retry-after', String(Math.max(...seconds)));
        },
      };
    },
  };
}
