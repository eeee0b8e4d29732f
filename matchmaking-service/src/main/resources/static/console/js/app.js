// The console: reads its settings, completes or starts the sign-in, then shows the page of the address (#/…).
import { completeSignIn, currentSession, onSignedOutElsewhere, sessionEndsAt, sessionStartedAt, signIn, signOut } from './auth.js';
import { configure, profile, Problem, SESSION_ENDED } from './api.js';
import { close as closeLive, onMissedTooMany, onSessionEnded, whenReady as whenLiveReady } from './live.js';
import { announce, busyWhile, h, problemBox, ROLE_LABELS } from './ui.js';

const PAGES = [
  { pattern: /^#\/organisation\/([\w-]+)$/, module: './pages/organisation.js', nav: 'organisation' },
  { pattern: /^#\/partenaires\/([\w-]+)$/, module: './pages/partners.js', nav: 'partenaires' },
  { pattern: /^#\/mises-en-relation\/([\w-]+)$/, module: './pages/introductions.js', nav: 'mises-en-relation' },
  { pattern: /^#\/rejoindre(?:\/([\w.-]+))?$/, module: './pages/join.js', nav: 'rejoindre' },
  { pattern: /^#\/tableau-de-bord$/, module: './pages/dashboard.js', nav: 'tableau-de-bord' },
  { pattern: /^#\/territoire$/, module: './pages/territory.js', nav: 'territoire' },
  { pattern: /^#\/suivi$/, module: './pages/follow-up.js', nav: 'suivi' },
  { pattern: /^#\/mes-rencontres$/, module: './pages/my-sessions.js', nav: 'mes-rencontres' },
  { pattern: /^#\/sessions$/, module: './pages/sessions.js', nav: 'sessions' },
  { pattern: /^#\/sessions\/([\w-]+)$/, module: './pages/session-board.js', nav: 'sessions' },
  { pattern: /^#\/sessions\/([\w-]+)\/direct$/, module: './pages/session-live.js', nav: 'sessions' },
];

const main = document.getElementById('contenu');
const context = { session: null, myActors: [], settings: null };
let cleanup = null;
/** Counts the navigations: a page that finishes loading after the user moved on is dropped, not shown. */
let navigation = 0;

/** The console's settings (the provider, the profile service), read once; a French message when they cannot be. */
async function loadSettings() {
  if (context.settings) return context.settings;
  let response;
  try {
    response = await fetch('/console/settings.json');
  } catch (e) {
    throw new Error('La console ne trouve pas ses réglages : vérifiez votre connexion puis réessayez.');
  }
  if (!response.ok) throw new Error(`La console ne trouve pas ses réglages (erreur ${response.status}) : réessayez dans un instant.`);
  context.settings = await response.json();
  configure(context.settings);
  return context.settings;
}

/**
 * « Se connecter » (or « Se reconnecter »): leaves for the provider; when the provider or the console's settings cannot
 * be reached, says so in `problemAt` (an alert) instead of seeming to do nothing, and can be tried again.
 */
function signInButton(label, problemAt, attributes = {}) {
  const button = h('button', { type: 'button', ...attributes, onclick: () => busyWhile(button, async () => {
    problemAt.replaceChildren();
    try {
      await signIn(await loadSettings());
    } catch (e) {
      problemAt.replaceChildren(problemBox(new Problem(0, { title: 'Connexion impossible', detail: e.message })));
    }
  }) }, label);
  return button;
}

async function start() {
  try {
    await loadSettings();
    const returnTo = await completeSignIn(context.settings);
    if (returnTo) location.hash = returnTo;
  } catch (e) {
    const problemAt = h('div', {}, problemBox(new Problem(0, { title: 'Connexion', detail: e.message })));
    main.replaceChildren(h('h1', {}, 'Connexion impossible'), problemAt,
      h('p', {}, signInButton('Se connecter', problemAt)));
    return;
  }
  context.session = currentSession();
  if (!context.session) {
    showSignIn();
    return;
  }
  watchSessionEnd();
  // Signed out in another tab: this one shows the sign-in too, rather than go on acting for the person who left.
  onSignedOutElsewhere(backToSignIn);
  onMissedTooMany(showMissedChanges);
  // The live stream opens before the first page reads anything: an event committed between the page's reads and the
  // stream's opening would otherwise never reach it. A stream that is not open within two seconds (the live endpoint
  // unreachable) does not hold the console back; it keeps trying on its own.
  let unread = null;
  const [myActors] = await Promise.all([
    context.session.role === 'VIEWER' ? [] : profile('/api/me/actors').catch(e => { unread = e; return []; }),
    Promise.race([whenLiveReady(), new Promise(resolve => setTimeout(resolve, 2000))]),
  ]);
  context.myActors = myActors;
  showAccount();
  if (unread) {
    // Not « member of no organisation » (and the page to join one) when the organisations could not be read.
    main.replaceChildren(h('h1', { tabindex: '-1' }, 'Console du labo des partenariats'), problemBox(unread),
      h('p', {}, 'Vos organisations n’ont pas pu être lues. Rechargez la page dans un instant.'),
      h('p', {}, h('button', { type: 'button', onclick: () => location.reload() }, 'Recharger la page')));
    main.querySelector('h1').focus();
    return;
  }
  window.addEventListener('hashchange', route);
  await route();
}

function showSignIn() {
  document.getElementById('navigation').hidden = true;
  const problemAt = h('div', {});
  main.replaceChildren(
    h('h1', {}, 'Console du labo des partenariats'),
    h('p', {}, 'Associations, collectivités, entreprises et fondations du territoire y publient leurs besoins et leurs offres, ' +
      'répondent aux mises en relation et suivent les rencontres. Connectez-vous avec le compte que le labo vous a remis.'),
    h('p', {}, signInButton('Se connecter', problemAt, { id: 'se-connecter' })), problemAt);
  markReady('connexion');
}

/** How long before the token's end the console offers to prolong the session (a quarter of a shorter token's life). */
const WARNING_BEFORE_END_MS = 5 * 60_000;

/**
 * The token lasts about an hour; a speed-meeting session, an afternoon. A few minutes before the token ends, a banner
 * offers to prolong the session then — between two rounds rather than in the middle of one. Once the token is no
 * longer used (or the live stream gives up for want of a sign-in), the page would go on showing what it read without a
 * word: a banner says so above the page, which stays as it was, with « Se reconnecter ». Both are announced, and both
 * go through the provider's sign-in, which answers at once while its own session lasts (no password asked), and come
 * back to the same address.
 */
function watchSessionEnd() {
  const endsAt = sessionEndsAt();
  // setTimeout takes up to about 24 days: an hour's token is far within.
  if (endsAt !== null) {
    const lifetime = endsAt - (sessionStartedAt() ?? Number.NEGATIVE_INFINITY);
    const warnAt = endsAt - Math.min(WARNING_BEFORE_END_MS, lifetime / 4);
    setTimeout(showSessionEnding, Math.max(0, warnAt - Date.now()));
    setTimeout(showSessionExpired, Math.max(0, endsAt - Date.now()));
  }
  onSessionEnded(showSessionExpired);
  // A request refused for its token (a session ended sooner than its token said, a clock off): the same banner.
  window.addEventListener(SESSION_ENDED, showSessionExpired);
}

function showSessionEnding() {
  const endsAt = sessionEndsAt();
  if (endsAt === null || endsAt <= Date.now() || document.getElementById('session-expiree')
    || document.getElementById('session-bientot-expiree')) return;
  // The reader's own clock, which the end was computed on.
  const at = new Date(endsAt).toLocaleTimeString('fr-FR', { hour: '2-digit', minute: '2-digit' });
  const problemAt = h('div', {});
  const banner = h('div', { id: 'session-bientot-expiree', class: 'session-bientot-expiree', role: 'region',
    'aria-labelledby': 'titre-session-bientot-expiree' },
    h('p', { id: 'titre-session-bientot-expiree' }, h('strong', {}, `Votre session expire à ${at}`),
      ' : prolongez-la maintenant pour ne pas être interrompu·e. Enregistrez d’abord ce que vous êtes en train de saisir ;'
      + ' vous reviendrez ensuite sur cette page.'),
    signInButton('Prolonger la session', problemAt, { id: 'prolonger-session' }), problemAt);
  document.querySelector('header.bandeau').after(banner);
  announce(`Votre session expire à ${at} : prolongez-la avec le bouton « Prolonger la session » en haut de la page.`);
}

/** Signed out (here or in another tab): the stream closed, the console shows its sign-in from its home address. */
function backToSignIn() {
  closeLive();
  location.hash = '';
  location.reload();
}

/**
 * Back online after more happened in the lab than the live stream can tell again (a phone asleep through a busy
 * session): the page may show a state of before. A banner says so and reads the page again on a click — not on its own,
 * which would take away what the reader may be typing.
 */
function showMissedChanges() {
  if (document.getElementById('changements-manques')) return;
  const banner = h('div', { id: 'changements-manques', class: 'session-expiree', role: 'region', 'aria-labelledby': 'titre-changements-manques' },
    h('p', { id: 'titre-changements-manques' }, h('strong', {}, 'Connexion retrouvée'),
      ' : des changements faits entre-temps ne sont peut-être pas affichés.'),
    h('button', { type: 'button', id: 'relire-la-page', onclick: () => { banner.remove(); route(); } }, 'Mettre la page à jour'));
  document.querySelector('header.bandeau').after(banner);
  announce('Connexion retrouvée : des changements faits entre-temps ne sont peut-être pas affichés. Mettez la page à jour avec le bouton en haut de la page.');
}

function showSessionExpired() {
  if (document.getElementById('session-expiree')) return;
  closeLive();
  document.getElementById('session-bientot-expiree')?.remove();
  const problemAt = h('div', {});
  const banner = h('div', { id: 'session-expiree', class: 'session-expiree', role: 'region', 'aria-labelledby': 'titre-session-expiree' },
    h('p', { id: 'titre-session-expiree' }, h('strong', {}, 'Votre session a expiré'),
      ' : ce que la page montre n’est plus mis à jour et vos actions seront refusées.'),
    signInButton('Se reconnecter', problemAt, { id: 'se-reconnecter' }), problemAt);
  document.querySelector('header.bandeau').after(banner);
  announce('Votre session a expiré : reconnectez-vous avec le bouton « Se reconnecter » en haut de la page.');
}

function showAccount() {
  const { role, name } = context.session;
  const account = document.getElementById('compte');
  // Whose session is open, by name when the token gives one: at a speed-meeting session one computer passes from
  // hand to hand.
  account.replaceChildren(
    h('span', { 'data-connecte': '' }, `Connecté${name ? ` : ${name}` : ''} (${ROLE_LABELS[role] || role})`),
    h('button', { type: 'button', id: 'se-deconnecter', onclick: () => {
      const providerSignOut = signOut(context.settings);
      if (providerSignOut) {
        closeLive();
        location.assign(providerSignOut);
      } else {
        backToSignIn();
      }
    } }, 'Se déconnecter'));
  const links = [];
  const actor = context.myActors[0];
  if (actor) {
    links.push(['organisation', `#/organisation/${actor.id}`, 'Mon organisation'],
      ['partenaires', `#/partenaires/${actor.id}`, 'Partenaires proposés'],
      ['mises-en-relation', `#/mises-en-relation/${actor.id}`, 'Mises en relation']);
  }
  // A member's sessions, for every organisation it belongs to; the facilitators and admins run theirs under « Sessions ».
  // Offered to every member of an organisation, whether or not it takes part in a session: the page says so.
  if (actor && role === 'ACTOR_MEMBER') links.push(['mes-rencontres', '#/mes-rencontres', 'Mes rencontres express']);
  if (role === 'FACILITATOR' || role === 'ADMIN') {
    links.push(['territoire', '#/territoire', role === 'ADMIN' ? 'Acteurs' : 'Mon territoire'],
      ['suivi', '#/suivi', 'Suivi des mises en relation'], ['sessions', '#/sessions', 'Sessions']);
  }
  links.push(['tableau-de-bord', '#/tableau-de-bord', 'Tableau de bord']);
  if (role !== 'VIEWER') links.push(['rejoindre', '#/rejoindre', 'Rejoindre une organisation']);
  const nav = document.getElementById('navigation');
  nav.replaceChildren(h('ul', {}, links.map(([key, href, label]) => h('li', {}, h('a', { href, 'data-nav': key }, label)))));
  // A member of several organisations chooses the one its organisation's pages are about; the links follow the page.
  if (context.myActors.length > 1) {
    const chooser = h('select', { id: 'choix-organisation', 'aria-label': 'Organisation pour laquelle vous agissez' },
      context.myActors.map(a => h('option', { value: a.id }, a.name || a.id)));
    chooser.addEventListener('change', () => {
      const kind = ACTOR_PAGES.find(page => location.hash.startsWith(`#/${page}/`)) || 'organisation';
      location.hash = `#/${kind}/${chooser.value}`;
    });
    nav.prepend(h('p', { class: 'choix-organisation' }, h('label', { for: 'choix-organisation' }, 'Organisation : '), chooser));
  }
  nav.hidden = false;
}

/** The pages about one of the member's organisations, by the navigation key and path they share. */
const ACTOR_PAGES = ['organisation', 'partenaires', 'mises-en-relation'];

/** The navigation's organisation links, and its chooser, lead to this organisation of the member's. */
function followActor(actorId) {
  if (!context.myActors.some(a => a.id === actorId)) return;
  for (const page of ACTOR_PAGES) {
    const link = document.querySelector(`#navigation [data-nav="${page}"]`);
    if (link) link.setAttribute('href', `#/${page}/${actorId}`);
  }
  const chooser = document.getElementById('choix-organisation');
  if (chooser) chooser.value = actorId;
}

function home() {
  const { role } = context.session;
  if (context.myActors.length && role === 'ACTOR_MEMBER') return `#/organisation/${context.myActors[0].id}`;
  if (role === 'ACTOR_MEMBER') return '#/rejoindre'; // a member of no organisation yet: its colleagues invite it
  if (role === 'FACILITATOR') return '#/territoire';
  return '#/tableau-de-bord';
}

async function route() {
  if (typeof cleanup === 'function') cleanup();
  cleanup = null;
  const current = ++navigation;
  const hash = location.hash || '#/';
  if (hash === '#/' || hash === '#') {
    location.replace(home());
    return;
  }
  const page = PAGES.find(p => p.pattern.test(hash));
  document.querySelectorAll('[data-nav]').forEach(link => {
    if (page && link.dataset.nav === page.nav) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  });
  delete document.body.dataset.pret;
  document.getElementById('changements-manques')?.remove(); // the page is read anew
  main.setAttribute('aria-busy', 'true');
  if (!page) {
    main.replaceChildren(h('h1', {}, 'Page introuvable'), h('p', {}, h('a', { href: '#/' }, 'Revenir à l’accueil')));
    // The title first: markReady announces it (the previous page's, else).
    document.title = 'Page introuvable — Labo des partenariats';
    markReady('introuvable');
    return;
  }
  const params = hash.match(page.pattern).slice(1);
  if (ACTOR_PAGES.includes(page.nav)) followActor(decodeURIComponent(params[0] || ''));
  // Each page draws into a view of its own: one still loading when the user moves on goes on drawing into a view no
  // longer shown, instead of into the next page, and what it returns to stop its live updates is called at once.
  const view = h('div', { class: 'vue' });
  main.replaceChildren(view);
  try {
    const module = await import(page.module);
    const stop = await module.render(view, context, ...params);
    if (current !== navigation) {
      if (typeof stop === 'function') stop();
      return;
    }
    cleanup = stop;
  } catch (e) {
    if (current !== navigation) return;
    view.replaceChildren(h('h1', {}, 'Cette page ne peut pas s’afficher'),
      problemBox(e instanceof Problem ? e : new Problem(0, { title: 'Erreur', detail: e.message })));
  }
  const title = main.querySelector('h1');
  document.title = `${title ? title.textContent : 'Console'} — Labo des partenariats`;
  main.focus();
  markReady(page.nav);
}

function markReady(name) {
  main.setAttribute('aria-busy', 'false');
  document.body.dataset.pret = name;
  document.body.dataset.pretMs = String(Math.round(performance.now())); // since the navigation started

  announce(`${document.title}`);
}

start();
