// The facilitators' follow-up list (GET /api/introductions): the introductions of their territories — every one of
// the lab's for an admin, or one territory's at a time — those to follow up now first, each with why (an answer about
// to be due, an acceptance with no meeting, a meeting with no outcome, a follow-up planned long ago with nothing since).
// After introducing two actors, the lab accompanies what follows: this is where a facilitator sees whom to call. Each
// side's name leads to its introductions, where the facilitator acts for it. A reminder made (a call, an e-mail) is
// noted on its line, so that the next facilitator to look does not call twice; a round of calls leaves out whom the
// last one reached.
import { Problem, download, readIntroductions, stepSender } from '../api.js';
import { followIntroductions } from '../live.js';
import { KEPT_IN_HISTORY, REMINDER_CHANNELS, announce, busyWhile, capitalised, coalescing, field, formatDate, h, pager, problemBox, select,
  showProblem, stageChoices } from '../ui.js';

/** How many more introductions « Afficher les suivantes » shows. */
const PAGE = 50;

/** How a reminder was made, as the form offers it (« Par téléphone »…). */
const CHANNELS = Object.fromEntries(Object.entries(REMINDER_CHANNELS)
  .map(([channel, words]) => [channel, capitalised(words)]));

/**
 * A round of calls skips whom the last ones reached: the lines a reminder was noted on within so many days (today
 * included) can be left out.
 */
const NOT_REMINDED_WITHIN = Object.fromEntries([7, 14, 30].map(days => [days, `Sans relance depuis ${days} jours`]));

/** The stages after which an introduction takes no reminder: it closed before both sides accepted. */
const CLOSED = new Set(['declined', 'expired', 'withdrawn']);

export async function render(main, context) {
  const whose = context.session.role === 'ADMIN' ? 'Les mises en relation du labo' : 'Les mises en relation de vos territoires';
  // What makes an introduction one to follow, with the lab's own days, as the API says it.
  const rulesSaid = h('p', { 'data-regles': '' }, `${whose}, celles à suivre d’abord.`);
  const summary = h('p', { 'data-a-suivre': '' });
  const problemAt = h('div', {});
  const rows = h('tbody', {});
  const table = h('div', { class: 'table-defile', role: 'region', 'aria-labelledby': 'titre-suivi', tabindex: '0' },
    h('table', {},
      h('caption', { class: 'sr-only' }, 'Mises en relation, celles à suivre d’abord'),
      h('thead', {}, h('tr', {}, ['Mise en relation', 'Statut', 'Dernière étape', 'À suivre', 'Relance']
        .map(title => h('th', { scope: 'col' }, title)))),
      rows));
  const empty = h('p', { hidden: true });
  const onlyToFollow = h('input', { type: 'checkbox', name: 'aSuivre', checked: true, 'data-filtre': 'a-suivre' });
  const stage = field('Statut', h('select', { name: 'statut', 'data-filtre': 'statut' }));
  const reminded = select('relances', NOT_REMINDED_WITHIN, '', { empty: 'Relancées ou non' });
  reminded.dataset.filtre = 'relances';
  // A région's facilitator (or an admin) works through one territory at a time: those the API offers, once known.
  const territory = select('territoire', {}, '', { empty: context.session.role === 'ADMIN' ? 'Tout le labo' : 'Tous vos territoires' });
  territory.dataset.filtre = 'territoire';
  const territoryField = field('Territoire', territory);
  territoryField.hidden = true;
  const pages = pager(rows, PAGE, () => load(), row => row.querySelector('a'));
  // The lines the filters keep, all of them, for French Excel: what a facilitator works through on the phone.
  const file = h('button', { type: 'button', class: 'secondaire', 'data-action': 'telecharger-suivi' }, 'Télécharger la liste (CSV)');
  file.addEventListener('click', () => busyWhile(file, async () => {
    try {
      await download(`/api/introductions.csv${filters() ? `?${filters()}` : ''}`, 'suivi-mises-en-relation.csv');
      problemAt.replaceChildren();
      announce('Liste téléchargée.');
    } catch (e) {
      if (e instanceof Problem) problemAt.replaceChildren(problemBox(e)); else throw e;
    }
  }));
  const refilter = () => { pages.reset(); load(); };
  onlyToFollow.addEventListener('change', refilter);
  stage.querySelector('select').addEventListener('change', refilter);
  reminded.addEventListener('change', refilter);
  territory.addEventListener('change', refilter);
  main.replaceChildren(
    h('h1', { id: 'titre-suivi' }, 'Suivi des mises en relation'),
    rulesSaid,
    summary,
    h('div', { class: 'filtres' }, h('div', { class: 'cases' }, h('label', {}, onlyToFollow, 'À suivre seulement')), territoryField,
      stage, field('Relances', reminded), file),
    problemAt, table, empty, ...pages.elements);

  /** The filters as the API takes them: a territory, those to follow only, a stage, those not reminded lately. */
  const filters = () => {
    const status = stage.querySelector('select').value;
    return [territory.value ? `territory=${encodeURIComponent(territory.value)}` : null,
      onlyToFollow.checked ? 'toFollow=true' : null, status ? `status=${encodeURIComponent(status)}` : null,
      reminded.value ? `notRemindedForDays=${reminded.value}` : null].filter(Boolean).join('&');
  };

  const load = coalescing(async () => {
    const status = stage.querySelector('select').value;
    const query = filters();
    let list;
    try {
      list = await readIntroductions(`/api/introductions${query ? `?${query}` : ''}`, pages.shown);
    } catch (e) {
      if (e instanceof Problem) { problemAt.replaceChildren(problemBox(e)); return; }
      throw e;
    }
    problemAt.replaceChildren();
    if (list.rules?.length) {
      rulesSaid.textContent = `${whose}, celles à suivre d’abord : ${list.rules.map(rule => rule.label).join(', ')}.`;
    }
    // How many to follow (the territory's, when narrowed to one); and, when a stage or the reminders leave some out,
    // how many lines are left: the pager says nothing once they all fit on the page.
    const kept = !(status || reminded.value) ? ''
      : list.total === 0 ? ' ; aucune ligne ne répond à ces critères'
        : ` ; ${list.total} ligne${list.total > 1 ? 's répondent' : ' répond'} à ces critères`;
    summary.textContent = `${list.toFollow
      ? `${list.toFollow} mise${list.toFollow > 1 ? 's' : ''} en relation à suivre` : 'Aucune mise en relation à suivre'}${kept}.`;
    stageChoices(stage.querySelector('select'), list.stages || []);
    if (territory.options.length === 1 && (list.territories || []).length > 1) {
      const option = choice => h('option', { value: choice.territory },
        `${choice.name} (${choice.level === 'région' ? 'région' : choice.territory.split(':')[1]})`);
      // An admin's hundred-odd: régions, then départements, each under its heading; a facilitator's, as they come.
      const regions = list.territories.filter(choice => choice.level === 'région');
      const departements = list.territories.filter(choice => choice.level !== 'région');
      territory.append(...(context.session.role === 'ADMIN'
        ? [h('optgroup', { label: 'Régions' }, regions.map(option)), h('optgroup', { label: 'Départements' }, departements.map(option))]
        : list.territories.map(option)));
      territoryField.hidden = false;
    }
    // A line whose reminder form is open stays as it is: a live redraw would take away what is being typed. Even a
    // line the filters no longer keep (the partner answered during the call): it stays, said to be so, until its form
    // is sent or closed.
    const open = new Map([...rows.querySelectorAll('tr[data-introduction]')]
      .filter(line => line.querySelector('details[open]')).map(line => [line.dataset.introduction, line]));
    const listed = new Set(list.introductions.map(entry => entry.id));
    const left = [...open.values()].filter(line => !listed.has(line.dataset.introduction));
    for (const line of left) {
      if (line.querySelector('[data-hors-filtres]')) continue;
      line.querySelector('form[data-form=relance]')?.before(h('p', { class: 'aide', 'data-hors-filtres': '' },
        'Cette mise en relation ne répond plus aux filtres (elle a changé entre-temps) : notez votre relance ou fermez.'));
      announce('Une mise en relation dont vous notez la relance a changé entre-temps : sa ligne reste jusqu’à ce que vous la fermiez.');
    }
    // The keyboard keeps its place: the same control of the same line, drawn anew (or kept).
    const focused = rows.contains(document.activeElement) ? document.activeElement : null;
    const focusedLine = focused?.closest('tr[data-introduction]')?.dataset.introduction;
    const focusedIndex = focusedLine === undefined ? -1
      : [...focused.closest('tr').querySelectorAll('a, summary, button, input, select')].indexOf(focused);
    rows.replaceChildren(...list.introductions.map(entry => open.get(entry.id) || row(entry, load)), ...left);
    if (focused && document.activeElement !== focused) {
      const again = focused.isConnected ? focused : [...(rows.querySelector(`tr[data-introduction="${CSS.escape(focusedLine)}"]`)
        ?.querySelectorAll('a, summary, button, input, select') || [])][focusedIndex];
      again?.focus();
    }
    table.hidden = list.introductions.length === 0 && left.length === 0;
    empty.hidden = list.introductions.length > 0;
    empty.textContent = onlyToFollow.checked || status || reminded.value || territory.value ? 'Aucune mise en relation ne répond à ces critères.' : 'Aucune mise en relation pour l’instant.';
    pages.update(list.introductions.length, list.total);
  });
  await load();
  // A step of any introduction the reader may read may change the list: read again (a burst of events is one reading),
  // and a few times after the last event, or a line would stay as it was until the next one.
  return followIntroductions(load, { readAgainAfter: READ_AGAIN_AFTER });
}

/** When the list is read again after the last event of a burst, in milliseconds. */
const READ_AGAIN_AFTER = [1200, 3000, 6000];

/**
 * One introduction: its two sides (each leading to its introductions), its stage, its last step, why to follow it, and
 * its last reminder with the form to note one.
 */
function row(entry, reload) {
  const side = actor => actor
    ? h('a', { href: `#/mises-en-relation/${actor.id}` }, actor.name || 'Organisation')
    : 'Organisation inconnue';
  return h('tr', { 'data-introduction': entry.id },
    h('td', {}, side(entry.actor), ' et ', side(entry.partner)),
    h('td', {}, h('span', { class: 'etiquette', 'data-statut': entry.status }, entry.statusLabel || entry.status)),
    h('td', {}, `${entry.lastStep || ''}${entry.lastStepAt ? ` — ${formatDate(entry.lastStepAt)}` : ''}`),
    h('td', { 'data-a-suivre': entry.toFollow?.reason || '' }, entry.toFollow ? entry.toFollow.label : '—'),
    reminderCell(entry, reload));
}

/**
 * The last reminder noted (« Relancée le 5 décembre 2026 par téléphone (Ville de Chambéry) ») and, while the
 * introduction is open, « Noter une relance »: to whom (one side or both), how, and a note that stays in its history.
 */
function reminderCell(entry, reload) {
  const last = entry.lastReminder;
  const said = last ? h('p', { 'data-relance': '' }, `Relancée le ${formatDate(last.at)} ${last.label} `
    + `(${last.reminded ? last.reminded.name || 'une organisation' : 'les deux organisations'})`) : null;
  if (CLOSED.has(entry.status)) return h('td', {}, said || '—');
  const sides = Object.fromEntries([entry.actor, entry.partner].filter(Boolean).map(side => [side.id, side.name || 'Organisation']));
  const form = h('form', { novalidate: true, 'data-form': 'relance' },
    h('div', { class: 'probleme-formulaire' }),
    field('Qui avez-vous relancé ?', select('remindedActorId', sides, '', { empty: 'Les deux organisations' })),
    field('Comment ?', select('channel', CHANNELS, 'PHONE')),
    field('Note (facultative)', h('input', { name: 'note' }), KEPT_IN_HISTORY),
    h('button', { type: 'submit' }, 'Enregistrer la relance'));
  const details = h('details', { 'data-noter-relance': entry.id },
    h('summary', {}, 'Noter une relance', h('span', { class: 'sr-only' }, ` : ${Object.values(sides).join(' et ')}`)), form);
  // A reminder sent again after its answer was lost is looked for first, not noted twice (stepSender).
  const send = stepSender(entry.id, 'reminders', (step, body) => step.type === 'IntroductionReminderRecordedEvent'
    && step.reason === body.channel && (step.actorId ?? null) === body.remindedActorId && (step.text ?? null) === body.note);
  form.addEventListener('submit', event => {
    event.preventDefault();
    busyWhile(form, async () => {
      try {
        // The line is drawn from the introduction's view: sent, and read once the view has the new step.
        await send({ remindedActorId: form.elements.remindedActorId.value || null, channel: form.elements.channel.value,
          note: form.elements.note.value.trim() || null });
        details.open = false;
        announce('Relance notée.');
        await reload();
        // The line is drawn anew: the focus goes back to where it was, on its « Noter une relance ».
        document.querySelector(`details[data-noter-relance="${CSS.escape(entry.id)}"] summary`)?.focus();
      } catch (e) {
        if (e instanceof Problem) showProblem(form, e); else throw e;
      }
    });
  });
  return h('td', {}, said, details);
}
