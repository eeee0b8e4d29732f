// Sign-in with OpenID Connect: authorization code with PKCE against the lab's provider (public client, no secret).
// The access token stays in this tab's sessionStorage; the APIs check it on every call.
const SESSION = 'lab.console.session';
const PENDING = 'lab.console.pending';
/** Set in localStorage (shared by the browser's tabs) when the person signs out, removed at the next sign-in. */
const SIGNED_OUT = 'lab.console.signed-out';

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
  sessionStorage.setItem(PENDING, JSON.stringify({ verifier, state, tokenEndpoint: provider.token_endpoint,
    endSessionEndpoint: provider.end_session_endpoint || null, returnTo: location.hash }));
  const query = new URLSearchParams({
    response_type: 'code', client_id: settings.clientId, redirect_uri: redirectUri(), scope: 'openid',
    state, code_challenge: challenge, code_challenge_method: 'S256',
  });
  // Signed out on this browser since the last sign-in: the provider is asked to show its form rather than answer at
  // once for the person who signed out (what protects the next person with a provider whose session could not be
  // ended, or whose sign-out failed).
  if (localStorage.getItem(SIGNED_OUT)) query.set('prompt', 'login');
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
    idToken: token.id_token || null, endSessionEndpoint: pending.endSessionEndpoint || null,
  }));
  localStorage.removeItem(SIGNED_OUT);
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

/**
 * « Se déconnecter »: forgets the token, tells the console's other tabs to forget theirs ({@link onSignedOutElsewhere}),
 * and returns the address that ends the provider's own session too (OpenID Connect RP-initiated logout), coming back
 * to the console — or null when the provider offers none, then the next sign-in asks for the password (prompt=login).
 * Without it, at a speed-meeting session where one computer passes from hand to hand, « Se connecter » answered at once
 * for the person who had just signed out: the provider's session outlived the console's.
 */
export function signOut(settings) {
  const stored = JSON.parse(sessionStorage.getItem(SESSION) || 'null');
  sessionStorage.removeItem(SESSION);
  localStorage.setItem(SIGNED_OUT, String(Date.now()));
  if (!stored?.endSessionEndpoint || !stored.idToken) return null;
  const query = new URLSearchParams({
    id_token_hint: stored.idToken, post_logout_redirect_uri: redirectUri(), client_id: settings.clientId,
  });
  return `${stored.endSessionEndpoint}?${query}`;
}

/** Calls {@code then} when the person signs out in another tab of this browser: this tab forgets its token too. */
export function onSignedOutElsewhere(then) {
  window.addEventListener('storage', event => {
    if (event.key !== SIGNED_OUT || !event.newValue || !sessionStorage.getItem(SESSION)) return;
    sessionStorage.removeItem(SESSION);
    then();
  });
}
