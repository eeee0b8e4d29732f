// The live mode on the day: the check-in list (present, absent, late), the round timer, and the rounds re-planned by
// the service appearing as they are committed, without a reload.
import { matchmaking, Problem } from '../api.js';
import { onEvent } from '../live.js';
import { actorName, schedule } from '../sessions-api.js';
import { announce, h, problemBox } from '../ui.js';

export async function render(main, context, sessionId) {
  const session = await matchmaking(`/api/sessions/${sessionId}`);
  const status = h('div', { 'aria-live': 'assertive' });
  const checkIn = h('section', { 'aria-labelledby': 'titre-accueil' });
  const rounds = h('section', { 'aria-labelledby': 'titre-tours', 'aria-live': 'polite' });
  const timer = h('p', { class: 'minuteur', role: 'timer', 'aria-live': 'off' }, '--:--');
  let ticking = null;
  const post = (path, body) => matchmaking(`/api/sessions/${sessionId}/${path}`, { method: 'POST', body: body || {} });
  const guard = async (action, message) => {
    status.replaceChildren();
    try { await action(); if (message) announce(message); } catch (e) {
      if (e instanceof Problem) status.replaceChildren(problemBox(e)); else throw e;
    }
  };
  const startRound = n => guard(async () => {
    await post(`rounds/${n}/start`);
    const end = Date.now() + (session.minutesPerRound || 8) * 60_000;
    clearInterval(ticking);
    ticking = setInterval(() => {
      const left = Math.max(0, end - Date.now());
      timer.textContent = `${String(Math.floor(left / 60_000)).padStart(2, '0')}:${String(Math.floor(left / 1000) % 60).padStart(2, '0')}`;
      if (!left) { clearInterval(ticking); announce(`Fin du tour ${n}.`); }
    }, 250);
  }, `Tour ${n} lancé.`);

  async function refresh() {
    const current = await matchmaking(`/api/sessions/${sessionId}`);
    const people = current.participants || [];
    const names = await Promise.all(people.map(p => actorName(p.actorId)));
    checkIn.replaceChildren(h('h2', { id: 'titre-accueil' }, 'Accueil des participants'),
      h('ul', { role: 'list' }, people.map((p, i) => h('li', { 'data-participant': p.actorId }, `${names[i]} — ${p.status || 'inscrit'} `,
        h('button', { type: 'button', class: 'secondaire', onclick: () => guard(() => post('check-ins', { actorId: p.actorId }), `${names[i]} est arrivé.`) }, `Présent : ${names[i]}`), ' ',
        h('button', { type: 'button', class: 'secondaire', onclick: () => guard(() => post('absences', { actorId: p.actorId }), `${names[i]} est absent.`) }, `Absent : ${names[i]}`), ' ',
        h('button', { type: 'button', class: 'secondaire', onclick: () => guard(() => post('late-arrivals', { actorId: p.actorId }), `${names[i]} arrive en retard.`) }, `En retard : ${names[i]}`)))));
    const plan = await schedule(sessionId);
    const ids = [...new Set(plan.meetings.flatMap(m => [m.actorId, m.partnerActorId]))];
    const label = Object.fromEntries(await Promise.all(ids.map(async id => [id, await actorName(id)])));
    const count = current.rounds || Math.max(0, ...plan.meetings.map(m => m.round));
    rounds.replaceChildren(h('h2', { id: 'titre-tours' }, 'Tours'),
      ...Array.from({ length: count }, (_, r) => h('div', { class: 'carte', 'data-tour': r + 1 },
        h('h3', {}, `Tour ${r + 1}`),
        h('ul', {}, plan.meetings.filter(m => m.round === r + 1).sort((a, b) => a.table - b.table)
          .map(m => h('li', {}, `Table ${m.table} : ${label[m.actorId]} et ${label[m.partnerActorId]}`))),
        h('button', { type: 'button', onclick: () => startRound(r + 1) }, `Lancer le tour ${r + 1}`))));
  }

  main.replaceChildren(h('h1', {}, `En direct : ${session.title || 'session'}`), timer, status, checkIn, rounds,
    h('div', { class: 'actions' }, h('button', { type: 'button', class: 'danger', onclick: () => guard(() => post('close'), 'Session close.') }, 'Clore la session')));
  await refresh();
  const stop = onEvent(event => {
    if (event.aggregateId === sessionId) refresh().then(() => announce('Le plan des tours à venir a changé.'));
  });
  return () => { stop(); clearInterval(ticking); };
}
