// A facilitator's territory: its actors (search), each actor's page and partners, registering an actor, and
// introductions proposed in a batch from the matcher.
import { matchmaking, profile, Problem } from '../api.js';
import { ACTOR_TYPES, THEMES, announce, checkboxes, checkedValues, field, h, problemBox, select, showProblem } from '../ui.js';

export async function render(main, context) {
  const departements = context.session.territories.filter(t => t.startsWith('DEPARTEMENT:')).map(t => t.split(':')[1]);
  const actors = await profile('/api/actors?limit=1000');
  // A display filter only: what the facilitator may do on each actor is decided by the API when it acts.
  const mine = departements.length ? actors.filter(a => departements.some(d => a.homeTerritory.startsWith(d))) : actors;
  const search = h('input', { type: 'search', name: 'recherche', id: 'recherche-acteurs' });
  const body = h('tbody', {});
  const show = () => {
    const term = search.value.trim().toLowerCase();
    body.replaceChildren(...mine.filter(a => !term || a.name.toLowerCase().includes(term)).map(a => h('tr', {},
      h('th', { scope: 'row' }, a.name), h('td', {}, ACTOR_TYPES[a.type] || a.type), h('td', {}, a.homeTerritory),
      h('td', {}, h('a', { href: `#/organisation/${a.id}` }, 'Besoins et offres'), ' · ', h('a', { href: `#/partenaires/${a.id}` }, 'Partenaires')))));
  };
  search.addEventListener('input', show);
  main.replaceChildren(
    h('h1', {}, departements.length ? `Mon territoire (${departements.map(d => `département ${d}`).join(', ')})` : 'Acteurs'),
    field('Rechercher un acteur', search),
    h('div', { class: 'table-defile' }, h('table', {}, h('caption', {}, `${mine.length} acteurs`),
      h('thead', {}, h('tr', {}, ['Nom', 'Famille', 'Commune', 'Pages'].map(t => h('th', { scope: 'col' }, t)))), body)),
    registerForm(), batchForm(departements[0]));
  show();
  return null;
}

function registerForm() {
  const form = h('form', { novalidate: true, class: 'carte' },
    h('h2', {}, 'Inscrire un acteur'), h('div', { class: 'probleme-formulaire' }),
    field('Nom (obligatoire)', h('input', { name: 'name' })),
    field('Famille (obligatoire)', select('type', ACTOR_TYPES, '', { empty: '— choisir —' })),
    field('Commune (code INSEE, obligatoire)', h('input', { name: 'homeTerritory', inputmode: 'numeric' })),
    field('Présentation', h('textarea', { name: 'description', rows: 2 })),
    checkboxes('Thèmes', 'themes', THEMES),
    field('Personne à contacter : nom', h('input', { name: 'contact.name' })),
    field('Personne à contacter : courriel', h('input', { name: 'contact.email', type: 'email' })),
    h('button', { type: 'submit' }, 'Inscrire'));
  form.addEventListener('submit', async event => {
    event.preventDefault();
    const v = n => form.elements[n].value.trim() || null;
    try {
      const { id } = await profile('/api/actors', { method: 'POST', body: {
        name: v('name'), type: v('type'), homeTerritory: v('homeTerritory'), description: v('description'),
        themes: checkedValues(form, 'themes'), sdgs: [],
        contact: v('contact.name') || v('contact.email') ? { name: v('contact.name'), email: v('contact.email') } : null } });
      announce('Acteur inscrit.');
      location.hash = `#/organisation/${id}`;
    } catch (e) {
      if (e instanceof Problem) showProblem(form, e); else throw e;
    }
  });
  return form;
}

/** POST /api/introductions/batch: the matcher's best partners for every actor of a territory, proposed at once. */
function batchForm(departement) {
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true, class: 'carte' },
    h('h2', {}, 'Proposer des mises en relation en lot'), h('div', { class: 'probleme-formulaire' }),
    field('Département', h('input', { name: 'territoryCode', value: departement || '' })),
    field('Partenaires par acteur', h('input', { name: 'partnersPerActor', type: 'number', min: 1, max: 5, value: 1 })),
    h('button', { type: 'submit' }, 'Proposer'), result);
  form.addEventListener('submit', async event => {
    event.preventDefault();
    try {
      const answer = await matchmaking('/api/introductions/batch', { method: 'POST', body: {
        territory: { level: 'DEPARTEMENT', code: form.elements.territoryCode.value.trim() },
        partnersPerActor: Number(form.elements.partnersPerActor.value) } });
      result.replaceChildren(h('p', { class: 'succes' }, `${(answer.introductions || answer.created || []).length} mises en relation proposées.`));
    } catch (e) {
      if (e instanceof Problem) showProblem(form, e); else result.replaceChildren(problemBox(e));
    }
  });
  return form;
}
