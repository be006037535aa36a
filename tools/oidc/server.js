// A real OpenID Connect provider (oidc-provider, a certified implementation) for the single sign-on tests.
// It listens on 127.0.0.1 only, on OIDC_PORT (0 or unset: any free port), and prints "issuer=http://127.0.0.1:PORT"
// once it answers. One confidential client (OIDC_CLIENT_ID / OIDC_CLIENT_SECRET) of application type "native", so
// its loopback redirect URIs match on any port (RFC 8252, section 7.3): the app under test listens on a new port
// in every test.
//
// The login page is ours (the package's development pages load web fonts from the internet): whatever is typed as
// the login is the account id and its e-mail address, any password works, and consent is given with the login.
// A login written "unverified:someone@example.com" gets email_verified = false. "Cancel" answers access_denied.
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

const escape = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

function loginPage(uid, clientName) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test identity provider</title></head><body>
<h1>Test identity provider</h1><p>Sign in to continue to ${escape(clientName)}.</p>
<form method="post" action="/interaction/${escape(uid)}">
<label>E-mail address <input name="login" id="login" required autofocus></label>
<label>Password <input name="password" id="password" type="password"></label>
<button type="submit" id="sign-in">Sign in</button></form>
<p><a id="cancel" href="/interaction/${escape(uid)}/abort">Cancel</a></p></body></html>`;
}

async function readForm(req) {
  let body = '';
  for await (const chunk of req) body += chunk;
  return new URLSearchParams(body);
}

const server = createServer();
server.listen(port, '127.0.0.1', () => {
  const issuer = `http://127.0.0.1:${server.address().port}`;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId,
      client_secret: clientSecret,
      client_name: 'Plumbline',
      application_type: 'native',
      redirect_uris: ['http://127.0.0.1/signin-oidc', 'http://localhost/signin-oidc'],
      response_types: ['code'],
      grant_types: ['authorization_code'],
      token_endpoint_auth_method: 'client_secret_post',
    }],
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name'] },
    cookies: { keys: [randomBytes(32).toString('hex')] },
    features: { devInteractions: { enabled: false } },
    // Every authorization request must use PKCE, so the tests prove Plumbline sends it.
    pkce: { required: () => true },
    interactions: { url: (ctx, interaction) => `/interaction/${interaction.uid}` },
    findAccount: (ctx, id) => account(id),
  });
  const handle = provider.callback();

  server.on('request', async (req, res) => {
    const match = new URL(req.url, issuer).pathname.match(/^\/interaction\/([\w-]+)(\/abort)?$/);
    if (!match) return handle(req, res);
    try {
      const { uid, params } = await provider.interactionDetails(req, res);
      if (match[2]) {
        return await provider.interactionFinished(req, res,
          { error: 'access_denied', error_description: 'The person cancelled the sign-in.' }, { mergeWithLastSubmission: false });
      }
      if (req.method === 'GET') {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
        return res.end(loginPage(uid, 'Plumbline'));
      }
      const login = (await readForm(req)).get('login')?.trim();
      if (!login) {
        res.writeHead(400, { 'content-type': 'text/plain' });
        return res.end('Enter a login.');
      }
      const grant = new provider.Grant({ accountId: login, clientId: params.client_id });
      grant.addOIDCScope(params.scope);
      const grantId = await grant.save();
      return await provider.interactionFinished(req, res,
        { login: { accountId: login }, consent: { grantId } }, { mergeWithLastSubmission: false });
    } catch (error) {
      res.writeHead(400, { 'content-type': 'text/plain' });
      return res.end(`The sign-in could not go on: ${error.message}`);
    }
  });
  console.log(`issuer=${issuer}`);
});
