// The session board: participants and wishes (each withdrawn, or taken back, with its « Retirer » until the plan is
// published), generate, the rounds × tables grid (each meeting with its reason, weight and sentence), hand changes saved
// at once (move, swap, lock), publish, the CSV and the printable schedule. Until it is published, what changed since the
// plan was generated (participants registered or withdrawn, wishes) is told next to the buttons: the plan does not
// account for it until generated again, and publishing it as it is would leave a newcomer without a meeting.
// A meeting is moved or swapped by drag and drop, or with the keyboard: Entrée on a meeting picks it up, Entrée on a
// free place moves it there, on another meeting swaps the two; Échap puts it back. Each cell has its lock button.
import { actorsOf, download, Problem } from '../api.js';
import { onEvent } from '../live.js';
import { PRESENCE, REASONS, adjust, fill, overview, post, schedule, stage, weight, withdraw, withdrawWish } from '../sessions-api.js';
import { announce, busyWhile, coalescing, field, focusIfLost, focusItemAgain, h, keepingChoices, problemBox, sessionStart } from '../ui.js';

/** A wish's key on the page: who wishes, then whom. */
const wishKey = w => `${w.actorId}-${w.wishedActorId}`;

/** The plural mark of French words counted `count` times (0 and 1 take none). */
const plural = count => (count > 1 ? 's' : '');

/**
 * What changed since the plan was generated, said in one sentence; null when nothing did (or with no plan to change,
 * or once published: the overview then has no `sinceSchedule`).
 */
function changesSincePlan(since) {
  if (!since) return null;
  const counted = people => `${people.length} participant${plural(people.length)}`;
  const names = people => `(${people.map(p => p.name).join(', ')})`;
  const changes = [
    since.registered.length ? `${counted(since.registered)} inscrit${plural(since.registered.length)} ${names(since.registered)}, sans rencontre dans le plan` : null,
    since.withdrawn.length ? `${counted(since.withdrawn)} retiré${plural(since.withdrawn.length)} ${names(since.withdrawn)}` : null,
    since.wishesExpressed ? `${since.wishesExpressed} souhait${plural(since.wishesExpressed)} ajouté${plural(since.wishesExpressed)}` : null,
    since.wishesWithdrawn ? `${since.wishesWithdrawn} souhait${plural(since.wishesWithdrawn)} retiré${plural(since.wishesWithdrawn)}` : null,
  ].filter(Boolean);
  return changes.length ? `Depuis la génération du plan : ${changes.join(' ; ')}. Générez le plan à nouveau pour en tenir compte.` : null;
}

/** The lists' items whose controls may go with a redraw: the focus stays on the item (keepingChoices). */
const ITEMS = ['participant', 'souhait'];

export async function render(main, context, sessionId) {
  const first = await overview(sessionId);
  const status = h('div', { class: 'etat-action' });
  const heading = h('div', {});
  const actions = h('div', { class: 'actions' });
  const sincePlan = h('div', {});
  const participants = h('section', { 'aria-labelledby': 'titre-participants' });
  const grid = h('section', { 'aria-labelledby': 'titre-plan' });
  const state = { session: first, plan: null, picked: null };
  let candidates = null;

  const refused = e => {
    if (!(e instanceof Problem)) throw e;
    status.replaceChildren(problemBox(e));
    status.querySelector('[role=alert]')?.setAttribute('tabindex', '-1');
    status.querySelector('[role=alert]')?.focus();
  };
  // `control`: the button or form that sent the command, busy until the page shows its result (no command sent twice);
  // `focusAfter`: where the focus goes when the redraw took the control away (« Publier le plan » once published).
  const act = (action, message, control, focusAfter) => busyWhile(control, async () => {
    status.replaceChildren();
    try {
      await action();
      if (message) announce(message);
      await refresh();
      if (focusAfter) focusIfLost(focusAfter());
    } catch (e) {
      // Refused for a plan changed since it was drawn (generated again or adjusted on another device): the page
      // reads it again, for the facilitator to look at what would be published.
      if (e instanceof Problem && e.status === 409) await refresh().catch(() => keepingChoices(main, draw, ITEMS));
      refused(e);
    }
  });

  const refresh = coalescing(async () => {
    state.session = await overview(sessionId);
    state.plan = state.session.scheduled ? await schedule(sessionId) : null;
    if (state.picked && !state.plan?.meetings.some(m => m.round === state.picked.round && m.table === state.picked.table)) state.picked = null;
    // The actors its facilitator may register: those of its territories (every actor for an admin).
    // Not read (profile-service away for a moment): read again at the next refresh, not kept empty for good.
    if (!state.session.published && !candidates) candidates = await actorsOf(context.session.territories).catch(() => null);
    keepingChoices(main, draw, ITEMS);
  });

  function draw() {
    const s = state.session;
    fill(heading,
      h('p', { 'data-cle': 'etat-session' }, `${sessionStart(s)}${s.place ? ` — ${s.place}` : ''} — `
        + `${s.rounds} tours de ${s.minutesPerRound} minutes, ${s.tables} tables — ${stage(s)}`));
    fill(actions, 
      s.published || s.closed ? null : h('button', { type: 'button', 'data-cle': 'generer', onclick: event => act(() => post(sessionId, 'schedule/generate'), 'Plan généré.', event.currentTarget) },
        s.scheduled ? 'Générer à nouveau' : 'Générer le plan'),
      s.scheduled && !s.published && !s.closed ? h('button', { type: 'button', 'data-cle': 'publier', onclick: event => act(() => post(sessionId, 'schedule/publish', { basedOnVersion: state.plan?.version }), 'Plan publié.', event.currentTarget,
        () => heading.querySelector('p')) }, 'Publier le plan') : null,
      s.scheduled ? h('button', { type: 'button', class: 'secondaire', 'data-cle': 'csv',
        onclick: event => act(() => download(`/api/sessions/${sessionId}/schedule.csv`, `planning-${sessionId}.csv`), 'Plan téléchargé.', event.currentTarget) }, 'Télécharger le plan (CSV)') : null,
      s.scheduled ? h('button', { type: 'button', class: 'secondaire', 'data-cle': 'imprimable',
        onclick: event => act(() => download(`/api/sessions/${sessionId}/print`, `planning-${sessionId}.html`, 'text/html'), 'Version imprimable téléchargée.', event.currentTarget) },
      'Version imprimable (tables et participants)') : null,
      h('a', { class: 'bouton secondaire', href: `#/sessions/${sessionId}/direct` }, 'Mode direct'));
    drawSincePlan();
    drawParticipants();
    drawGrid();
  }

  /** Redrawn only when it says something else: a status read out again at every refresh would be noise. */
  function drawSincePlan() {
    const text = changesSincePlan(state.session.sinceSchedule);
    if ((sincePlan.firstChild?.textContent ?? null) === text) return;
    fill(sincePlan, text ? h('p', { class: 'probleme', role: 'status', 'data-depuis-plan': '' }, text) : null);
  }

  function drawParticipants() {
    const s = state.session;
    const names = Object.fromEntries(s.participants.map(p => [p.actorId, p.name]));
    const children = [h('h2', { id: 'titre-participants' }, `Participants (${s.participants.length})`),
      h('ul', { class: 'colonnes' }, s.participants.map(p => h('li', { 'data-participant': p.actorId },
        p.name, p.organisation ? ` (${p.organisation})` : '', p.presence !== 'REGISTERED' ? ` — ${PRESENCE[p.presence]}` : '',
        // Until the plan is published; after that, a participant who cannot come is marked absent in the live mode.
        s.published || s.closed ? null : [' ', h('button', { type: 'button', class: 'secondaire', 'data-cle': `retirer-${p.actorId}`,
          'aria-label': `Retirer ${p.name} de la session`,
          onclick: event => withdrawing(event.currentTarget, p) }, 'Retirer')]))),
      h('p', { id: 'titre-souhaits', 'data-souhaits': s.wishes.length }, s.wishes.length ? `${s.wishes.length} souhait${s.wishes.length > 1 ? 's' : ''} de rencontre :` : 'Aucun souhait de rencontre.'),
      s.wishes.length ? h('ul', { 'aria-labelledby': 'titre-souhaits' }, s.wishes.map(w => {
        const who = names[w.actorId] || w.actorId;
        const whom = names[w.wishedActorId] || w.wishedActorId;
        return h('li', { 'data-souhait': wishKey(w) }, `${who} → ${whom}${w.mutual ? ' (réciproque)' : ''}`,
          // A wish ticked by mistake, taken back while wishes may change (as participants are withdrawn).
          s.published || s.closed ? null : [' ', h('button', { type: 'button', class: 'secondaire', 'data-cle': `retirer-souhait-${wishKey(w)}`,
            'aria-label': `Retirer le souhait de ${who} de rencontrer ${whom}`,
            onclick: event => takingBack(event.currentTarget, w, who) }, 'Retirer')]);
      })) : null];
    if (!s.published && !s.closed) {
      const registered = new Set(s.participants.map(p => p.actorId));
      const register = h('form', { novalidate: true, class: 'filtres', 'aria-label': 'Inscrire un participant' },
        field('Acteur à inscrire', h('select', { name: 'actorId', 'data-cle': 'inscrire-acteur' },
          (candidates || []).filter(a => !registered.has(a.id)).map(a => h('option', { value: a.id }, a.name)))),
        h('button', { type: 'submit', 'data-cle': 'inscrire' }, 'Inscrire'));
      register.addEventListener('submit', event => {
        event.preventDefault();
        act(() => post(sessionId, 'participants', { actorId: register.elements.actorId.value }), 'Participant inscrit.', register);
      });
      const options = () => s.participants.map(p => h('option', { value: p.actorId }, p.name));
      const wish = h('form', { novalidate: true, class: 'filtres', 'aria-label': 'Ajouter un souhait de rencontre' },
        field('L’acteur', h('select', { name: 'actorId', 'data-cle': 'souhait-acteur' }, options())),
        field('souhaite rencontrer', h('select', { name: 'wishedActorId', 'data-cle': 'souhait-cible' }, options())),
        h('button', { type: 'submit', 'data-cle': 'souhait' }, 'Ajouter le souhait'));
      wish.addEventListener('submit', event => {
        event.preventDefault();
        act(() => post(sessionId, 'wishes', { actorId: wish.elements.actorId.value, wishedActorId: wish.elements.wishedActorId.value }), 'Souhait enregistré.', wish);
      });
      children.push(register, wish);
    }
    fill(participants, ...children);
  }

  /** Withdrawn, the participant's line is gone: the focus goes to the line now at its place, else the list's heading. */
  async function withdrawing(button, p) {
    const list = participants.querySelector('ul');
    const index = [...list.querySelectorAll('li[data-participant]')].indexOf(button.closest('li'));
    await act(() => withdraw(sessionId, p.actorId), `${p.name} retiré de la session.`, button);
    if (!state.session.participants.some(other => other.actorId === p.actorId)) {
      focusItemAgain(participants.querySelector('ul') || participants, 'participant', p.actorId, index, participants.querySelector('h2'));
    }
  }

  /** Taken back, the wish's line is gone: the focus goes to the line now at its place, else the wishes' count. */
  async function takingBack(button, w, who) {
    const list = participants.querySelector('ul[aria-labelledby=titre-souhaits]');
    const index = [...list.querySelectorAll('li[data-souhait]')].indexOf(button.closest('li'));
    await act(() => withdrawWish(sessionId, w.actorId, w.wishedActorId), `Souhait de ${who} retiré.`, button);
    if (!state.session.wishes.some(other => wishKey(other) === wishKey(w))) {
      focusItemAgain(participants.querySelector('ul[aria-labelledby=titre-souhaits]') || participants, 'souhait', wishKey(w), index,
        participants.querySelector('#titre-souhaits'));
    }
  }

  const slotOf = m => ({ round: m.round, table: m.table });
  const at = (round, table) => state.plan.meetings.find(m => m.round === round && m.table === table);
  const label = m => `${m.actor.name} et ${m.partner.name}`;

  let changing = false;
  /** A hand change, one at a time: a second one asked while the first runs (a double click) is not sent. */
  async function change(body, message, focusKey) {
    if (changing) return;
    changing = true;
    grid.setAttribute('aria-busy', 'true');
    try {
      await changeNow(body, message, focusKey);
    } finally {
      changing = false;
      grid.removeAttribute('aria-busy');
    }
  }

  async function changeNow(body, message, focusKey) {
    status.replaceChildren();
    state.picked = null;
    try {
      // On the schedule shown: one changed meanwhile (another device, a desk's re-plan) refuses it, and redraws.
      state.plan = await adjust(sessionId, { ...body, basedOnVersion: state.plan?.version });
      keepingChoices(main, draw, ITEMS);
      announce(message);
    } catch (e) {
      // Refused for a schedule changed since (409): the page reads it again, so that the next try is made on the
      // schedule as it is, not refused the same way until a live event or a reload comes.
      if (e instanceof Problem && e.status === 409) await refresh().catch(() => keepingChoices(main, draw, ITEMS));
      else keepingChoices(main, draw, ITEMS);
      refused(e);
      return;
    }
    grid.querySelector(`[data-cle="${focusKey}"]`)?.focus();
  }

  /** Puts the picked meeting at (round, table): a move to a free place, or a swap with the meeting there. */
  function place(from, round, table) {
    if (!from || (from.round === round && from.table === table)) {
      state.picked = null;
      drawGrid();
      grid.querySelector(`[data-cle="case-${round}-${table}"]`)?.focus();
      return;
    }
    const other = at(round, table);
    change({ action: other ? 'SWAP' : 'MOVE', meeting: from, target: { round, table } },
      other ? `Rencontres échangées : tour ${from.round} table ${from.table} et tour ${round} table ${table}.`
        : `Rencontre déplacée au tour ${round}, table ${table}.`, `case-${round}-${table}`);
  }

  function drawGrid() {
    if (!state.plan) {
      fill(grid, h('h2', { id: 'titre-plan' }, 'Plan de table'), h('p', {}, 'Aucun plan pour l’instant : inscrivez les participants puis générez-le.'));
      return;
    }
    const s = state.session;
    const o = state.plan.objective;
    const started = round => round <= s.roundsStarted;
    const lost = new Set(s.lostTables);
    const cell = (round, table) => {
      const m = at(round, table);
      const key = `case-${round}-${table}`;
      const td = h('td', { class: 'repas', 'data-case': `${round}-${table}` });
      if (!m && lost.has(table) && !started(round)) {
        td.append(h('span', { class: 'aide' }, 'table retirée'));
        return td;
      }
      if (!started(round) && !s.closed) {
        td.addEventListener('dragover', e => e.preventDefault());
        td.addEventListener('drop', e => {
          e.preventDefault();
          const [r, t] = (e.dataTransfer.getData('text/plain') || '').split('-').map(Number);
          if (r && t) place({ round: r, table: t }, round, table);
        });
      }
      if (!m) {
        if (started(round) || s.closed) td.append(h('span', { class: 'aide' }, 'libre'));
        else td.append(h('button', { type: 'button', class: 'secondaire libre', 'data-cle': key,
          onclick: () => state.picked ? place(state.picked, round, table) : announce('Choisissez d’abord une rencontre à déplacer.') },
        'libre', h('span', { class: 'sr-only' }, ` : tour ${round}, table ${table}${state.picked ? ' (déplacer ici)' : ''}`)));
        return td;
      }
      const details = [h('small', {}, `${REASONS[m.reason] || m.reason} · poids ${weight(m.weight)}`),
        h('span', { class: 'sr-only' }, `. ${m.explanation || ''}`)];
      if (started(round) || s.closed) {
        td.append(h('div', { class: 'rencontre fixe', title: m.explanation || '', 'data-rencontre': `${m.actor.actorId} ${m.partner.actorId}` },
          label(m), m.held ? ' (tenue)' : '', h('br', {}), ...details));
        return td;
      }
      const picked = state.picked && state.picked.round === round && state.picked.table === table;
      td.append(h('button', {
        type: 'button', class: `rencontre${m.locked ? ' verrou' : ''}`, draggable: 'true', 'data-cle': key,
        'data-rencontre': `${m.actor.actorId} ${m.partner.actorId}`, 'aria-pressed': String(!!picked), title: m.explanation || '',
        ondragstart: e => { e.dataTransfer.setData('text/plain', `${round}-${table}`); e.dataTransfer.effectAllowed = 'move'; },
        onclick: () => {
          if (state.picked && !picked) { place(state.picked, round, table); return; }
          state.picked = picked ? null : slotOf(m);
          drawGrid();
          grid.querySelector(`[data-cle="${key}"]`)?.focus();
          announce(state.picked ? `${label(m)} choisie : choisissez une place libre ou une autre rencontre, Échap pour annuler.` : 'Rencontre reposée.');
        },
      }, h('span', { class: 'sr-only' }, `Tour ${round}, table ${table} : `), label(m), m.locked ? ' 🔒' : '', h('br', {}), ...details),
      h('button', { type: 'button', class: 'secondaire verrouiller', 'data-cle': `verrou-${round}-${table}`, 'aria-pressed': String(m.locked),
        onclick: () => change({ action: m.locked ? 'UNLOCK' : 'LOCK', meeting: slotOf(m) },
          m.locked ? 'Rencontre déverrouillée.' : 'Rencontre verrouillée : les re-planifications la gardent à sa place.', `verrou-${round}-${table}`) },
      m.locked ? 'Verrouillée' : 'Verrouiller', h('span', { class: 'sr-only' }, ` : tour ${round}, table ${table}`)));
      return td;
    };
    const table = h('table', { class: 'plan' },
      h('caption', {}, 'Tours en colonnes, tables en lignes. Entrée sur une rencontre la prend, Entrée sur une place libre ou une autre rencontre la déplace ou les échange ; Échap annule.'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Table'),
        Array.from({ length: s.rounds }, (_, r) => h('th', { scope: 'col' }, `Tour ${r + 1}`, started(r + 1) ? ' (commencé)' : '')))),
      h('tbody', {}, Array.from({ length: s.tables }, (_, t) => h('tr', {}, h('th', { scope: 'row' }, `Table ${t + 1}`, lost.has(t + 1) ? ' (retirée)' : ''),
        Array.from({ length: s.rounds }, (_, r) => cell(r + 1, t + 1))))));
    table.addEventListener('keydown', e => {
      if (e.key === 'Escape' && state.picked) {
        const { round, table: t } = state.picked;
        state.picked = null;
        drawGrid();
        grid.querySelector(`[data-cle="case-${round}-${t}"]`)?.focus();
        announce('Rencontre reposée.');
      }
    });
    fill(grid, h('h2', { id: 'titre-plan' }, 'Plan de table'),
      o ? h('p', { 'data-objectif': '' }, `Chaque participant a au moins ${o.minimumMeetings} rencontres ; souhaits réciproques satisfaits : `
        + `${o.mutualWishesMet} sur ${o.mutualWishes} ; souhaits simples : ${o.oneSidedWishesMet} sur ${o.oneSidedWishes} ; poids total ${weight(o.totalWeight)}.`) : null,
      h('div', { class: 'table-defile', role: 'region', 'aria-label': 'Plan de table', tabindex: '0' }, table));
  }

  main.replaceChildren(h('h1', {}, first.title), heading, sincePlan, actions, status, participants, grid);
  await refresh();
  // Another device (a co-facilitator, the reception desk) changed the session: show it, keeping a meeting picked.
  return onEvent(event => { if (event.aggregateId === sessionId) refresh().catch(() => {}); });
}
