// The facilitators' follow-up list (GET /api/introductions): the introductions of their territories — every one of
// the lab's for an admin — those to follow up now first, each with why (an answer about to be due, an acceptance with
// no meeting, a meeting with no outcome, a follow-up planned long ago with nothing since). After introducing two actors,
// the lab accompanies what follows: this is where a facilitator sees whom to call. Each side's name leads to its
// introductions, where the facilitator acts for it.
import { Problem, readIntroductions } from '../api.js';
import { changesIntroductions, onEvent } from '../live.js';
import { coalescing, field, formatDate, h, pager, problemBox, stageChoices } from '../ui.js';

/** How many more introductions « Afficher les suivantes » shows. */
const PAGE = 50;

export async function render(main, context) {
  const admin = context.session.role === 'ADMIN';
  // What makes an introduction one to follow, with the lab's own days, as the API says it.
  const rulesSaid = h('p', { 'data-regles': '' },
    `${admin ? 'Les mises en relation du labo' : 'Les mises en relation de vos territoires'}, celles à suivre d’abord.`);
  const summary = h('p', { 'data-a-suivre': '' });
  const problemAt = h('div', {});
  const rows = h('tbody', {});
  const table = h('div', { class: 'table-defile', role: 'region', 'aria-labelledby': 'titre-suivi', tabindex: '0' },
    h('table', {},
      h('caption', { class: 'sr-only' }, 'Mises en relation, celles à suivre d’abord'),
      h('thead', {}, h('tr', {}, ['Mise en relation', 'Statut', 'Dernière étape', 'À suivre'].map(title => h('th', { scope: 'col' }, title)))),
      rows));
  const empty = h('p', { hidden: true });
  const onlyToFollow = h('input', { type: 'checkbox', name: 'aSuivre', checked: true, 'data-filtre': 'a-suivre' });
  const stage = field('Statut', h('select', { name: 'statut', 'data-filtre': 'statut' }));
  const pages = pager(rows, PAGE, () => load(), row => row.querySelector('a'));
  const refilter = () => { pages.reset(); load(); };
  onlyToFollow.addEventListener('change', refilter);
  stage.querySelector('select').addEventListener('change', refilter);
  main.replaceChildren(
    h('h1', { id: 'titre-suivi' }, 'Suivi des mises en relation'),
    rulesSaid,
    summary,
    h('div', { class: 'filtres' }, h('div', { class: 'cases' }, h('label', {}, onlyToFollow, 'À suivre seulement')), stage),
    problemAt, table, empty, ...pages.elements);

  const load = coalescing(async () => {
    const status = stage.querySelector('select').value;
    const query = [onlyToFollow.checked ? 'toFollow=true' : null, status ? `status=${encodeURIComponent(status)}` : null]
      .filter(Boolean).join('&');
    let list;
    try {
      list = await readIntroductions(`/api/introductions${query ? `?${query}` : ''}`, pages.shown);
    } catch (e) {
      if (e instanceof Problem) { problemAt.replaceChildren(problemBox(e)); return; }
      throw e;
    }
    problemAt.replaceChildren();
    if (list.rules?.length) {
      rulesSaid.textContent = `${admin ? 'Les mises en relation du labo' : 'Les mises en relation de vos territoires'}, `
        + `celles à suivre d’abord : ${list.rules.map(rule => rule.label).join(', ')}.`;
    }
    summary.textContent = list.toFollow
      ? `${list.toFollow} mise${list.toFollow > 1 ? 's' : ''} en relation à suivre.` : 'Aucune mise en relation à suivre.';
    stageChoices(stage.querySelector('select'), list.stages || []);
    rows.replaceChildren(...list.introductions.map(row));
    table.hidden = list.introductions.length === 0;
    empty.hidden = list.introductions.length > 0;
    empty.textContent = onlyToFollow.checked || status ? 'Aucune mise en relation ne répond à ces critères.' : 'Aucune mise en relation pour l’instant.';
    pages.update(list.introductions.length, list.total);
  });
  await load();
  // A step of any introduction the reader may read may change the list: read again (a burst of events is one reading).
  return onEvent(event => { if (changesIntroductions(event)) load(); });
}

/** One introduction: its two sides (each leading to its introductions), its stage, its last step, and why to follow it. */
function row(entry) {
  const side = actor => actor
    ? h('a', { href: `#/mises-en-relation/${actor.id}` }, actor.name || 'Organisation')
    : 'Organisation inconnue';
  return h('tr', { 'data-introduction': entry.id },
    h('td', {}, side(entry.actor), ' et ', side(entry.partner)),
    h('td', {}, h('span', { class: 'etiquette', 'data-statut': entry.status }, entry.statusLabel || entry.status)),
    h('td', {}, `${entry.lastStep || ''}${entry.lastStepAt ? ` — ${formatDate(entry.lastStepAt)}` : ''}`),
    h('td', { 'data-a-suivre': entry.toFollow?.reason || '' }, entry.toFollow ? entry.toFollow.label : '—'));
}
