// The partners proposed to an actor: the explanation sentence, the score components of each need/offer pair, filters,
// and "ask for an introduction".
import { matchmaking, profile, Problem } from '../api.js';
import { territoryCodeField } from '../territory-field.js';
import { ACTOR_TYPES, CATEGORIES, COMPONENTS, KEPT_IN_HISTORY, LEVELS, announce, busyWhile, checkedValues, field, h, percent, problemBox, select, showProblem } from '../ui.js';

export async function render(main, context, actorId) {
  const { profile: actor } = await profile(`/api/actors/${actorId}`);
  // Not a live region: it would read every card and table aloud, and the form opened in a card; what changed is
  // announced in one sentence instead.
  const results = h('div', {});
  const level = select('territoryLevel', LEVELS, '', { empty: 'Tous' });
  const filters = h('form', { class: 'filtres', role: 'search', 'aria-label': 'Filtrer les partenaires' },
    field('Niveau de territoire', level),
    territoryCodeField('Territoire (nom ou code)', h('input', { name: 'territoryCode', size: 12 }), { level }),
    field('Type d’acteur', select('actorType', ACTOR_TYPES, '', { empty: 'Tous' })),
    field('Catégorie', select('category', CATEGORIES, '', { empty: 'Toutes' })),
    h('button', { type: 'submit' }, 'Filtrer'));
  const load = async () => {
    const query = new URLSearchParams({ limit: 10, pairs: 3 });
    for (const name of ['territoryLevel', 'territoryCode', 'actorType', 'category']) {
      const value = filters.elements[name].value.trim();
      if (value) query.set(name, value);
    }
    try {
      const partners = await matchmaking(`/api/actors/${actorId}/partners?${query}`);
      results.replaceChildren(partners.length
        ? h('ol', { class: 'grille', role: 'list' }, partners.map(p => partnerCard(actorId, p, context.session.role)))
        : h('p', {}, 'Aucun partenaire ne correspond pour l’instant.'));
    } catch (e) {
      if (e instanceof Problem) results.replaceChildren(problemBox(e)); else throw e;
    }
  };
  filters.addEventListener('submit', event => {
    event.preventDefault();
    load().then(() => {
      const shown = results.querySelectorAll('li[data-partenaire]').length;
      announce(shown ? `${shown} ${shown > 1 ? 'partenaires proposés' : 'partenaire proposé'}.` : 'Aucun partenaire ne correspond.');
    });
  });
  main.replaceChildren(h('h1', {}, `Partenaires proposés à ${actor.name}`),
    h('p', {}, 'Chaque proposition est expliquée : la phrase dit pourquoi, le tableau donne le poids de chaque critère.'),
    filters, results);
  await load();
  return null;
}

function partnerCard(actorId, partner, role) {
  const best = partner.pairs[0];
  const components = best ? best.explanation.components : {};
  return h('li', { class: 'carte', 'data-partenaire': partner.actorId },
    h('h2', {}, partner.actorName),
    h('p', {}, h('span', { class: 'etiquette' }, ACTOR_TYPES[partner.actorType] || partner.actorType), ' ',
      `score ${percent(partner.score)}`, partner.reciprocal ? ' — réciproque' : '',
      ` — ${partner.pairCount} ${partner.pairCount > 1 ? 'correspondances' : 'correspondance'}`),
    h('p', { class: 'phrase' }, best ? best.explanation.sentence : partner.sentence),
    best ? h('div', { class: 'table-defile' }, h('table', {},
      h('caption', { class: 'sr-only' }, `Critères du score pour ${partner.actorName}`),
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Critère'), h('th', { scope: 'col' }, 'Valeur'))),
      h('tbody', {}, Object.entries(COMPONENTS).map(([key, label]) =>
        h('tr', {}, h('th', { scope: 'row' }, label), h('td', {}, percent(components[key]))))))) : null,
    h('ul', {}, partner.pairs.map(pair => h('li', {},
      pair.direction === 'THEY_OFFER' ? `Votre besoin « ${pair.needTitle} » ↔ leur offre « ${pair.offerTitle} »`
        : `Votre offre « ${pair.offerTitle} » ↔ leur besoin « ${pair.needTitle} »`))),
    h('div', { class: 'actions' }, h('button', { type: 'button', onclick: event => askForIntroduction(event.target, actorId, partner, role) },
      `Demander une mise en relation avec ${partner.actorName}`)));
}

/** POST /api/introductions with the pairs the member keeps and a note; the API says yes or why not. */
function askForIntroduction(button, actorId, partner, role) {
  const card = button.closest('.carte');
  card.querySelector('form')?.remove();
  const form = h('form', { novalidate: true },
    h('div', { class: 'probleme-formulaire' }),
    h('fieldset', { 'data-champ': 'pairs' }, h('legend', {}, 'Correspondances à présenter'),
      partner.pairs.map((pair, i) => h('label', {}, h('input', { type: 'checkbox', name: 'pairs', value: i, checked: true }),
        ` ${pair.needTitle} ↔ ${pair.offerTitle}`))),
    field('Message pour le partenaire', h('textarea', { name: 'note', rows: 2 }), KEPT_IN_HISTORY),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Envoyer la demande'),
      h('button', { type: 'button', class: 'secondaire', onclick: () => { form.remove(); button.focus(); } }, 'Annuler')));
  // One request per click: a second submit while the first is sent asks for nothing more.
  form.addEventListener('submit', event => {
    event.preventDefault();
    busyWhile(form, () => send());
  });
  const send = async () => {
    const pairs = checkedValues(form, 'pairs').map(i => partner.pairs[i]).map(p => ({ needId: p.needId, offerId: p.offerId }));
    if (!pairs.length) {
      // The API takes no pair for « the best ones »: every box unticked would send the very ones the member took out.
      showProblem(form, new Problem(400, { title: 'Données invalides', detail: 'Gardez au moins une correspondance à présenter.',
        errors: [{ field: 'pairs', message: 'aucune correspondance cochée' }] }));
      return;
    }
    try {
      const created = await matchmaking('/api/introductions', { method: 'POST', body: {
        actorId, partnerId: partner.actorId, pairs, note: form.elements.note.value.trim() || null,
        source: role === 'ACTOR_MEMBER' ? 'ACTOR_REQUEST' : 'FACILITATOR',
      } });
      const sent = h('p', { class: 'succes', role: 'status', tabindex: '-1', 'data-introduction': created.id },
        `Demande envoyée à ${partner.actorName}. Elle apparaît dans vos mises en relation.`);
      form.replaceWith(sent);
      // The button that had the focus went with the form: the keyboard stays on what was done, not the page's body.
      sent.focus();
      announce('Demande de mise en relation envoyée.');
    } catch (e) {
      if (e instanceof Problem) showProblem(form, e); else throw e;
    }
  };
  card.append(form);
  form.querySelector('input, textarea').focus();
}
