// A facilitator's sessions: the list, and planning a new one.
import { matchmaking, Problem } from '../api.js';
import { LEVELS, announce, field, formatDate, h, problemBox, select, showProblem } from '../ui.js';

export async function render(main, context) {
  const list = h('div', {});
  const departement = (context.session.territories.find(t => t.startsWith('DEPARTEMENT:')) || ':').split(':')[1];
  main.replaceChildren(h('h1', {}, 'Sessions de rencontres express'), list, planForm(departement));
  try {
    const sessions = await matchmaking('/api/sessions');
    list.replaceChildren(sessions.length ? h('ul', { role: 'list' }, sessions.map(s => h('li', {},
      h('a', { href: `#/sessions/${s.id || s.sessionId}` }, `${s.title} — ${formatDate(s.date)}${s.place ? ` — ${s.place}` : ''}`), ' · ',
      h('a', { href: `#/sessions/${s.id || s.sessionId}/direct` }, 'mode direct'))))
      : h('p', {}, 'Aucune session prévue.'));
  } catch (e) {
    if (e instanceof Problem) list.replaceChildren(problemBox(e)); else throw e;
  }
  return null;
}

function planForm(departement) {
  const form = h('form', { novalidate: true, class: 'carte' },
    h('h2', {}, 'Prévoir une session'), h('div', { class: 'probleme-formulaire' }),
    field('Titre', h('input', { name: 'title' })),
    field('Lieu', h('input', { name: 'place' })),
    field('Date', h('input', { type: 'date', name: 'date' })),
    field('Heure de début', h('input', { type: 'time', name: 'startsAt', value: '09:00' })),
    field('Niveau du territoire', select('territory.level', LEVELS, 'DEPARTEMENT')),
    field('Code du territoire', h('input', { name: 'territory.code', value: departement || '' })),
    field('Nombre de tours', h('input', { type: 'number', name: 'rounds', value: 6, min: 1 })),
    field('Minutes par tour', h('input', { type: 'number', name: 'minutesPerRound', value: 8, min: 1 })),
    field('Nombre de tables', h('input', { type: 'number', name: 'tables', value: 10, min: 1 })),
    h('button', { type: 'submit' }, 'Prévoir la session'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const v = n => form.elements[n].value.trim() || null;
    try {
      const created = await matchmaking('/api/sessions', { method: 'POST', body: {
        title: v('title'), place: v('place'), date: v('date'), startsAt: v('startsAt'),
        territory: { level: v('territory.level'), code: v('territory.code') },
        rounds: Number(v('rounds')), minutesPerRound: Number(v('minutesPerRound')), tables: Number(v('tables')) } });
      announce('Session prévue.');
      location.hash = `#/sessions/${created.id}`;
    } catch (e) {
      if (e instanceof Problem) showProblem(form, e); else throw e;
    }
  });
  return form;
}
