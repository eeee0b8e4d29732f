// An actor's introductions: answer (accept, decline with a reason), withdraw one the reader proposed, the partner's
// contact once both sides accepted, the outcome recorded later on, and each introduction's history with the check
// that it was not altered.
import { matchmaking, namesAt, personAsReadBy, profile, Problem, readIntroductions, stepSender, untilTheViewShows } from '../api.js';
import { currentSession } from '../auth.js';
import { changesIntroductions, onEvent } from '../live.js';
import { CATEGORIES, FORMS, KEPT_IN_HISTORY, announce, busyWhile, clearProblems, coalescing, contactLine, field, formatDate, formatDateTime, formatDeadline, h, labToday, problemBox, REMINDER_CHANNELS, ROLE_LABELS, select, pager, showProblem, stageChoices } from '../ui.js';
import { absence, meetingsSection } from './meetings.js';

const REASONS = { NOT_RELEVANT: 'Pas pertinent pour nous', ALREADY_PARTNERS: 'Déjà partenaires', NOT_NOW: 'Pas maintenant', COMPETITOR: 'Concurrent', OTHER: 'Autre raison' };
/** The outcomes, in the words of the stages the cards show once recorded (IntroductionStage: « pas de suite »…). */
const OUTCOMES = { NO_FIT: 'Pas de suite', FOLLOW_UP_PLANNED: 'Suite prévue', PARTNERSHIP_FORMED: 'Partenariat conclu', PARTNERSHIP_ENDED: 'Partenariat terminé' };
/** The outcome that says what partnership was made (its form and category, required then and refused otherwise). */
const PARTNERSHIP = 'PARTNERSHIP_FORMED';
/** Statuses (the API's slugs) once both sides accepted: the partner's contact is then theirs to see. */
const BOTH_ACCEPTED = ['accepted', 'met', 'no-fit', 'follow-up', 'partnership', 'partnership-ended'];

export async function render(main, context, actorId) {
  // The people the reader may know by name (its organisation's members, the lab's team): who wrote a proposal's note.
  const [{ profile: actor }, people] = await Promise.all([profile(`/api/actors/${actorId}`), namesOfWhoMayHaveActed(actorId)]);
  const summary = h('p', {});
  const problemAt = h('div', {});
  const list = h('ul', { class: 'grille', role: 'list' });
  const empty = h('p', { hidden: true }, 'Aucune mise en relation pour l’instant.');
  // What the reader opened (a history, its verification) stays as it was when its card is drawn anew.
  const histories = new Map();
  /** The cards on the page, by introduction id, with the inbox entry each was drawn from. */
  const drawn = new Map();
  // An actor of many years has hundreds of introductions: the page shows a stage at a time if asked (« Statut »), and
  // the first ones in the inbox's order (those waiting for an answer first), more on demand.
  const stage = field('Statut', h('select', { name: 'statut', 'data-filtre': 'statut' }));
  const pages = pager(list, PAGE, () => load(), item => item.querySelector('h2'));
  stage.querySelector('select').addEventListener('change', () => { pages.reset(); load(); });
  main.replaceChildren(h('h1', {}, `Mises en relation de ${actor.name}`), summary, h('div', { class: 'filtres' }, stage), problemAt,
    list, empty, ...pages.elements);
  const load = coalescing(async () => {
    let inbox;
    try {
      const status = stage.querySelector('select').value;
      inbox = await readIntroductions(`/api/actors/${actorId}/introductions${status ? `?status=${encodeURIComponent(status)}` : ''}`, pages.shown);
    } catch (e) {
      if (e instanceof Problem) { problemAt.replaceChildren(problemBox(e)); return; }
      throw e;
    }
    problemAt.replaceChildren();
    const entries = inbox.introductions || [];
    summary.textContent = inbox.waitingForYourAnswer ? `${inbox.waitingForYourAnswer} en attente de votre réponse.` : 'Rien n’attend votre réponse.';
    stageChoices(stage.querySelector('select'), inbox.stages || []);
    empty.textContent = stage.querySelector('select').value ? 'Aucune mise en relation à ce statut.' : 'Aucune mise en relation pour l’instant.';
    empty.hidden = entries.length > 0;
    pages.update(entries.length, inbox.total ?? entries.length);
    // Only the cards whose introduction changed are drawn anew: the others keep what the reader is doing in them (a
    // form being filled in, the focus) and are not read again. A changed card takes over the forms the reader had
    // started, when the introduction still allows them, and the focus goes to the same control of the new card.
    const focused = document.activeElement;
    let focusInstead = null;
    const cards = entries.map(entry => {
      const key = JSON.stringify(entry);
      const before = drawn.get(entry.id);
      if (before && before.key === key) return before.item;
      const item = card(actorId, actor.name, people, entry, load, histories, () => { const now = drawn.get(entry.id); if (now) now.key = null; });
      if (before) {
        carryOver(before.item, item, entry);
        if (before.item.contains(focused)) focusInstead = sameControl(focused, item);
        if (before.item.isConnected) before.item.replaceWith(item);
      }
      drawn.set(entry.id, { key, item, sequence: entry.sequence });
      return item;
    });
    const ids = new Set(entries.map(entry => entry.id));
    for (const id of [...drawn.keys()]) if (!ids.has(id)) drawn.delete(id);
    // In the inbox's order, moving only the cards out of place (a moved card would lose the focus), then the ones left.
    cards.forEach((item, index) => { if (list.children[index] !== item) list.insertBefore(item, list.children[index] || null); });
    while (list.children.length > cards.length) list.lastElementChild.remove();
    if (focusInstead) focusInstead.focus();
    else if (focused && focused !== document.activeElement && focused.isConnected) focused.focus();
  });
  await load();
  // The inbox is a view fed by the same events as the live stream, through another consumer, which may trail the
  // stream's (by seconds, on a loaded server): told of an introduction's step n, the page reads at once, then again
  // until the introduction's line says it took that step in (its sequence), a little later each time and for about
  // fifteen seconds at most — the step of an introduction that is not in this inbox (a facilitator's batch for other
  // actors) never shows, and is given up then. A burst of events is one reading. An introduction's event heard
  // without its id is one the reader may not read: in no inbox it may open.
  const waiting = new Map();
  let again = null;
  let attempt = 0;
  let left = false;
  const plan = delay => { clearTimeout(again); again = setTimeout(check, delay); };
  const check = async () => {
    again = null;
    await load();
    if (left) return; // the reader left the page while it read: nothing more to read for it
    for (const [id, step] of waiting) if ((drawn.get(id)?.sequence ?? -1) >= step) waiting.delete(id);
    if (again) return; // a newer notification planned its own reading meanwhile
    if (waiting.size === 0 || attempt >= READ_AGAIN_AFTER.length) { waiting.clear(); attempt = 0; return; }
    plan(READ_AGAIN_AFTER[attempt++]);
  };
  const stop = onEvent(event => {
    if (!changesIntroductions(event) || !event.aggregateId) return;
    waiting.set(event.aggregateId, Math.max(event.sequence ?? -1, waiting.get(event.aggregateId) ?? -1));
    attempt = 0;
    plan(0);
  });
  return () => { left = true; stop(); clearTimeout(again); };
}

/** How many more introductions « Afficher les suivantes » shows. */
const PAGE = 25;

/** When the inbox is read again, in milliseconds after the previous reading, while a step told is not in it yet. */
const READ_AGAIN_AFTER = [800, 2000, 4000, 8000];

/**
 * Where the focus goes when the card that had it is drawn anew: nowhere to move if it was in a form the new card took
 * over; else the new card's same control (« Accepter », « Décliner », « Retirer », the history, its verification), or
 * its heading.
 */
function sameControl(focused, item) {
  if (item.contains(focused)) return null;
  const action = focused.closest('[data-action]')?.dataset.action;
  const same = action && item.querySelector(`[data-action="${action}"]`);
  if (same) return same;
  const heading = item.querySelector('h2');
  heading.setAttribute('tabindex', '-1');
  return heading;
}

/** What a form holds when drawn, to tell whether the reader started filling it in. */
const pristine = new WeakMap();

function values(form) {
  return [...form.elements].map(element => `${element.name}=${element.value}`).join('&');
}

function remember(form) {
  pristine.set(form, values(form));
  return form;
}

/** The forms drawn closed, which a button opens (« Décliner », « Retirer la mise en relation »). */
const OPENED_BY_A_BUTTON = ['decline', 'withdraw'];

/**
 * The reader is working in the form: it has the focus, was opened, or holds something else than what it was drawn
 * with — and was not sent (a sent decline, or one the acceptance made moot, goes with its card).
 */
function inUse(form) {
  if (form.dataset.sent) return false;
  return form.contains(document.activeElement)
    || (OPENED_BY_A_BUTTON.includes(form.dataset.form) ? !form.hidden : values(form) !== pristine.get(form));
}

/**
 * A card drawn anew takes the forms the reader was working in from the card it replaces (with what was typed), when
 * the introduction still allows them; when it no longer does, the reader is told why their form went.
 */
function carryOver(before, after, entry) {
  for (const form of before.querySelectorAll('form[data-form]')) {
    if (!inUse(form)) continue;
    const place = after.querySelector(`form[data-form="${form.dataset.form}"]`);
    if (place) {
      place.replaceWith(form);
    } else {
      announce(`La mise en relation avec ${(entry.partner && entry.partner.name) || 'ce partenaire'} est désormais « ${entry.statusLabel || entry.status} » : `
        + 'votre saisie ne peut plus être envoyée.');
    }
  }
}

/**
 * An introduction's card. {@code redrawLater}: what it read of its own (the partner's contact) failed, so the next
 * reading of the inbox draws it anew even if its entry did not change.
 */
function card(actorId, actorName, people, entry, reload, histories, redrawLater) {
  const partner = entry.partner || {};
  // The API names actors by their ids (who acted for whom, who missed a meeting): the two of this introduction are
  // known here by name.
  const names = { [actorId]: actorName, [partner.id]: partner.name };
  // Its last step drawn (data-sequence): what the reader sees of it (an outcome form's seenBy).
  const item = h('li', { class: 'carte', 'data-introduction': entry.id, 'data-sequence': entry.sequence },
    h('h2', {}, partner.name || 'Organisation'),
    h('p', {}, h('span', { class: 'etiquette', 'data-statut': entry.status }, entry.statusLabel || entry.status),
      entry.proposedAt ? ` — proposée le ${formatDate(entry.proposedAt)}` : '',
      entry.side ? ` — vous êtes ${entry.side}` : '',
      entry.waitingForYourAnswer && entry.answerBy ? ` — réponse attendue avant le ${formatDeadline(entry.answerBy)}` : ''),
    entry.lastStep ? h('p', { class: 'aide' }, `Dernière étape : ${entry.lastStep}`) : null,
    // The matcher's sentence and the proposal's note come with the inbox line: no request more per card.
    entry.sentence ? h('p', { class: 'phrase' }, entry.sentence) : null,
    entry.note ? h('p', {}, `${noteHeading(entry.noteBy, partner, people)} : ${entry.note}`) : null,
    h('div', { class: 'probleme-formulaire' }));
  // « Retirer la mise en relation », offered as the inbox line says the reader may (its proposer, or an admin, while it
  // waits for its answers): the console keeps no copy of that rule.
  const withdrawAt = h('div', {});
  if (entry.permissions?.withdraw === true) withdrawAt.append(...withdrawal(entry, reload));
  // The card on the page now: this one, or the one that replaced it while a request was under way.
  const current = () => (item.isConnected ? item : document.querySelector(`li[data-introduction="${CSS.escape(entry.id)}"]`)) || item;
  const act = (path, body, message, button) => busyWhile(button, async () => {
    try {
      await matchmaking(`/api/introductions/${entry.id}/${path}`, { method: 'POST', body: { actingFor: actorId, ...body } });
      // Accepted: a decline the reader had opened is moot.
      current().querySelectorAll('form[data-form="decline"]').forEach(form => { form.dataset.sent = 'true'; });
      announce(message);
      await answered(actorId, entry.id);
      await reload();
    } catch (e) {
      if (e instanceof Problem) current().querySelector('.probleme-formulaire').replaceChildren(problemBox(onThisPage(e))); else throw e;
    }
  });
  if (entry.waitingForYourAnswer) {
    const decline = h('form', { novalidate: true, hidden: true, 'data-form': 'decline' },
      h('div', { class: 'probleme-formulaire' }),
      field('Raison', select('reason', REASONS, 'NOT_RELEVANT')),
      field('Précision (facultative)', h('input', { name: 'text' }), KEPT_IN_HISTORY),
      h('button', { type: 'submit', class: 'danger' }, 'Confirmer le refus'));
    decline.addEventListener('submit', event => {
      event.preventDefault();
      busyWhile(decline, () => sendDecline(decline));
    });
    const sendDecline = async decline => {
      try {
        await matchmaking(`/api/introductions/${entry.id}/decline`, { method: 'POST', body: {
          actingFor: actorId, reason: decline.elements.reason.value, text: decline.elements.text.value.trim() || null } });
        decline.dataset.sent = 'true';
        announce('Mise en relation déclinée.');
        await answered(actorId, entry.id);
        await reload();
      } catch (e) {
        if (e instanceof Problem) showProblem(decline, onThisPage(e)); else throw e;
      }
    };
    item.append(h('div', { class: 'actions' },
      h('button', { type: 'button', 'data-action': 'accepter', onclick: event => act('accept', {}, 'Mise en relation acceptée.', event.currentTarget) }, `Accepter (${partner.name || 'partenaire'})`),
      h('button', { type: 'button', class: 'secondaire', 'data-action': 'decliner', onclick: () => {
        // The card's form, which may be the one an earlier drawing of the card handed over (carryOver).
        const form = item.querySelector('form[data-form="decline"]');
        form.hidden = false;
        form.elements.reason.focus();
      } }, 'Décliner')), decline);
  }
  if (entry.status === 'proposed') item.append(withdrawAt);
  if (BOTH_ACCEPTED.includes(entry.status) && partner.id) {
    const contact = h('div', { class: 'contact' }, h('p', { class: 'aide' }, 'Contact du partenaire : ouverture en cours…'));
    partnerContact(partner.id)
      .then(c => contact.replaceChildren(h('h3', {}, 'Contact du partenaire'), h('p', { 'data-contact': partner.id }, contactLine(c))))
      .catch(e => {
        // None on file (never given, or erased): a fact about the partner, not a failure to read again and announce.
        if (e instanceof Problem && e.status === 404) {
          contact.replaceChildren(h('h3', {}, 'Contact du partenaire'), h('p', { class: 'aide', 'data-contact': partner.id },
            'Le partenaire n’a enregistré aucune personne de contact : écrivez-lui par les moyens de son organisation.'));
          return;
        }
        contact.replaceChildren(problemBox(e));
        redrawLater();
      });
    item.append(contact, meetingsSection(actorId, entry, names, reload, remember, onThisPage), outcomeForm(actorId, entry, reload));
  }
  item.append(historyPanel(entry.id, histories, names, people));
  return item;
}

/**
 * Every step of the introduction as the service recorded it (what, when, who, for whom), read when opened, and the
 * verification that recomputes its chain of hashes from the event store: the sentence says whether it holds or names
 * the first altered step. {@code histories} remembers, by introduction, that the panel is open and the last verdict.
 * The steps of the organisation's own people and of the lab's team are signed with their names ({@code people}, read
 * with the page).
 */
function historyPanel(introductionId, histories, actorNames, people) {
  const remembered = histories.get(introductionId) || {};
  const steps = h('ol', { class: 'historique' });
  const verdict = h('p', { role: 'status' });
  const showVerdict = check => {
    verdict.dataset.intact = check.holds;
    verdict.replaceChildren(h('strong', {}, check.holds ? 'Intègre : ' : 'Altéré : '), check.explanation);
  };
  const verify = h('button', { type: 'button', class: 'secondaire', 'data-action': 'verifier' }, 'Vérifier l’intégrité');
  verify.addEventListener('click', async () => {
    verdict.replaceChildren('Vérification…');
    try {
      const check = await matchmaking(`/api/introductions/${introductionId}/verification`);
      histories.set(introductionId, { ...(histories.get(introductionId) || {}), check });
      showVerdict(check);
    } catch (e) {
      if (e instanceof Problem) verdict.replaceChildren(problemBox(onThisPage(e))); else throw e;
    }
  });
  const panel = h('details', { class: 'historique' }, h('summary', { 'data-action': 'historique' }, 'Historique et vérification'), steps, verify, verdict);
  panel.addEventListener('toggle', async () => {
    histories.set(introductionId, { ...(histories.get(introductionId) || {}), open: panel.open });
    if (!panel.open || steps.childElementCount) return;
    try {
      const history = await matchmaking(`/api/introductions/${introductionId}/history`);
      steps.replaceChildren(...history.steps.map(step => h('li', { 'data-etape': step.step },
        h('strong', {}, step.label || step.what),
        step.what === 'MeetingMissedEvent' && step.grounds?.absentActorId ? ` — ${absence(step.grounds.absentActorId, actorNames)}` : '',
        step.what === 'IntroductionReminderRecordedEvent' ? ` — ${reminded(step.grounds, actorNames)}` : '',
        step.when ? ` — ${formatDateTime(step.when)}` : '',
        ...(step.who ? [' — par ', whoActed(step.who, people), ` (${ROLE_LABELS[step.who.role] || step.who.role})`] : [' — par le service']),
        step.who && step.who.actingFor ? ` pour ${actorNames[step.who.actingFor] || step.who.actingFor}` : '',
        h('br', {}), step.hash
          ? h('small', { class: 'empreinte', title: step.hash }, `empreinte ${step.hash.slice(0, 16)}…`)
          // A step added to the store afterwards has no recorded hash: it is the one an auditor looks for.
          : h('small', { class: 'empreinte', 'data-sans-empreinte': '' }, 'aucune empreinte enregistrée pour cette étape'))));
    } catch (e) {
      if (e instanceof Problem) steps.replaceChildren(h('li', {}, problemBox(onThisPage(e)))); else throw e;
    }
  });
  if (remembered.check) showVerdict(remembered.check);
  if (remembered.open) panel.open = true; // fires 'toggle': the steps are read again
  return panel;
}

/** A facilitator's reminder in the history: how, and to whom (« par téléphone, auprès de Ville de Voiron »). */
function reminded(grounds, actorNames) {
  const whom = grounds?.remindedActorId ? actorNames[grounds.remindedActorId] || 'une organisation' : 'les deux organisations';
  return `${REMINDER_CHANNELS[grounds?.channel] || ''}, auprès de ${whom}`;
}

/**
 * The history records who acted by a fixed pseudonym, never a name (so that an erasure still wins): the reader's own
 * steps are shown as theirs; those of the organisation's members and of the lab's team by the names the lab knows
 * today (a member who left, a facilitator long gone, is no longer named); the others (the other side's people) by that
 * pseudonym.
 */
function whoActed(who, people) {
  return personAsReadBy(who.subject, people) || h('span', { class: 'pseudonyme' }, who.subject);
}

/**
 * Whose is the proposal's note: the reader's own (« Votre message »), someone of the lab's team or of the organisation
 * by name and role (« Message de Julien Roux (animation du labo) »), the other organisation's people by their
 * organisation (their names are not the reader's to know), the lab's people it no longer names by their role; « Message »
 * alone when the inbox line does not say.
 */
function noteHeading(author, partner, people) {
  if (!author) return 'Message';
  const person = personAsReadBy(author.subject, people);
  if (person === 'vous') return 'Votre message';
  if (person) return `Message de ${person} (${ROLE_LABELS[author.role] || author.role})`;
  // Someone of the lab the reader no longer knows by name (gone from its team), even acting for the partner: its role
  // says who wrote, not the organisation.
  if (author.role === 'FACILITATOR' || author.role === 'ADMIN') return `Message (${ROLE_LABELS[author.role]})`;
  if (author.actingFor && author.actingFor === partner.id && partner.name) return `Message de ${partner.name}`;
  return 'Message';
}

/**
 * The names of those who may have acted for the reader's side, each as its own sign-in gave it: the lab's team (its
 * facilitators and admins) and the actor's members, read from profile-service.
 */
function namesOfWhoMayHaveActed(actorId) {
  return Promise.all([namesAt('/api/lab-team'), namesAt(`/api/actors/${actorId}/members`)])
    .then(([team, members]) => new Map([...team, ...members]));
}


/**
 * The view reads the events after the command is committed: asks it again, a few times, until it shows the actor's
 * answer (then the page is redrawn from it), so that the answer never seems lost.
 */
function answered(actorId, introductionId) {
  return untilTheViewShows(introductionId, view => view.status !== 'proposed' || (view.acceptedBy || []).includes(actorId));
}

/**
 * « Retirer la mise en relation » and its confirmation: withdrawing cannot be undone, so, as for closing a session, the
 * button opens a box that says what it ends and asks again, with an optional reason kept in the history. « Annuler »
 * or Échap closes it, the focus back on the button. Withdrawn, the card is drawn anew as « retirée »; refused (the
 * view the button was offered from trailed the introduction), the API's problem is shown in the box.
 */
function withdrawal(entry, reload) {
  const titleId = `titre-retrait-${entry.id}`;
  const form = h('form', { novalidate: true, hidden: true, 'data-form': 'withdraw', 'aria-labelledby': titleId },
    h('h3', { id: titleId }, 'Retirer la mise en relation ?'),
    h('div', { class: 'probleme-formulaire' }),
    h('p', {}, 'Les deux organisations n’auront plus à y répondre. Une mise en relation retirée ne peut pas être rouverte.'),
    field('Raison du retrait (facultative)', h('input', { name: 'reason' }), KEPT_IN_HISTORY),
    h('div', { class: 'actions' },
      h('button', { type: 'submit', class: 'danger' }, 'Retirer définitivement'),
      h('button', { type: 'button', class: 'secondaire', onclick: () => cancel() }, 'Annuler')));
  // The card the form is in now: the one it was drawn in, or a card drawn anew since that took it over (carryOver).
  const cardOf = element => element.closest('li[data-introduction]');
  const cancel = () => {
    const opener = cardOf(form)?.querySelector('[data-action="retirer"]');
    form.reset();
    clearProblems(form);
    form.hidden = true;
    opener?.focus();
  };
  // Not while the withdrawal is being sent: the box stays until the page shows its answer.
  form.addEventListener('keydown', event => { if (event.key === 'Escape' && !form.dataset.occupe) cancel(); });
  form.addEventListener('submit', event => {
    event.preventDefault();
    busyWhile(form, async () => {
      try {
        await matchmaking(`/api/introductions/${entry.id}/withdraw`, { method: 'POST', body: {
          reason: form.elements.reason.value.trim() || null } });
        form.dataset.sent = 'true';
        announce('Mise en relation retirée.');
        await untilTheViewShows(entry.id, view => view.status !== 'proposed');
        await reload();
      } catch (e) {
        if (e instanceof Problem) showProblem(form, onThisPage(e)); else throw e;
      }
    });
  });
  const open = h('button', { type: 'button', class: 'secondaire', 'data-action': 'retirer', onclick: event => {
    // The card's form, which may be the one an earlier drawing of the card handed over (carryOver).
    const shown = cardOf(event.currentTarget).querySelector('form[data-form="withdraw"]');
    shown.hidden = false;
    shown.elements.reason.focus();
  } }, 'Retirer la mise en relation');
  return [h('div', { class: 'actions' }, open), form];
}

/**
 * profile-service opens the contact to a side's members once the second acceptance reaches it through Kafka, a moment
 * after this service saw it (seconds, on a loaded server): a member's refusal right after both accepted is asked again,
 * less often as time goes, for about half a minute, before it is shown. A facilitator's or an admin's right to a
 * contact does not wait for an acceptance: their refusal is shown at once.
 */
async function partnerContact(partnerId) {
  const waitsForTheAcceptance = currentSession()?.role === 'ACTOR_MEMBER';
  for (let attempt = 0; ; attempt++) {
    try {
      return await profile(`/api/actors/${partnerId}/contact`);
    } catch (e) {
      if (!(e instanceof Problem) || e.status !== 403 || !waitsForTheAcceptance
          || attempt >= CONTACT_ASKED_AGAIN_AFTER.length) throw e;
      await new Promise(resolve => setTimeout(resolve, CONTACT_ASKED_AGAIN_AFTER[attempt]));
    }
  }
}

/** When the partner's contact is asked again after a refusal, in milliseconds after the previous answer (32 s in all). */
const CONTACT_ASKED_AGAIN_AFTER = [400, 400, 400, 800, 800, 1500, 1500, 3000, 3000, 5000, 5000, 10000];

/**
 * An introduction of the inbox answers 404 once the reader may no longer read it (its membership ended meanwhile): the
 * API says no more than of an unknown id, and the page, which showed it, says what it may mean here.
 */
function onThisPage(problem) {
  return problem.status === 404 ? new Problem(404, { ...problem.document,
    detail: 'Cette mise en relation est introuvable ou ne vous est plus accessible (vous n’agissez peut-être plus pour '
      + 'l’une de ses deux parties) : rechargez la page.' })
    : problem;
}

/** The reader has seen the card the form is in now: its last step is the one the next outcome says it saw. */
function seenBy(form) {
  const shown = Number(form.closest('[data-introduction]')?.dataset.sequence);
  if (Number.isInteger(shown)) form.dataset.seen = String(Math.max(shown, Number(form.dataset.seen) || -1));
}

/** Recording an outcome, possibly months after the meeting. */
function outcomeForm(actorId, intro, reload) {
  // The lab's day, which the service checks the outcome's day against (not the UTC date, a day behind in Paris at night).
  const today = labToday();
  const form = h('form', { novalidate: true, 'data-form': 'outcome' },
    h('h3', {}, 'Enregistrer une suite'),
    h('div', { class: 'probleme-formulaire' }),
    field('Suite', select('outcome', OUTCOMES, 'FOLLOW_UP_PLANNED')),
    field('Date', h('input', { type: 'date', name: 'day', value: today, max: today })),
    h('div', { 'data-partenariat': '' },
      field('Forme du partenariat (obligatoire)', h('select', { name: 'form', 'aria-required': 'true' },
        h('option', { value: '' }, '— choisir —'), Object.entries(FORMS).map(([value, label]) => h('option', { value }, label)))),
      field('Catégorie (obligatoire)', h('select', { name: 'category', 'aria-required': 'true' },
        h('option', { value: '' }, '— choisir —'), Object.entries(CATEGORIES).map(([value, label]) => h('option', { value }, label))))),
    field('Note', h('input', { name: 'note' }), KEPT_IN_HISTORY),
    h('button', { type: 'submit' }, 'Enregistrer la suite'));
  // The partnership's form and category are asked for a partnership concluded only: the service requires them then,
  // and refuses them with any other outcome.
  const partnershipFields = () => {
    form.querySelector('[data-partenariat]').hidden = form.elements.outcome.value !== PARTNERSHIP;
  };
  form.elements.outcome.addEventListener('change', partnershipFields);
  partnershipFields();
  // A page left open past midnight in Paris: the day proposed, and the last one the picker offers, move on to the
  // new day when the reader comes to the form (unless they chose a day themselves).
  form.addEventListener('focusin', () => {
    const now = labToday();
    const day = form.elements.day;
    if (day.max === now) return;
    if (day.value === day.max) day.value = now;
    day.max = now;
    day.defaultValue = now;
  });
  // The step the form was drawn at: a form the reader is filling in goes over to the card drawn anew when another
  // page records something (carryOver), and keeps the step it was started at — not the new card's, which would hold
  // that other page's outcome unseen.
  form.dataset.seen = String(intro.sequence);
  // One outcome per click: a second submit while the first is sent records nothing more (an outcome is for ever), and
  // one sent again after its answer was lost is looked for first (stepSender).
  const send = stepSender(intro.id, 'outcomes', (step, body) => step.type === 'OutcomeRecordedEvent'
    && step.outcome === body.outcome && step.occurredOn === body.day);
  form.addEventListener('submit', event => {
    event.preventDefault();
    busyWhile(form, async () => {
      clearProblems(form);
      const value = name => form.elements[name].value.trim() || null;
      const partnership = value('outcome') === PARTNERSHIP;
      // The last step the reader saw before writing this outcome (seenBy): an outcome recorded after it, from another
      // page, refuses this one (409, saying which) rather than count the same partnership twice.
      const body = { actingFor: actorId, outcome: value('outcome'), day: value('day'), note: value('note'),
        form: partnership ? value('form') : null, category: partnership ? value('category') : null,
        lastStepSeen: Number(form.dataset.seen) };
      try {
        await send(body);
        announce('Suite enregistrée.');
        // Recorded: the form is blank again (the card drawn anew takes it over while it has the focus), and the card
        // now shown, this outcome in it, is what the reader saw.
        form.reset();
        partnershipFields();
        remember(form);
        await reload();
        seenBy(form);
      } catch (e) {
        // Told of the outcome recorded meanwhile (the card drawn anew shows it): sent again, the reader's stands.
        if (e instanceof Problem && e.status === 409) seenBy(form);
        if (e instanceof Problem) showProblem(form, onThisPage(e)); else throw e;
      }
    });
  });
  return remember(form);
}
