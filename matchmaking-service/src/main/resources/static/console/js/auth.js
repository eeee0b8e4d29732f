// Sign-in with OpenID Connect: authorization code with PKCE against the lab's provider (public client, no secret).
// The access token stays in this tab's sessionStorage; the APIs check it on every call.
const SESSION = 'lab.console.session';
const PENDING = 'lab.console.pending';

function base64url(bytes) {
  return btoa(String.fromCharCode(...new Uint8Array(bytes))).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function randomString() {
  return base64url(crypto.getRandomValues(new Uint8Array(32)));
}

export function redirectUri() {
  return `${location.origin}/console/`;
}

async function discovery(settings) {
  let response;
  try {
    response = await fetch(`${settings.issuer}/.well-known/openid-configuration`);
  } catch (e) {
    throw new Error('Le service de connexion est injoignable : vérifiez votre connexion puis réessayez.');
  }
  if (!response.ok) throw new Error(`Le service de connexion ne répond pas (${response.status}).`);
  return response.json();
}

/** Leaves for the provider's sign-in form; comes back to the console with a code. */
export async function signIn(settings) {
  const provider = await discovery(settings);
  const verifier = randomString();
  const state = randomString();
  const challenge = base64url(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier)));
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, tokenEndpoint: provider.token_endpoint, returnTo: location.hash }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: settings.clientId, redirect_uri: redirectUri(), scope: 'openid',
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  location.assign(`${provider.authorization_endpoint}?${query}`);
}

/** Back from the provider: exchanges the code for a token. Returns the hash to open, or null when not a return. */
export async function completeSignIn(settings) {
  const params = new URLSearchParams(location.search);
  if (!params.has('code') && !params.has('error')) return null;
  const pending = JSON.parse(sessionStorage.getItem(PENDING) || 'null');
  sessionStorage.removeItem(PENDING);
  history.replaceState(null, '', redirectUri());
  if (params.has('error')) throw new Error(`La connexion a été refusée (${params.get('error')}).`);
  if (!pending || pending.state !== params.get('state')) throw new Error('Réponse de connexion inattendue : recommencez.');
  const response = await fetch(pending.tokenEndpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'authorization_code', code: params.get('code'), redirect_uri: redirectUri(),
      client_id: settings.clientId, code_verifier: pending.verifier,
    }),
  }).catch(() => {
    // The browser's own words (« Failed to fetch ») are not the user's language.
    throw new Error('Le service de connexion ne répond pas : vérifiez votre connexion puis recommencez.');
  });
  if (!response.ok) throw new Error(`Le jeton n’a pas été délivré (${response.status}).`);
  const token = await response.json();
  sessionStorage.setItem(SESSION, JSON.stringify({
    accessToken: token.access_token, signedInAt: Date.now(), expiresAt: Date.now() + (token.expires_in || 3600) * 1000,
  }));
  return pending.returnTo || '#/';
}

/** When the stored token stops being used (ten seconds before it expires, as {@link currentSession} does), or null. */
export function sessionEndsAt() {
  const stored = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
  return stored ? stored.expiresAt - 10_000 : null;
}

/** When the stored token was received, or null (one stored before the console kept that). */
export function sessionStartedAt() {
  const stored = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
  return stored?.signedInAt ?? null;
}

/** The signed-in session: the token and what it says (role, territories, subject), or null. */
export function currentSession() {
  const stored = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
  if (!stored || stored.expiresAt < Date.now() + 10_000) return null;
  const payload = JSON.parse(new TextDecoder().decode(
    Uint8Array.from(atob(stored.accessToken.split('.')[1].replace(/-/g, '+').replace(/_/g, '/')), c => c.charCodeAt(0))));
  return {
    token: stored.accessToken,
    subject: payload.sub,
    // The person's name, for the account line: the console shows it to the person itself and sends it nowhere.
    name: payload.name,
    role: payload.lab_role,
    territories: payload.lab_territories || [],
    actors: payload.lab_actors || [],
  };
}

export function signOut() {
  sessionStorage.removeItem(SESSION);
}
