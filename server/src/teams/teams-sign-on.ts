import { CrmError, type IdentityService, type User } from '@rapport/core';
import type { BearerAuthenticator } from '../http/auth.middleware.js';
import { EntraTokenVerifier, looksLikeJwt, type EntraSettings } from './entra-token-verifier.js';

/** Why a verified Microsoft user is not let in: the tab shows its own page for each. */
export type TeamsSignOnRefusal = 'not_a_user' | 'inactive' | 'linked_elsewhere';

const refuse = (reason: TeamsSignOnRefusal, message: string, email: string | null): CrmError =>
  new CrmError('forbidden', message, { details: { reason, ...(email ? { email } : {}) } });

/**
 * Teams single sign-on on the REST API: the tab sends the token Teams gave it as its bearer.
 * The hub verifies it (see EntraTokenVerifier) and finds the Rapport user by the Entra object
 * id recorded earlier, else by the token's email, recording the object id on that first match
 * (core's IdentityService decides). Nothing is stored per session: every hub behind a load
 * balancer accepts the same token until it expires, and Teams renews it for the tab.
 */
export function teamsSignOn(settings: EntraSettings, identities: IdentityService, now?: () => Date): BearerAuthenticator {
  const verifier = new EntraTokenVerifier(settings, now);
  return {
    accepts: looksLikeJwt,
    async authenticate(token: string): Promise<{ user: User; surface: 'teams' }> {
      const who = await verifier.verify(token);
      const found = await identities.linkByEmail('entra', who.objectId, who.email);
      if (found.status === 'linked') return { user: found.user, surface: 'teams' };
      if (found.status === 'inactive') throw refuse('inactive', `Your Rapport account (${found.user.email}) is switched off. Ask a Rapport admin to turn it back on.`, found.user.email);
      if (found.status === 'taken') {
        throw refuse('linked_elsewhere', `The Rapport user ${found.user.email} is already linked to another Microsoft account. Ask a Rapport admin to clear that link (rapport user link-code lets you link this one).`, found.user.email);
      }
      throw refuse(
        'not_a_user',
        who.email
          ? `${who.email} is not a Rapport user yet. Ask a Rapport admin to add you: pnpm rapport user add --email ${who.email} --name "<your name>" --team "<team>".`
          : 'Your Microsoft account has no email address Rapport knows. Ask a Rapport admin to add you.',
        who.email,
      );
    },
  };
}
