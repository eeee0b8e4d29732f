// A facilitator's sessions: those it runs (GET /api/sessions), and planning a new one.
import { matchmaking, Problem } from '../api.js';
import { territoryCodeField } from '../territory-field.js';
import { stage } from '../sessions-api.js';
import { LEVELS, announce, busyWhile, field, h, problemBox, select, sessionStart, showProblem } from '../ui.js';

export async function render(main, context) {
  const list = h('section', { 'aria-labelledby': 'titre-mes-sessions' });
  const departement = (context.session.territories.find(t => t.startsWith('DEPARTEMENT:')) || ':').split(':')[1];
  main.replaceChildren(h('h1', {}, 'Sessions de rencontres express'), list, planForm(departement));
  try {
    const sessions = await matchmaking('/api/sessions');
    list.replaceChildren(h('h2', { id: 'titre-mes-sessions' }, 'Mes sessions'), sessions.length
      ? h('ul', { class: 'grille', role: 'list' }, sessions.map(s => h('li', { class: 'carte', 'data-session': s.id },
        h('h3', {}, h('a', { href: `#/sessions/${s.id}` }, s.title)),
        h('p', {}, `${sessionStart(s)}${s.place ? ` — ${s.place}` : ''}`),
        h('p', {}, `${s.participants} participant${s.participants > 1 ? 's' : ''} — ${stage(s)}`),
        h('p', {}, h('a', { href: `#/sessions/${s.id}` }, 'Préparer', h('span', { class: 'sr-only' }, ` : ${s.title}`)), ' · ',
          h('a', { href: `#/sessions/${s.id}/direct` }, 'Mode direct', h('span', { class: 'sr-only' }, ` : ${s.title}`))))))
      : h('p', {}, 'Aucune session prévue.'));
  } catch (e) {
    if (e instanceof Problem) list.replaceChildren(h('h2', { id: 'titre-mes-sessions' }, 'Mes sessions'), problemBox(e)); else throw e;
  }
  return null;
}

function planForm(departement) {
  const level = select('territory.level', LEVELS, 'DEPARTEMENT');
  const form = h('form', { novalidate: true, class: 'carte', 'aria-labelledby': 'titre-prevoir' },
    h('h2', { id: 'titre-prevoir' }, 'Prévoir une session'), h('div', { class: 'probleme-formulaire' }),
    field('Titre', h('input', { name: 'title' })),
    field('Lieu', h('input', { name: 'place' })),
    field('Date', h('input', { type: 'date', name: 'date' })),
    field('Heure de début', h('input', { type: 'time', name: 'startsAt', value: '09:00' })),
    field('Niveau du territoire', level),
    territoryCodeField('Territoire (nom ou code)', h('input', { name: 'territory.code', value: departement || '' }), { level }),
    field('Nombre de tours', h('input', { type: 'number', name: 'rounds', value: 6, min: 1 })),
    field('Minutes par tour', h('input', { type: 'number', name: 'minutesPerRound', value: 8, min: 1 })),
    field('Nombre de tables', h('input', { type: 'number', name: 'tables', value: 10, min: 1 })),
    h('button', { type: 'submit' }, 'Prévoir la session'));
  // One session per click: a second submit while the first is sent plans nothing more.
  form.addEventListener('submit', event => {
    event.preventDefault();
    busyWhile(form, () => plan(form));
  });
  return form;
}

/** POST /api/sessions: the new session's page opens, or the form says what the API refused. */
async function plan(form) {
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
}
