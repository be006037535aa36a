// A real OpenID Connect provider (oidc-provider, a certified implementation) for the single sign-on tests.
// It listens on 127.0.0.1 only, on OIDC_PORT (0 or unset: any free port), and prints "issuer=http://127.0.0.1:PORT"
// once it answers. One confidential client (OIDC_CLIENT_ID / OIDC_CLIENT_SECRET) of application type "native", so
// its loopback redirect URIs match on any port (RFC 8252, section 7.3): the app under test listens on a new port
// in every test.
//
// Accounts: whatever is typed as the login on the provider's own development login page is the account id, and its
// e-mail address. A login written "unverified:someone@example.com" gets email_verified = false. Any password works.
import { createServer } from 'node:http';
import { randomBytes } from 'node:crypto';
import Provider from 'oidc-provider';

const clientId = process.env.OIDC_CLIENT_ID || 'plumbline-tests';
const clientSecret = process.env.OIDC_CLIENT_SECRET || 'plumbline-tests-secret';
const port = Number(process.env.OIDC_PORT || 0);

const unverifiedPrefix = 'unverified:';

function account(login) {
  const verified = !login.startsWith(unverifiedPrefix);
  const email = verified ? login : login.slice(unverifiedPrefix.length);
  const local = email.split('@')[0] || email;
  const name = local.split(/[._-]/).filter(Boolean).map((p) => p[0].toUpperCase() + p.slice(1)).join(' ');
  return {
    accountId: login,
    async claims() {
      return { sub: login, email, email_verified: verified, name };
    },
  };
}

const server = createServer();
server.listen(port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      application_type: 'native',
      redirect_uris: ['http://127.0.0.1/signin-oidc', 'http://localhost/signin-oidc'],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    findAccount: (ctx, id) => account(id),
    // The tests sign in, they do not test consent screens: the client is ours, so every grant is given at once.
    async loadExistingGrant(ctx) {
      const grant = new ctx.oidc.provider.Grant({ clientId: ctx.oidc.client.clientId, accountId: ctx.oidc.session.accountId });
      grant.addOIDCScope('openid email profile');
      await grant.save();
      return grant;
    },
  });
  server.on('request', provider.callback());
  console.log(`issuer=${issuer}`);
});
