// The session board: participants, wishes, generate, the rounds × tables grid where a meeting is moved, swapped or
// locked (drag and drop, or the keyboard: Entrée picks a meeting up and puts it down, V locks it), publish, print.
import { download, matchmaking, profile, Problem } from '../api.js';
import { onEvent } from '../live.js';
import { actorName, REASONS, schedule } from '../sessions-api.js';
import { announce, field, h, problemBox } from '../ui.js';

export async function render(main, context, sessionId) {
  const session = await matchmaking(`/api/sessions/${sessionId}`);
  const status = h('div', { class: 'probleme-formulaire', 'aria-live': 'assertive' });
  const participants = h('section', { 'aria-labelledby': 'titre-participants' });
  const grid = h('section', { 'aria-labelledby': 'titre-plan' });
  const state = { meetings: [], picked: null, changed: false };
  const guard = async (action, message) => {
    status.replaceChildren();
    try {
      await action();
      if (message) announce(message);
      await refresh();
    } catch (e) {
      if (e instanceof Problem) status.replaceChildren(problemBox(e)); else throw e;
    }
  };
  const post = (path, body) => matchmaking(`/api/sessions/${sessionId}/${path}`, { method: 'POST', body: body || {} });

  async function refresh() {
    const current = await matchmaking(`/api/sessions/${sessionId}`);
    await renderParticipants(participants, current, post, guard);
    try {
      const plan = await schedule(sessionId);
      state.meetings = plan.meetings.map(m => ({ ...m }));
      state.changed = false;
      await renderGrid(grid, current, state, plan.objective, guard, post);
    } catch (e) {
      grid.replaceChildren(h('h2', { id: 'titre-plan' }, 'Plan de table'),
        e instanceof Problem && e.status === 404 ? h('p', {}, 'Aucun plan pour l’instant : générez-le.') : problemBox(e));
    }
  }

  main.replaceChildren(h('h1', {}, session.title || 'Session'),
    h('p', {}, [session.place, session.date, session.startsAt].filter(Boolean).join(' — ')),
    h('div', { class: 'actions' },
      h('button', { type: 'button', onclick: () => guard(() => post('schedule/generate'), 'Plan généré.') }, 'Générer le plan'),
      h('button', { type: 'button', onclick: () => guard(() => post('schedule/publish'), 'Plan publié.') }, 'Publier'),
      h('button', { type: 'button', class: 'secondaire', onclick: () => guard(() => download(`/api/sessions/${sessionId}/exports/schedule.csv`, 'plan.csv')) }, 'Télécharger le plan (CSV)'),
      h('button', { type: 'button', class: 'secondaire', onclick: () => window.print() }, 'Imprimer'),
      h('a', { class: 'bouton secondaire', href: `#/sessions/${sessionId}/direct` }, 'Mode direct')),
    status, participants, grid);
  await refresh();
  return onEvent(event => { if (event.aggregateId === sessionId && !state.changed) refresh(); });
}

async function renderParticipants(section, session, post, guard) {
  const list = session.participants || [];
  const names = await Promise.all(list.map(p => actorName(p.actorId)));
  const registered = new Set(list.map(p => p.actorId));
  const candidates = (await profile('/api/actors?limit=1000')).filter(a => !registered.has(a.id));
  const register = h('form', { novalidate: true, class: 'filtres' },
    field('Acteur à inscrire', h('select', { name: 'actorId' }, candidates.map(a => h('option', { value: a.id }, a.name)))),
    h('button', { type: 'submit' }, 'Inscrire'));
  register.addEventListener('submit', event => {
    event.preventDefault();
    guard(() => post('participants', { actorId: register.elements.actorId.value }), 'Participant inscrit.');
  });
  const wish = h('form', { novalidate: true, class: 'filtres' },
    field('Souhait : l’acteur', h('select', { name: 'actorId' }, list.map((p, i) => h('option', { value: p.actorId }, names[i])))),
    field('souhaite rencontrer', h('select', { name: 'partnerActorId' }, list.map((p, i) => h('option', { value: p.actorId }, names[i])))),
    h('button', { type: 'submit' }, 'Ajouter le souhait'));
  wish.addEventListener('submit', event => {
    event.preventDefault();
    guard(() => post('wishes', { actorId: wish.elements.actorId.value, partnerActorId: wish.elements.partnerActorId.value }), 'Souhait enregistré.');
  });
  section.replaceChildren(h('h2', { id: 'titre-participants' }, `Participants (${list.length})`),
    h('ul', {}, list.map((p, i) => h('li', {}, names[i], p.status ? ` — ${p.status}` : ''))), register, wish,
    h('p', { class: 'aide' }, `${(session.wishes || []).length} souhaits exprimés.`));
}

async function renderGrid(section, session, state, objective, guard, post) {
  const rounds = session.rounds || Math.max(0, ...state.meetings.map(m => m.round));
  const tables = session.tables || Math.max(0, ...state.meetings.map(m => m.table));
  const ids = [...new Set(state.meetings.flatMap(m => [m.actorId, m.partnerActorId]))];
  const names = Object.fromEntries(await Promise.all(ids.map(async id => [id, await actorName(id)])));
  const at = (round, table) => state.meetings.find(m => m.round === round && m.table === table);
  const redraw = () => renderGrid(section, session, state, objective, guard, post);
  const place = (round, table) => {
    const picked = state.picked;
    if (!picked) return;
    const other = at(round, table);
    if (other === picked) { state.picked = null; redraw(); return; }
    const from = { round: picked.round, table: picked.table };
    picked.round = round; picked.table = table;
    if (other) { other.round = from.round; other.table = from.table; }
    state.picked = null;
    state.changed = true;
    announce(other ? 'Rencontres échangées (non enregistré).' : 'Rencontre déplacée (non enregistré).');
    redraw().then(() => section.querySelector(`[data-case="${round}-${table}"] button`)?.focus());
  };
  const cell = (round, table) => {
    const meeting = at(round, table);
    const td = h('td', { class: 'repas', 'data-case': `${round}-${table}`,
      ondragover: e => e.preventDefault(), ondrop: e => { e.preventDefault(); place(round, table); } });
    if (!meeting) {
      td.append(h('button', { type: 'button', class: 'secondaire', onclick: () => place(round, table),
        'aria-label': `Table ${table}, tour ${round} : libre${state.picked ? ' — poser ici' : ''}` }, 'libre'));
      return td;
    }
    const label = `${names[meeting.actorId]} et ${names[meeting.partnerActorId]}`;
    td.append(h('button', {
      type: 'button', class: `rencontre${meeting.locked ? ' verrou' : ''}`, draggable: 'true', 'aria-pressed': String(state.picked === meeting),
      'aria-label': `Tour ${round}, table ${table} : ${label}${meeting.locked ? ', verrouillée' : ''}. Entrée pour prendre ou poser, V pour verrouiller.`,
      title: meeting.explanation || '',
      ondragstart: () => { state.picked = meeting; },
      onclick: () => { if (state.picked && state.picked !== meeting) place(round, table); else { state.picked = state.picked ? null : meeting; redraw().then(() => section.querySelector(`[data-case="${round}-${table}"] button`)?.focus()); } },
      onkeydown: e => { if (e.key === 'v' || e.key === 'V') { meeting.locked = !meeting.locked; state.changed = true; redraw(); } },
    }, label, meeting.locked ? ' 🔒' : '', h('br', {}), h('small', {}, REASONS[meeting.reason] || meeting.reason || '')));
    return td;
  };
  section.replaceChildren(h('h2', { id: 'titre-plan' }, 'Plan de table'),
    objective ? h('p', {}, `Au moins ${objective.minimumMeetings} rencontres chacun ; souhaits réciproques satisfaits : ${objective.mutualWishesMet}/${objective.mutualWishes}.`) : null,
    h('div', { class: 'table-defile' }, h('table', { class: 'plan' },
      h('caption', { class: 'sr-only' }, 'Tours en colonnes, tables en lignes'),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Table'), Array.from({ length: rounds }, (_, r) => h('th', { scope: 'col' }, `Tour ${r + 1}`)))),
      h('tbody', {}, Array.from({ length: tables }, (_, t) => h('tr', {}, h('th', { scope: 'row' }, `Table ${t + 1}`),
        Array.from({ length: rounds }, (_, r) => cell(r + 1, t + 1))))))),
    h('div', { class: 'actions' }, h('button', { type: 'button', disabled: !state.changed,
      onclick: () => guard(() => post('schedule/adjust', { meetings: state.meetings, reason: 'Ajustement à la main' }), 'Plan enregistré.') },
    'Enregistrer les changements')));
}
