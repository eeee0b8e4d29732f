// Small DOM helpers and the French labels of the API's codes.

/** Builds an element: h('p', {class: 'x'}, 'texte', child). Attributes starting with "on" are listeners. */
export function h(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export function announce(message) {
  const region = document.getElementById('annonces');
  region.textContent = '';
  setTimeout(() => { region.textContent = message; }, 50);
}

/** A problem document as a French alert: the API's title and detail. */
export function problemBox(problem) {
  const doc = problem.document || { title: 'Erreur', detail: problem.message };
  return h('div', { class: 'probleme', role: 'alert', 'data-status': problem.status },
    h('strong', {}, doc.title || 'Action refusée'), doc.detail ? h('p', { style: null }, doc.detail) : null);
}

/** Puts the API's messages next to the fields they name (name="territory.code"), and the rest at the top. */
export function showProblem(form, problem) {
  clearProblems(form);
  const top = form.querySelector('.probleme-formulaire');
  const unplaced = [];
  for (const error of problem.fieldErrors || []) {
    const field = form.querySelector(`[name="${CSS.escape(error.field)}"]`)
      || form.querySelector(`[data-champ="${CSS.escape(error.field)}"]`);
    if (!field) { unplaced.push(error); continue; }
    const id = `erreur-${error.field.replace(/[^a-zA-Z0-9]/g, '-')}-${Math.random().toString(36).slice(2, 7)}`;
    field.setAttribute('aria-invalid', 'true');
    field.setAttribute('aria-describedby', [field.getAttribute('aria-describedby'), id].filter(Boolean).join(' '));
    field.after(h('p', { class: 'erreur-champ', id }, error.message));
  }
  top.replaceChildren(problemBox(problem));
  if (unplaced.length) {
    top.firstChild.append(h('ul', {}, unplaced.map(e => h('li', {}, `${e.field} : ${e.message}`))));
  }
  const firstInvalid = form.querySelector('[aria-invalid="true"]');
  (firstInvalid || top.firstChild).focus?.();
  if (!firstInvalid) top.firstChild.setAttribute('tabindex', '-1'), top.firstChild.focus();
}

export function clearProblems(form) {
  form.querySelectorAll('.erreur-champ').forEach(e => e.remove());
  form.querySelectorAll('[aria-invalid]').forEach(e => {
    e.removeAttribute('aria-invalid');
    const kept = (e.getAttribute('aria-describedby') || '').split(' ').filter(id => id && !id.startsWith('erreur-')).join(' ');
    if (kept) e.setAttribute('aria-describedby', kept); else e.removeAttribute('aria-describedby');
  });
  const top = form.querySelector('.probleme-formulaire');
  if (top) top.replaceChildren();
}

let fieldCounter = 0;
/** A labelled field; `input` is the control (its id is set here). */
/**
 * Beside a free text kept in the introductions' history (kept as long as the events are, and hashed by the history):
 * it is about the partnership, not about people (a pseudonymous history cannot forget a name written there).
 */
export const KEPT_IN_HISTORY = 'Écrivez sur le partenariat, pas sur des personnes : ce texte reste dans l’historique.';

/** A labelled control, its help (if any) read with it; {@code after}: what follows the control (a line it updates). */
export function field(label, input, help, ...after) {
  const id = input.id || `champ-${++fieldCounter}`;
  input.id = id;
  const helpId = help ? `${id}-aide` : null;
  if (helpId) input.setAttribute('aria-describedby', helpId);
  return h('div', { class: 'champ' }, h('label', { for: id }, label), help ? h('p', { class: 'aide', id: helpId }, help) : null, input, ...after);
}

export function select(name, options, selected, { empty } = {}) {
  return h('select', { name },
    empty !== undefined ? h('option', { value: '' }, empty) : null,
    Object.entries(options).map(([value, label]) => h('option', { value, selected: value === selected }, label)));
}

export function checkboxes(legend, name, options, checked = []) {
  return h('fieldset', { 'data-champ': name }, h('legend', {}, legend),
    h('div', { class: 'cases' }, Object.entries(options).map(([value, label]) =>
      h('label', {}, h('input', { type: 'checkbox', name, value, checked: checked.map(String).includes(String(value)) }), label))));
}

export function checkedValues(form, name) {
  return [...form.querySelectorAll(`input[name="${name}"]:checked`)].map(input => input.value);
}

/**
 * Labs work on French local time, as the service does: an outcome dated "today" is today in Paris, and the service
 * refuses a day before the introduction's proposal day there. The browser's own zone is not the lab's (a laptop set to
 * UTC, a colleague overseas), nor is the UTC date of toISOString between midnight in Paris and midnight in UTC.
 */
export const LAB_TIME_ZONE = 'Europe/Paris';

/** The day it is in the lab's zone, as an ISO date (the value of an input of type date). */
export function labToday(now = new Date()) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: LAB_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(now);
  const part = type => parts.find(p => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/**
 * The instant that a day and an hour in the lab's zone name (« 2026-12-04 » and « 14:30 », the values of inputs of type
 * date and time), as the API takes instants: a meeting typed at 14:30 is at 14:30 in Paris whatever the browser's
 * zone. Null when either is missing or unreadable. An hour the clocks skip in spring is taken an hour later; one they
 * go through twice in autumn, the second time.
 */
export function labInstant(day, time) {
  const wall = Date.parse(`${day}T${time}Z`); // the lab's clock read as if it were UTC
  if (!day || !time || Number.isNaN(wall)) return null;
  // Paris's offset depends on the instant sought: taken at the wall time read as UTC, then at the instant it gives.
  const guess = wall - labOffset(wall);
  return new Date(wall - labOffset(guess)).toISOString();
}

/** How far the lab's clock is ahead of UTC at an instant, in milliseconds. */
function labOffset(instant) {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: LAB_TIME_ZONE, hourCycle: 'h23', year: 'numeric',
    month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' }).formatToParts(new Date(instant));
  const part = type => Number(parts.find(p => p.type === type).value);
  const onTheLabsClock = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'), part('second'));
  return onTheLabsClock - Math.floor(instant / 1000) * 1000; // the parts stop at the second
}

/** A plain day of the API ("2026-12-04"): the day it names, in every zone. */
const PLAIN_DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A day in French words. A plain day is shown as written (read as an instant, "2026-12-04" would be midnight UTC, the
 * 3rd west of Greenwich); an instant is shown on the lab's calendar (Paris), the day the service's rules count it on:
 * an introduction proposed at 03:00 in Paris is « proposée le 5 », and an outcome dated the 4th is refused as before
 * it, even for a reader in Martinique, where it was still the 4th.
 */
export function formatDate(value) {
  if (!value) return '—';
  const options = { day: 'numeric', month: 'long', year: 'numeric' };
  options.timeZone = PLAIN_DAY.test(value) ? 'UTC' : LAB_TIME_ZONE;
  return firstOfTheMonth(new Date(value).toLocaleDateString('fr-FR', options));
}

/** An instant's day and time, in the reader's zone (the steps of a history). */
export function formatDateTime(value) {
  return firstOfTheMonth(new Date(value).toLocaleString('fr-FR', { day: 'numeric', month: 'long', year: 'numeric',
    hour: '2-digit', minute: '2-digit' }));
}

/** French writes the first of a month as an ordinal (« 1er décembre »), which the browser's format does not. */
function firstOfTheMonth(text) {
  return text.replace(/^1 /, '1er ');
}

/**
 * A deadline (an instant): its day and hour in the lab's zone, as the service's refusal will state them once it has
 * passed (« a expiré le … »). A day alone would leave the reader to guess whether the evening of that day still counts;
 * a reader elsewhere is told whose hour it is.
 */
export function formatDeadline(value) {
  if (!value) return '—';
  const shown = new Date(value).toLocaleString('fr-FR', { timeZone: LAB_TIME_ZONE, day: 'numeric', month: 'long',
    year: 'numeric', hour: '2-digit', minute: '2-digit' });
  const readerZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  return firstOfTheMonth(readerZone === LAB_TIME_ZONE ? shown : `${shown} (heure de Paris)`);
}

/**
 * When a session takes place: its day and start time, which are its territory's local time. A session overseas says
 * whose hour it is (« heure de La Réunion »), for the facilitators and administrators who read it from Paris.
 */
export function sessionStart(session) {
  const when = `${formatDate(session.date)} à ${(session.startsAt || '').slice(0, 5)}`;
  if (!session.timeZone || session.timeZone === LAB_TIME_ZONE) return when;
  // The browser's own names say « heure normale de l'Atlantique » for the Antilles: the territory's name is clearer.
  const zone = OVERSEAS_HOURS[session.timeZone] ?? new Intl.DateTimeFormat('fr-FR',
    { timeZone: session.timeZone, timeZoneName: 'long' }).formatToParts(new Date()).find(p => p.type === 'timeZoneName')?.value;
  return zone ? `${when} (${zone})` : when;
}

/** Whose hour a session overseas starts at, by the zone of its territory (one per overseas région). */
const OVERSEAS_HOURS = {
  'America/Guadeloupe': 'heure de la Guadeloupe',
  'America/Martinique': 'heure de la Martinique',
  'America/Cayenne': 'heure de la Guyane',
  'Indian/Reunion': 'heure de La Réunion',
  'Indian/Mayotte': 'heure de Mayotte',
};

/** The text with its first letter a capital, as a French sentence or label begins (« Le membre u-… », « Par téléphone »). */
export function capitalised(text) {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A contact person in one line, with what is on file of it (a name, an e-mail, a phone: any may be missing). */
export function contactLine(contact) {
  return [contact.name, contact.email, contact.phone].filter(Boolean).join(' — ');
}

/** A whole percentage, « 75 % », the sign after a narrow no-break space (U+202F) as in {@link rate}: never alone on a line. */
export function percent(value) {
  return value === null || value === undefined ? '—' : `${Math.round(value * 100)}\u202F%`;
}

/** A rate with its decimal, as French writes it: « 62,5 % », the sign after a narrow no-break space (U+202F). */
export function rate(value) {
  if (value === null || value === undefined) return '—';
  return `${(value * 100).toLocaleString('fr-FR', { maximumFractionDigits: 1 })}\u202F%`;
}

/** The lab's roles as the console names them: in the header (« Connecté : … (animation du labo) ») and in histories. */
export const ROLE_LABELS = { ADMIN: 'administration', FACILITATOR: 'animation du labo', ACTOR_MEMBER: 'membre', VIEWER: 'lecture seule' };

// The words of the services' own (events-schema's labels, or a category's short label), which the imports accept:
// ConsoleWordsTest keeps them so.
export const ACTOR_TYPES = {
  ASSOCIATION: 'Association', NETWORK_HEAD: 'Tête de réseau', MUNICIPALITY: 'Commune', INTERMUNICIPALITY: 'Intercommunalité',
  DEPARTMENT: 'Département', REGION: 'Région', STATE_AGENCY: 'Service de l’État', COMPANY: 'Entreprise', FOUNDATION: 'Fondation',
  ACADEMIC: 'Établissement d’enseignement ou de recherche', SOCIAL_ENTERPRISE: 'Structure de l’ESS', FACILITATOR_ORG: 'Accompagnateur',
};
/** The families of actors (events-schema ActorFamily), used by the dashboards. */
export const FAMILIES = {
  PEERS: 'Associations et réseaux', PUBLIC: 'Acteurs publics', PRIVATE: 'Acteurs privés', ACADEMIC: 'Enseignement et recherche',
  SOCIAL_ECONOMY: 'Économie sociale et solidaire', SUPPORT: 'Accompagnateurs',
};
export const CATEGORIES = {
  FUNDING: 'Financement', SKILLS: 'Compétences', VOLUNTEERS: 'Bénévoles', PREMISES: 'Locaux', EQUIPMENT: 'Matériel',
  NETWORK: 'Réseau', CO_PRODUCTION: 'Co-construction', ADVOCACY: 'Plaidoyer', POOLING: 'Mutualisation', EXPERIMENTATION: 'Expérimentation',
};
export const FORMS = { POSITIONING: 'Dialogue et plaidoyer', CO_PRODUCTION: 'Actions communes', POOLING: 'Mutualisation de moyens', RESOURCES: 'Apport de ressources' };
export const LEVELS = { COMMUNE: 'Commune', EPCI: 'Intercommunalité (SIREN)', DEPARTEMENT: 'Département', REGION: 'Région', NATIONAL: 'National (FR)' };
export const THEMES = {
  HEALTH_SOCIAL: 'Santé et social', YOUTH_EDUCATION: 'Jeunesse et éducation', ENVIRONMENT_BIODIVERSITY: 'Environnement et biodiversité',
  ENERGY_CLIMATE: 'Énergie et climat', MOBILITY: 'Mobilité', EMPLOYMENT_INSERTION: 'Emploi et insertion', FOOD: 'Alimentation',
  CULTURE: 'Culture', HOUSING: 'Logement', SPORT: 'Sport', DIGITAL_INCLUSION: 'Inclusion numérique',
  AGEING_DISABILITY: 'Âge et handicap', CITIZENSHIP: 'Citoyenneté et vie associative', LOCAL_ECONOMY: 'Développement économique local',
};
/** A need's status (« un besoin ouvert »); an offer's agrees in the feminine ({@link OFFER_STATUSES}). */
/** How a facilitator reminded a side of an introduction, as the words follow « relancée » (the API's channels). */
export const REMINDER_CHANNELS = { PHONE: 'par téléphone', EMAIL: 'par courriel', IN_PERSON: 'de vive voix', OTHER: 'autrement' };
export const STATUSES = { OPEN: 'Ouvert', WITHDRAWN: 'Retiré', FULFILLED: 'Satisfait', EXPIRED: 'Expiré' };
export const OFFER_STATUSES = { OPEN: 'Ouverte', WITHDRAWN: 'Retirée', FULFILLED: 'Satisfaite', EXPIRED: 'Expirée' };
export const COMPONENTS = {
  category: 'Catégorie', territory: 'Territoire', purpose: 'Finalité (ODD, thèmes)', description: 'Descriptions',
  crossFamily: 'Familles différentes', reciprocity: 'Réciprocité', freshness: 'Fraîcheur',
};
/** The 17 Sustainable Development Goals with their official colours (United Nations). */
export const SDGS = [
  [1, 'Pas de pauvreté', '#E5243B'], [2, 'Faim « zéro »', '#DDA63A'], [3, 'Bonne santé et bien-être', '#4C9F38'],
  [4, 'Éducation de qualité', '#C5192D'], [5, 'Égalité entre les sexes', '#FF3A21'], [6, 'Eau propre et assainissement', '#26BDE2'],
  [7, 'Énergie propre et d’un coût abordable', '#FCC30B'], [8, 'Travail décent et croissance économique', '#A21942'],
  [9, 'Industrie, innovation et infrastructure', '#FD6925'], [10, 'Inégalités réduites', '#DD1367'],
  [11, 'Villes et communautés durables', '#FD9D24'], [12, 'Consommation et production responsables', '#BF8B2E'],
  [13, 'Mesures relatives à la lutte contre les changements climatiques', '#3F7E44'], [14, 'Vie aquatique', '#0A97D9'],
  [15, 'Vie terrestre', '#56C02B'], [16, 'Paix, justice et institutions efficaces', '#00689D'], [17, 'Partenariats pour la réalisation des objectifs', '#19486A'],
];

/**
 * Runs `task` now, and once more after it for whatever asked meanwhile: never two at once, never a request lost.
 * Resolves when the page shows what was asked (the last run that started after the call ended).
 */
export function coalescing(task) {
  let running = null;
  let again = false;
  const run = async () => {
    do {
      again = false;
      try {
        await task();
      } catch (e) {
        if (!again) throw e; // asked again meanwhile: that run may succeed, and is owed
      }
    } while (again);
  };
  return () => {
    if (running) {
      again = true;
      return running;
    }
    running = run().finally(() => { running = null; });
    return running;
  };
}

/**
 * Draws anew with `draw` and gives the controls of `root` named by {@code data-cle} back what the user had in them, when
 * the new drawing still offers them: the choice made in a list, a box ticked or unticked (not yet sent: unlike what
 * the page drew), and the focus. A redraw brought by a live event takes nothing from a choice being made, nor the
 * keyboard's place. `items` names the lists' items ({@code li[data-<name>]}) whose controls may go with a redraw:
 * when the focused one went because of someone else's change (another device checked that participant in: no
 * « Arrivé » left), the focus goes to the same item itself rather than falling on the page's body — not to one of its
 * buttons, whose opposite action (« Absent ») a keystroke meant for the one gone would then do. The user's own action
 * (its control busy, {@link busyWhile}) is left to place the focus itself.
 */
export function keepingChoices(root, draw, items = []) {
  const chosen = [...root.querySelectorAll('select[data-cle]')].map(list => [list.dataset.cle, list.value]);
  const ticked = [...root.querySelectorAll('input[type="checkbox"][data-cle]')].filter(box => box.checked !== box.defaultChecked)
    .map(box => [box.dataset.cle, box.checked]);
  const focusedElement = root.contains(document.activeElement) ? document.activeElement : null;
  const focused = focusedElement?.dataset.cle;
  const othersChange = !focusedElement?.closest('[aria-busy="true"]');
  const itemName = othersChange ? items.find(name => focusedElement?.closest(`li[data-${name}]`)) : undefined;
  const item = itemName ? focusedElement.closest(`li[data-${itemName}]`) : null;
  const index = item ? [...root.querySelectorAll(`li[data-${itemName}]`)].indexOf(item) : -1;
  draw();
  const named = key => root.querySelector(`[data-cle="${CSS.escape(key)}"]`);
  for (const [key, value] of chosen) {
    const list = named(key);
    if (list && [...list.options].some(option => option.value === value)) list.value = value;
  }
  for (const [key, checked] of ticked) {
    const box = named(key);
    if (box && !box.disabled) box.checked = checked;
  }
  // The same control drawn anew (made focusable when it is a heading or a paragraph the focus was given to).
  if (focused) focusIfLost(named(focused));
  if (item) focusItemAgain(root, itemName, item.getAttribute(`data-${itemName}`), index, null, { itself: true });
}

/**
 * Where the focus is among the items of a list ({@code li[data-<name>]}): the item's key and the action
 * ({@code data-action}) of the control that has it; null when the focus is elsewhere. {@link controlOf} finds that
 * control again once the list is drawn anew.
 */
export function focusedControl(container, name) {
  const focused = document.activeElement;
  if (!focused || !container.contains(focused) || !focused.dataset.action) return null;
  const item = focused.closest(`li[data-${name}]`);
  return item && { key: item.getAttribute(`data-${name}`), action: focused.dataset.action };
}

/** The control of a list's item ({@code li[data-<name>="<key>"]}) doing `action`, or its first button; null if gone. */
export function controlOf(container, name, key, action) {
  const item = container.querySelector(`li[data-${name}="${CSS.escape(key)}"]`);
  return item?.querySelector(action ? `[data-action="${CSS.escape(action)}"]` : 'button') ?? null;
}

/**
 * Runs `task` (a function starting the request) once at a time for `control`, a button or a form: until it settles the
 * control says it is busy (aria-busy) and its buttons are disabled, so that a double click or a second Entrée sends
 * nothing more (a command recorded twice cannot be taken back). A button that has the focus is only marked
 * aria-disabled, as a disabled one would drop the focus on the page's body; a call while busy does nothing.
 * Resolves with what the task resolved with (undefined when the control was busy).
 */
export async function busyWhile(control, task) {
  if (!control) return typeof task === 'function' ? task() : task;
  if (control.dataset.occupe) return undefined;
  const buttons = (control instanceof HTMLFormElement ? [...control.querySelectorAll('button')] : [control]).filter(b => !b.disabled);
  control.dataset.occupe = 'true';
  control.setAttribute('aria-busy', 'true');
  for (const button of buttons) {
    button.setAttribute('aria-disabled', 'true');
    if (button !== document.activeElement) button.disabled = true;
  }
  try {
    return await (typeof task === 'function' ? task() : task);
  } finally {
    delete control.dataset.occupe;
    control.removeAttribute('aria-busy');
    for (const button of buttons) {
      button.removeAttribute('aria-disabled');
      button.disabled = false;
    }
  }
}

/**
 * The focus after a list was drawn anew without the control that had it (a participant checked in has no « Arrivé »
 * left, one withdrawn has no line): the same item's first button, else the item itself (made focusable), else the
 * item now at its place, else `fallback`; with `itself`, the item rather than its first button. Does nothing when the
 * focus is still on a control (kept by the redraw, or given to a refusal).
 */
export function focusItemAgain(container, name, key, index, fallback, { itself = false } = {}) {
  if (document.activeElement && document.activeElement !== document.body) return;
  const items = [...container.querySelectorAll(`li[data-${name}]`)];
  const item = items.find(li => li.getAttribute(`data-${name}`) === key) || items[Math.min(index, items.length - 1)];
  const target = (itself ? null : item?.querySelector('button')) || item || fallback;
  if (!target) return;
  if (target === item || target === fallback) target.setAttribute('tabindex', '-1');
  target.focus();
}

/**
 * The focus after the control that had it went with a redraw (« Publier le plan » once published, « Lancer le tour »
 * once started): `target` (made focusable), which says what the action did, instead of the page's body, where a
 * keyboard or screen-reader user would lose their place. Does nothing when the focus is on something still there.
 */
export function focusIfLost(target) {
  if (!target || (document.activeElement && document.activeElement !== document.body)) return;
  if (!target.matches('a[href], button, input, select, textarea, [tabindex]')) target.setAttribute('tabindex', '-1');
  target.focus();
}

/**
 * The « Statut » choices of a list of introductions: all, then each stage it has introductions at, with how many, in
 * the lifecycle's order ({@code stages}, as the API gives them); the one chosen stays, with none left at it.
 */
export function stageChoices(choice, stages) {
  const chosen = choice.value;
  const all = stages.reduce((sum, s) => sum + s.count, 0);
  const option = (status, label, count) => h('option', { value: status, 'data-libelle': label }, `${label} (${count})`);
  const options = [option('', 'tous', all), ...stages.map(s => option(s.status, s.label, s.count))];
  if (chosen && !stages.some(s => s.status === chosen)) {
    options.push(option(chosen, choice.selectedOptions[0]?.dataset.libelle || chosen, 0));
  }
  const labels = options.map(o => `${o.value}=${o.textContent}`).join('|');
  if (choice.dataset.choix === labels) return; // unchanged: the list open in the reader's hand is left alone
  choice.dataset.choix = labels;
  choice.replaceChildren(...options);
  choice.value = chosen;
}

/**
 * A list of introductions shown a page at a time: « 25 mises en relation affichées sur 240. » and « Afficher les 25 suivantes » under it
 * (both hidden when all are shown). A click asks {@code load} for one more page ({@code shown} grows), then gives the
 * focus to the first item it added ({@code focusOf} an item: the control to focus, made focusable if it is not).
 */
export function pager(list, page, load, focusOf) {
  let shown = page;
  const count = h('p', { 'data-compte': '', hidden: true });
  const more = h('button', { type: 'button', class: 'secondaire', hidden: true, 'data-action': 'suivantes',
    onclick: async () => {
      const before = list.children.length;
      shown += page;
      await load();
      const target = list.children[before] && focusOf(list.children[before]);
      if (target) {
        if (!target.matches('a, button, input, select, textarea')) target.setAttribute('tabindex', '-1');
        target.focus();
      }
    } });
  return {
    elements: [count, more],
    get shown() { return shown; },
    /** Back to the first page (another filter chosen). */
    reset() { shown = page; },
    /** Says how many are shown of how many. */
    update(showing, total) {
      count.hidden = more.hidden = total <= showing;
      count.textContent = `${showing} mises en relation affichées sur ${total}.`;
      const next = Math.min(page, total - showing);
      more.textContent = next === 1 ? 'Afficher la suivante' : `Afficher les ${next} suivantes`;
    },
  };
}
