// The live mode on the day: the check-in list (arrived, absent, late), starting the rounds with their timer, a table
// lost, and the rounds to come as the service re-plans them, shown as soon as the session's events reach the live
// stream, without a reload (also when another device, the reception desk for instance, records an absence).
import { Problem } from '../api.js';
import { onEvent } from '../live.js';
import { PRESENCE, fill, overview, post, schedule, stage } from '../sessions-api.js';
import { announce, coalescing, field, h, keepingChoices, problemBox } from '../ui.js';

export async function render(main, context, sessionId) {
  const first = await overview(sessionId);
  const status = h('div', { class: 'etat-action' });
  const where = h('p', {});
  const timer = h('p', { class: 'minuteur', role: 'timer', 'aria-live': 'off', 'aria-label': 'Temps restant du tour' }, '--:--');
  const checkIn = h('section', { 'aria-labelledby': 'titre-accueil' });
  const rounds = h('section', { 'aria-labelledby': 'titre-tours' });
  const closing = h('div', { class: 'actions' });
  const tables = h('div', {});
  const state = { session: first, plan: null, version: null };
  let ticking = null;
  let timedRound = 0;

  const startTimer = round => {
    if (round === timedRound) return;
    timedRound = round;
    const end = Date.now() + state.session.minutesPerRound * 60_000;
    clearInterval(ticking);
    const tick = () => {
      const left = Math.max(0, end - Date.now());
      timer.textContent = `Tour ${round} — ${String(Math.floor(left / 60_000)).padStart(2, '0')}:${String(Math.floor(left / 1000) % 60).padStart(2, '0')}`;
      if (!left) { clearInterval(ticking); announce(`Fin du tour ${round}.`); }
    };
    tick();
    ticking = setInterval(tick, 250);
  };

  const act = async (action, message) => {
    status.replaceChildren();
    try {
      await action();
      if (message) announce(message);
      await refresh();
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      status.replaceChildren(problemBox(e));
      status.firstChild.setAttribute('tabindex', '-1');
      status.firstChild.focus();
    }
  };

  const refresh = coalescing(async () => {
    state.session = await overview(sessionId);
    state.plan = state.session.scheduled ? await schedule(sessionId) : null;
    if (state.version !== null && state.session.scheduleVersion !== state.version) announce('Les tours à venir ont été re-planifiés.');
    state.version = state.session.scheduleVersion;
    keepingChoices(main, draw);
  });

  function draw() {
    const s = state.session;
    where.textContent = `${s.place ? `${s.place} — ` : ''}${s.rounds} tours de ${s.minutesPerRound} minutes, `
      + `${s.tables - s.lostTables.length} tables${s.lostTables.length ? ` (retirée${s.lostTables.length > 1 ? 's' : ''} : ${s.lostTables.join(', ')})` : ''} — ${stage(s)}`;
    const open = !s.closed;
    const button = (key, text, name, onclick) => h('button', { type: 'button', class: 'secondaire', 'data-cle': key, onclick },
      text, h('span', { class: 'sr-only' }, ` : ${name}`));
    const present = s.participants.filter(p => p.presence !== 'ABSENT').length;
    fill(checkIn, h('h2', { id: 'titre-accueil' }, `Accueil des participants (${present} sur ${s.participants.length} attendus)`),
      h('ul', { class: 'accueil', role: 'list' }, s.participants.map(p => h('li', { 'data-participant': p.actorId, 'data-presence': p.presence },
        h('span', { class: 'nom' }, p.name), ' ', h('span', { class: `etiquette presence-${p.presence.toLowerCase()}` }, PRESENCE[p.presence]),
        open ? h('span', { class: 'boutons' },
          p.presence === 'REGISTERED' ? button(`arrive-${p.actorId}`, 'Arrivé', p.name,
            () => act(() => post(sessionId, 'check-ins', { actorId: p.actorId }), `${p.name} est arrivé.`)) : null,
          p.presence !== 'ABSENT' ? button(`absent-${p.actorId}`, 'Absent', p.name,
            () => act(() => post(sessionId, 'absences', { actorId: p.actorId }), `${p.name} est noté absent : les tours à venir sont re-planifiés.`)) : null,
          s.roundsStarted && p.presence !== 'CHECKED_IN' ? button(`retard-${p.actorId}`, 'En retard', p.name,
            () => act(() => post(sessionId, 'late-arrivals', { actorId: p.actorId }), `${p.name} arrive en retard : les tours à venir sont re-planifiés.`)) : null)
          : null))));
    if (!state.plan) {
      fill(rounds, h('h2', { id: 'titre-tours' }, 'Tours'), h('p', {}, 'Aucun plan : générez-le et publiez-le depuis la page de la session.'));
    } else {
      const next = s.roundsStarted + 1;
      fill(rounds, h('h2', { id: 'titre-tours' }, 'Tours'),
        s.published ? null : h('p', { class: 'probleme' }, 'Le plan n’est pas publié : publiez-le avant de lancer le premier tour.'),
        h('div', { class: 'grille' }, state.plan.rounds.map(r => {
          const when = r.round < s.roundsStarted || (r.round === s.roundsStarted && s.closed) ? 'terminé'
            : r.round === s.roundsStarted ? 'en cours' : 'à venir';
          return h('div', { class: 'carte', 'data-tour': r.round, 'data-etat': when },
            h('h3', {}, `Tour ${r.round} — ${(r.startsAt || '').slice(0, 5)} — ${when}`),
            h('ul', {}, r.tables.map(t => h('li', { 'data-rencontre': `${t.actor.actorId} ${t.partner.actorId}` },
              `Table ${t.table} : ${t.actor.name} et ${t.partner.name}${t.locked ? ' (verrouillée)' : ''}`))),
            open && s.published && r.round === next ? h('button', { type: 'button', 'data-cle': `lancer-${r.round}`,
              onclick: () => act(async () => { await post(sessionId, `rounds/${r.round}/start`); startTimer(r.round); }, `Tour ${r.round} lancé.`) },
            `Lancer le tour ${r.round}`) : null);
        })));
    }
    const available = Array.from({ length: s.tables }, (_, i) => i + 1).filter(t => !s.lostTables.includes(t));
    const tableForm = h('form', { novalidate: true, class: 'filtres', 'aria-labelledby': 'titre-table-perdue' },
      h('h2', { id: 'titre-table-perdue', class: 'sr-only' }, 'Retirer une table'),
      field('Table qui n’est plus disponible', h('select', { name: 'table', 'data-cle': 'table-perdue' },
        available.map(t => h('option', { value: t }, `Table ${t}`)))),
      h('button', { type: 'submit', class: 'secondaire', 'data-cle': 'retirer-table' }, 'Retirer la table'));
    tableForm.addEventListener('submit', event => {
      event.preventDefault();
      const table = Number(tableForm.elements.table.value);
      act(() => post(sessionId, 'tables-lost', { table }), `Table ${table} retirée : les tours à venir sont re-planifiés.`);
    });
    fill(tables, open && available.length > 1 ? tableForm : '');
    fill(closing, open ? h('button', { type: 'button', class: 'danger', 'data-cle': 'clore',
      onclick: () => act(() => post(sessionId, 'close'), 'Session close.') }, 'Clore la session') : h('p', {}, 'La session est close.'));
  }

  main.replaceChildren(h('h1', {}, `En direct : ${first.title}`), where, timer, status, checkIn, rounds, tables, closing,
    h('p', {}, h('a', { href: `#/sessions/${sessionId}` }, 'Revenir au plan de table')));
  await refresh();
  const stop = onEvent(event => {
    if (event.aggregateId !== sessionId) return;
    refresh().then(() => {
      if (event.type === 'RoundStartedEvent' && state.session.roundsStarted && !state.session.closed) startTimer(state.session.roundsStarted);
    }).catch(() => {});
  });
  return () => { stop(); clearInterval(ticking); };
}
