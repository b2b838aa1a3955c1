import type { RequestContext, RequestMiddleware } from '../pipeline/request-pipeline.ts';
import type { OAuth2Session } from './oauth2-session.ts';

/**
 * Keeps the OAuth2 bearer token of a request current: before each attempt it swaps in the
 * session's token (refreshed ahead of expiry), and after a 401 it refreshes once (shared with
 * every concurrent request) and resends once. A second 401 is the answer: no loop.
 */
export function createOAuth2Middleware(options: { session: OAuth2Session }): RequestMiddleware {
  const { session } = options;
  return async (context, next) => {
    if (!context.request.auth.schemeIds?.includes(session.schemeId)) return next(context);
    const token = await session.accessToken({ signal: context.signal });
    const first = withToken({ context, token });
    const result = await next(first);
    if (result.status !== 401 || result.credentialsDropped) return result;
    const fresh = await session.afterUnauthorized({ rejected: token, signal: context.signal });
    if (fresh === undefined || fresh === token) return result;
    return next(withToken({ context: first, token: fresh }));
  };
}

function withToken(options: { context: RequestContext; token: string }): RequestContext {
  const { context, token } = options;
  const auth = { ...context.request.auth, headers: { ...context.request.auth.headers, authorization: `Bearer ${token}` } };
  return { ...context, request: { ...context.request, auth } };
}
