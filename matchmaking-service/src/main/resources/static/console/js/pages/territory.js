// A facilitator's territory: its actors (search), each actor's page and partners, registering or importing actors,
// bringing the lab's past introductions, and introductions proposed in a batch from the matcher.
import { actorsOf, matchmaking, profile, Problem } from '../api.js';
import { actorBody, actorFields } from '../actor-form.js';
import { LEVEL_WORDS, named } from '../territory-field.js';
import { ACTOR_TYPES, announce, busyWhile, clearProblems, field, h, problemBox, showProblem } from '../ui.js';

export async function render(main, context) {
  const departements = context.session.territories.filter(t => t.startsWith('DEPARTEMENT:')).map(t => t.split(':')[1]);
  // What the facilitator may do on each actor is decided by the API when it acts; the list is its départements'.
  let mine = await actorsOf(context.session.territories);
  const caption = h('caption', {});
  const search = h('input', { type: 'search', name: 'recherche', id: 'recherche-acteurs' });
  const body = h('tbody', {});
  const show = () => {
    const term = folded(search.value.trim());
    const shown = mine.filter(a => !term || folded(a.name).includes(term));
    // What the table shows, out of how many: « 2 acteurs sur 569 » while a search narrows it.
    caption.textContent = !term ? `${mine.length} acteur${s(mine.length)}`
      : shown.length ? `${shown.length} acteur${s(shown.length)} sur ${mine.length}`
        : `Aucun acteur sur ${mine.length} ne correspond à « ${search.value.trim()} »`;
    body.replaceChildren(...shown.map(a => h('tr', {},
      h('th', { scope: 'row' }, a.name), h('td', {}, ACTOR_TYPES[a.type] || a.type), named(h('td', {}, a.homeTerritory), 'COMMUNE', a.homeTerritory),
      h('td', {}, h('a', { href: `#/organisation/${a.id}` }, 'Besoins et offres'), ' · ', h('a', { href: `#/partenaires/${a.id}` }, 'Partenaires')))));
  };
  search.addEventListener('input', show);
  const reload = async () => {
    mine = await actorsOf(context.session.territories);
    show();
  };
  main.replaceChildren(
    territoryHeading(context.session.territories),
    field('Rechercher un acteur', search),
    h('div', { class: 'table-defile' }, h('table', {}, caption,
      h('thead', {}, h('tr', {}, ['Nom', 'Type d’acteur', 'Commune', 'Pages'].map(t => h('th', { scope: 'col' }, t)))), body)),
    registerForm(), importForm(reload), pastIntroductionsForm(), batchForm(departements[0]));
  show();
  return null;
}

function registerForm() {
  const form = h('form', { novalidate: true, class: 'carte' },
    h('h2', {}, 'Inscrire un acteur'), h('div', { class: 'probleme-formulaire' }),
    ...actorFields(),
    h('button', { type: 'submit' }, 'Inscrire'));
  form.addEventListener('submit', event => {
    event.preventDefault();
    busyWhile(form, () => register(form));
  });
  return form;
}

/** One actor per click: a second submit while the first is sent registers nothing more. */
async function register(form) {
  try {
    const { id } = await profile('/api/actors', { method: 'POST', body: actorBody(form) });
    announce('Acteur inscrit.');
    location.hash = `#/organisation/${id}`;
  } catch (e) {
    if (e instanceof Problem) showProblem(form, e); else throw e;
  }
}

/**
 * A form that sends a spreadsheet saved as CSV (Excel's « CSV UTF-8 » or its plain « CSV », `;`) as it is to an
 * all-or-nothing import: the API's problem lists every faulty line; else `send` gives the report, which `show` turns
 * into what to display.
 */
function fileImportForm({ id, inputId, title, help, send, show }) {
  const result = h('div', { 'aria-live': 'polite', class: 'resultat-import' });
  const file = h('input', { type: 'file', name: 'fichier', id: inputId, accept: '.csv,text/csv' });
  const form = h('form', { novalidate: true, class: 'carte', id },
    h('h2', {}, title), h('div', { class: 'probleme-formulaire' }), field('Fichier CSV', file, help),
    h('button', { type: 'submit' }, 'Importer'), result);
  form.addEventListener('submit', event => {
    event.preventDefault();
    busyWhile(form, () => importNow());
  });
  const importNow = async () => {
    result.replaceChildren();
    const chosen = file.files && file.files[0];
    if (!chosen) {
      showProblem(form, new Problem(400, { title: 'Données invalides', detail: 'Choisissez un fichier CSV.',
        errors: [{ field: 'fichier', message: 'aucun fichier choisi' }] }));
      return;
    }
    try {
      const report = await send(await chosen.arrayBuffer());
      clearProblems(form);
      result.replaceChildren(...await show(report));
    } catch (e) {
      if (e instanceof Problem) showProblem(form, e); else result.replaceChildren(problemBox(e));
    }
  };
  return form;
}

/** The plural mark of French words counted `count` times (0 and 1 take none). */
const s = count => (count > 1 ? 's' : '');

/**
 * « Mon territoire : Isère (38) », each département or région of the facilitator by its name (its code until the name
 * is read); « Acteurs » for whom serves none (an admin).
 */
function territoryHeading(territories) {
  const served = territories.map(t => t.split(':')).filter(([level]) => level === 'DEPARTEMENT' || level === 'REGION');
  if (!served.length) return h('h1', {}, 'Acteurs');
  return h('h1', {}, 'Mon territoire : ', served.flatMap(([level, code], i) => [i ? ', ' : '',
    named(h('span', { 'data-territoire': `${level}:${code}` }, `${LEVEL_WORDS[level].toLowerCase()} ${code}`), level, code)]));
}

/** A name as the search compares it: without case, accents, hyphens or apostrophes (« ecole » finds « École »). */
function folded(text) {
  // « œ » and « æ » have no decomposition: written out, so that « Coeur » finds « Cœur ».
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase().replace(/œ/g, 'oe').replace(/æ/g, 'ae')
    .replace(/[-'’]/g, ' ').replace(/\s+/g, ' ');
}

/** POST /api/actors/import: every new actor registered, and which were already there. */
function importForm(reload) {
  return fileImportForm({
    id: 'import-acteurs', inputId: 'fichier-acteurs', title: 'Importer des acteurs (fichier CSV)',
    help: 'Un tableur enregistré en CSV (séparateur « ; »), une ligne d’en-tête : nom, type, commune (code INSEE) '
      + 'obligatoires ; thèmes, ODD, description, contact nom, contact courriel, contact téléphone facultatifs. '
      + 'Une seule ligne en erreur et rien n’est importé ; un acteur déjà inscrit (même nom, même commune) n’est pas inscrit deux fois.',
    send: bytes => profile('/api/actors/import', { method: 'POST', body: bytes, bodyType: 'text/csv' }),
    show: async report => {
      announce(`Import terminé : ${report.registered} inscrits, ${report.alreadyRegistered} déjà inscrits.`);
      // The actors are registered: a list that cannot be read again just now must not show the import as failed.
      await reload().catch(() => announce('La liste des acteurs n’a pas pu être relue : rechargez la page pour la voir.'));
      return [
        h('p', { class: 'succes', 'data-inscrits': report.registered, 'data-deja-inscrits': report.alreadyRegistered },
          `${report.registered} acteur${s(report.registered)} inscrit${s(report.registered)}, `
          + `${report.alreadyRegistered} déjà inscrit${s(report.alreadyRegistered)}.`),
        h('div', { class: 'table-defile' }, h('table', {}, h('caption', {}, 'Acteurs du fichier'),
          h('thead', {}, h('tr', {}, ['Ligne', 'Nom', 'Commune', 'Résultat'].map(t => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, report.lines.map(line => h('tr', { 'data-acteur': line.actorId },
            h('td', {}, String(line.line)), h('th', { scope: 'row' }, h('a', { href: `#/organisation/${line.actorId}` }, line.name)),
            named(h('td', {}, line.homeTerritory), 'COMMUNE', line.homeTerritory), h('td', {}, line.outcomeLabel))))))];
    }
  });
}

/**
 * POST /api/introductions/past: the lab's past introductions, from the spreadsheet it kept them in, each recorded
 * with its own dates; the same file again records nothing more.
 */
function pastIntroductionsForm() {
  return fileImportForm({
    id: 'import-historique', inputId: 'fichier-historique', title: 'Reprendre l’historique des mises en relation (fichier CSV)',
    help: 'Une mise en relation passée par ligne, une ligne d’en-tête : acteur, partenaire (nom ou identifiant), proposée le '
      + '(obligatoires) ; acceptée le, ou déclinée le, déclinée par (acteur, partenaire ou son nom) et raison du refus ; rencontre le ; '
      + 'suite (pas de suite, suite prévue, partenariat conclu), suite le, forme, catégorie ; fin du partenariat le ; note. '
      + 'Dates jj/mm/aaaa. Une seule ligne en erreur et rien n’est repris ; renvoyer le même fichier ne reprend rien deux fois. '
      + 'La note reste dans l’historique de sa mise en relation, qui ne s’efface pas : rien sur des personnes (ni nom, ni courriel, ni téléphone).',
    send: bytes => matchmaking('/api/introductions/past', { method: 'POST', body: bytes, bodyType: 'text/csv' }),
    show: report => {
      announce(`Reprise terminée : ${report.recorded} reprises, ${report.alreadyRecorded} déjà reprises.`);
      return [
        h('p', { class: 'succes', 'data-reprises': report.recorded, 'data-deja-reprises': report.alreadyRecorded },
          `${report.recorded} mise${s(report.recorded)} en relation reprise${s(report.recorded)}, `
          + `${report.alreadyRecorded} déjà reprise${s(report.alreadyRecorded)}`
          + (report.notRecorded ? `, ${report.notRecorded} non reprise${s(report.notRecorded)} (voir le tableau).` : '.')),
        h('div', { class: 'table-defile' }, h('table', {}, h('caption', {}, 'Mises en relation du fichier'),
          h('thead', {}, h('tr', {}, ['Ligne', 'Acteur', 'Partenaire', 'Résultat'].map(t => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, report.lines.map(line => h('tr', { 'data-mise-en-relation': line.introductionId },
            h('td', {}, String(line.line)),
            h('th', { scope: 'row' }, h('a', { href: `#/mises-en-relation/${line.actorId}` }, line.actorName)),
            h('td', {}, h('a', { href: `#/mises-en-relation/${line.partnerId}` }, line.partnerName)),
            h('td', {}, line.label))))))];
    }
  });
}

/** POST /api/introductions/batch: the matcher's best partners for every actor of a territory, proposed at once. */
function batchForm(departement) {
  const result = h('div', { 'aria-live': 'polite' });
  const form = h('form', { novalidate: true, class: 'carte' },
    h('h2', {}, 'Proposer des mises en relation en lot'), h('div', { class: 'probleme-formulaire' }),
    // Named as the API names its errors (territory.code), which are then shown beside it.
    field('Département', h('input', { name: 'territory.code', 'data-champ': 'territory', value: departement || '' })),
    field('Partenaires par acteur', h('input', { name: 'partnersPerActor', type: 'number', min: 1, max: 5, value: 1 })),
    h('button', { type: 'submit' }, 'Proposer'), result);
  // One batch per click: a second submit while the first runs proposes nothing more.
  form.addEventListener('submit', event => {
    event.preventDefault();
    busyWhile(form, async () => {
      try {
        const answer = await matchmaking('/api/introductions/batch', { method: 'POST', body: {
          territory: { level: 'DEPARTEMENT', code: form.elements['territory.code'].value.trim() },
          partnersPerActor: Number(form.elements.partnersPerActor.value) } });
        clearProblems(form);
        result.replaceChildren(...batchReport(answer));
        announce(result.firstChild.textContent);
      } catch (e) {
        if (e instanceof Problem) showProblem(form, e); else result.replaceChildren(problemBox(e));
      }
    });
  });
  return form;
}

/**
 * What a batch did: the introductions proposed, the actors for whom the matcher found no partner at all, and the top
 * partners left out, by reason (already introduced, for instance).
 */
function batchReport(answer) {
  const proposed = answer.proposed ?? (answer.introductions || answer.created || []).length;
  const skipped = answer.skipped || [];
  const skippedCount = skipped.reduce((sum, reason) => sum + (reason.count || 0), 0);
  const without = answer.actorsWithoutPartner || 0;
  return [
    h('p', { class: 'succes', 'data-proposees': proposed, 'data-ecartees': skippedCount, 'data-sans-partenaire': without },
      `${proposed} mise${s(proposed)} en relation proposée${s(proposed)} ; `
      + `${without} acteur${s(without)} sans partenaire ; `
      + `${skippedCount} partenaire${s(skippedCount)} écarté${s(skippedCount)}${skippedCount ? ' :' : '.'}`),
    skippedCount ? h('ul', {}, skipped.filter(reason => reason.count).map(reason =>
      h('li', { 'data-raison': reason.reason }, `${reason.label || reason.reason} : ${reason.count}`))) : null,
  ].filter(Boolean);
}
