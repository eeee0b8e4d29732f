// An actor's own page: its profile and contact person (changed, or the contact person erased, by those who act for
// it), its members and the invitations to join it, its needs and offers (post, edit, withdraw, fulfil). What may be
// seen and done is the API's answer: a member of another actor gets the API's refusal, shown as it is. Managing the
// members is for the organisation's managers (« responsables »), the members named by the sign-in token, its
// territory's facilitators and admins: the buttons follow the API's own answer (the actor's permissions for the user),
// so that no one is offered what the API would refuse.
import { namesAt, namesBySubject, personAsReadBy, profile, Problem } from '../api.js';
import { actorBody, actorFields } from '../actor-form.js';
import { LEVEL_WORDS, named, territoryCodeField } from '../territory-field.js';
import { onEvent } from '../live.js';
import {
  ACTOR_TYPES, CATEGORIES, FORMS, KEPT_IN_HISTORY, LEVELS, OFFER_STATUSES, SDGS, STATUSES, THEMES, announce, busyWhile, checkboxes, checkedValues, clearProblems,
  capitalised, contactLine, controlOf, field, focusedControl, formatDate, formatDeadline, h, LAB_TIME_ZONE, problemBox, select, showProblem,
} from '../ui.js';

/** The events that change the members' list, with what is announced when another device made them. */
const MEMBER_CHANGES = {
  ActorMemberJoinedEvent: 'Un·e collègue a rejoint l’organisation : ',
  ActorMemberLeftEvent: 'Un·e membre a quitté l’organisation : ',
  ActorMemberRoleChangedEvent: 'Un rôle a changé : ',
};

/** The account a member registered the organisation with: its own people's, or a facilitator's who did it for them. */
const ACCOUNTS = { ADMIN: 'compte d’administration', FACILITATOR: 'compte d’animation', ACTOR_MEMBER: 'compte de membre' };

/** A member's role in the organisation: a manager invites, names managers and removes members; a member does not. */
const ROLES = { MANAGER: 'responsable', MEMBER: 'membre' };

/** The events that change what the page shows of the profile and of the contact person. */
const PROFILE_CHANGES = ['ActorProfileUpdatedEvent', 'ActorContactErasedEvent'];

/** The posts whose form opens: the open ones, and those past their date (a new date is what opens them again). */
const EDITABLE = new Set(['OPEN', 'EXPIRED']);

const KINDS = {
  needs: { one: 'besoin', title: 'Besoins', post: 'Publier un besoin', none: 'Aucun besoin pour l’instant.', open: 'ouvert',
    statuses: STATUSES, published: 'Besoin publié.', withdrawn: 'Besoin retiré.',
    updated: 'Besoins mis à jour.', notUpdated: 'Les besoins n’ont pas pu être mis à jour : rechargez la page.' },
  offers: { one: 'offre', title: 'Offres', post: 'Publier une offre', none: 'Aucune offre pour l’instant.', open: 'ouverte',
    statuses: OFFER_STATUSES, published: 'Offre publiée.', withdrawn: 'Offre retirée.',
    updated: 'Offres mises à jour.', notUpdated: 'Les offres n’ont pas pu être mises à jour : rechargez la page.' },
};

export async function render(main, context, actorId) {
  const [{ profile: read }, permissions] = await Promise.all([
    profile(`/api/actors/${actorId}`), profile(`/api/actors/${actorId}/permissions`)]);
  let actor = read; // as last saved on this page: the profile changes there
  const heading = h('h1', {}, actor.name);
  main.replaceChildren(heading, profileList(actor));
  // The management view (the contact person, the members, closed posts) is for those who act for the actor, as the API
  // says; anyone else is shown the API's own refusal of it, in its words (a partner's member who may read the contact
  // person after an introduction does not act for the actor all the same).
  const refusal = permissions.actFor ? null
    : await profile(`/api/actors/${actorId}/members`).then(() => null, e => e);
  if (refusal) {
    if (!(refusal instanceof Problem)) throw refusal;
    main.append(h('h2', {}, 'Accès refusé'), problemBox(refusal),
      h('p', {}, 'Vous voyez le profil public de cette organisation ; ses besoins et offres ouverts sont sur la page des partenaires.'));
    return null;
  }
  // The profile and the contact person, which those who act for the actor change and erase here.
  const about = h('section', { 'aria-labelledby': 'titre-contact' });
  main.append(about);
  const showProfile = changed => {
    actor = changed;
    heading.textContent = actor.name;
    main.querySelector(':scope > dl.profil').replaceWith(profileList(actor));
  };
  await renderContact(about, actorId, await readContact(actorId), showProfile);
  const members = h('section', { 'aria-labelledby': 'titre-membres' });
  main.append(members);
  // Nothing else draws the members before the page's live listener below exists: this drawing is the latest.
  // The permissions just read serve the first drawing: the page reads them once.
  const { manages } = await renderMembers(members, context, actorId, permissions) ?? { manages: false };
  const invitations = h('section', { 'aria-labelledby': 'titre-invitations' });
  main.append(invitations);
  await renderInvitations(invitations, actorId, manages);
  const sections = {};
  for (const kind of Object.keys(KINDS)) {
    sections[kind] = h('section', { 'aria-labelledby': `titre-${kind}` });
    main.append(sections[kind]);
  }
  const refresh = async kind => {
    const posts = await profile(`/api/actors/${actorId}/${kind}?includeClosed=true`);
    renderPosts(sections[kind], actorId, kind, posts, () => refresh(kind));
  };
  await Promise.all(Object.keys(KINDS).map(refresh));
  // The user's membership ended elsewhere (removed by a manager, left from another device) and nothing else lets it act
  // for the actor: the page as anyone else sees it, with the API's refusal, and a way back to the console's start (which
  // follows the user's organisations as they now are).
  const noLongerActing = refusal => {
    stop();
    const refused = h('h2', { tabindex: '-1' }, 'Accès refusé');
    main.replaceChildren(heading, profileList(actor), refused, problemBox(refusal),
      h('p', {}, 'Votre adhésion a pris fin : vous voyez le profil public de cette organisation.'),
      h('p', {}, h('button', { type: 'button', class: 'secondaire', onclick: () => { location.hash = '#/'; location.reload(); } },
        'Revenir à l’accueil')));
    refused.focus(); // what had the focus (a form being filled in among them) is gone
    announce('Vous n’agissez plus pour cette organisation.');
  };
  // Live: a post of this actor changed (here, in another tab, or by a facilitator): show it without a reload.
  const stop = onEvent(event => {
    if (event.source !== 'profile' || event.actorId !== actorId) return;
    if (MEMBER_CHANGES[event.type]) {
      // A colleague joined with a code (the member who invited waits for that; the invitation events themselves reach
      // no live stream, being its managers' only) or left, or a member's role changed (the user's own
      // among them, which decides what it may do here): the members and invitations as they are now. The members'
      // list is left alone while one of its confirmations is open, not to take it from under the user.
      const confirming = members.querySelector('.editeur')?.hasChildNodes();
      if (confirming) members.dataset.stale = 'true'; // drawn when the confirmation closes
      (confirming ? readMembers(actorId).then(read => ({ manages: read.manages, changed: changedSince(members, read) }))
        : renderMembers(members, context, actorId))
        // A list overtaken by a later drawing says nothing of the user's role now: that drawing draws the invitations.
        .then(drawn => drawn === undefined ? null : renderInvitations(invitations, actorId, drawn.manages).then(() => drawn))
        // The user's own action announced itself and drew the list already: its event changes nothing to announce.
        .then(drawn => drawn?.changed && announce(MEMBER_CHANGES[event.type]
          + (confirming ? 'la liste des membres sera à jour une fois votre confirmation fermée.' : 'la liste des membres est à jour.')))
        .catch(e => {
          if (e instanceof Problem && e.status === 403) noLongerActing(e);
          else announce('La liste des membres n’a pas pu être mise à jour : rechargez la page.');
        });
      return;
    }
    if (PROFILE_CHANGES.includes(event.type)) {
      // Changed in another tab or by a facilitator of the territory: shown without a reload — unless the user is
      // changing or erasing it here, whose form, filled from what was on file, stays (saving reads it all back; closing
      // it without saving draws what is on file then).
      if (about.querySelector('.editeur')?.hasChildNodes()) { about.dataset.stale = 'true'; return; }
      const focused = about.contains(document.activeElement) ? document.activeElement.id : null;
      const before = about.querySelector('[data-contact]')?.textContent + JSON.stringify(actor);
      Promise.all([profile(`/api/actors/${actorId}`), readContact(actorId)])
        .then(async ([{ profile: now }, contact]) => {
          showProfile(now);
          await renderContact(about, actorId, contact, showProfile);
          if (focused) about.querySelector(`#${CSS.escape(focused)}`)?.focus();
          // The user's own change announced itself already: its event shows nothing new.
          if (about.querySelector('[data-contact]').textContent + JSON.stringify(now) !== before) {
            announce('Le profil et la personne à contacter ont été mis à jour.');
          }
        })
        .catch(e => {
          if (e instanceof Problem && e.status === 403) noLongerActing(e);
          else announce('Le profil n’a pas pu être mis à jour : rechargez la page.');
        });
      return;
    }
    const kind = /^Need/.test(event.type) ? 'needs' : /^Offer/.test(event.type) ? 'offers' : null;
    // A reading still under way when the page turned into the public view (noLongerActing) concerns a section no longer
    // shown: it says nothing, whatever its answer.
    const shown = () => sections[kind].isConnected;
    if (kind) refresh(kind).then(() => shown() && announce(KINDS[kind].updated), () => shown() && announce(KINDS[kind].notUpdated));
  });
  return stop;
}

/** The contact person on file, or null when there is none (never entered, or erased: the API says 404). */
async function readContact(actorId) {
  try {
    return await profile(`/api/actors/${actorId}/contact`);
  } catch (e) {
    if (!(e instanceof Problem) || e.status !== 404) throw e;
    return null;
  }
}

/**
 * The contact person, and for those who act for the actor (the only ones shown this part of the page) changing the
 * profile and the contact person in one form, as the API takes them (PUT /api/actors/{id}, whole), and erasing the
 * contact person. {@code shown}: what to call with the profile as it now is, for the top of the page.
 */
async function renderContact(section, actorId, contact, shown) {
  const edit = h('button', { type: 'button', id: 'modifier-profil',
    onclick: event => busyWhile(event.currentTarget, () => openProfileEditor(section, actorId, shown)) },
    'Modifier le profil et le contact');
  const erase = contact ? h('button', { type: 'button', class: 'secondaire', id: 'effacer-contact',
    onclick: () => confirmErasure(section, actorId, shown) }, 'Effacer la personne à contacter') : null;
  section.replaceChildren(
    h('h2', { id: 'titre-contact' }, 'Personne à contacter'),
    contact ? h('p', { 'data-contact': '' }, contactLine(contact))
      : h('p', { 'data-contact': '' }, 'Aucune personne à contacter n’est enregistrée.'),
    h('div', { class: 'actions' }, edit, erase),
    h('div', { class: 'editeur' }));
}

/**
 * The form of the profile and the contact person, filled with what is on file, with the same fields as registering an
 * actor. The API validates it and its messages appear next to the fields; nothing changes until it accepts.
 */
async function openProfileEditor(section, actorId, shown) {
  // As it is now, not as the page was drawn: the profile and the contact person in one reading, with its revision, which
  // the change names (If-Match). Changed or erased meanwhile, the API refuses it (412) and writes nothing: the form
  // never writes back a person erased while it was open.
  let read;
  try {
    read = await profile(`/api/actors/${actorId}`, { tagged: true });
  } catch (e) {
    // Not read (the service away for a moment): said where the form would have opened, not a click that does nothing.
    if (!(e instanceof Problem)) throw e;
    section.querySelector('.editeur').replaceChildren(problemBox(e));
    return;
  }
  const { value: { profile: actor, contact }, etag: revision } = read;
  const form = h('form', { novalidate: true, class: 'carte', 'aria-labelledby': 'titre-editeur-profil' },
    h('h3', { id: 'titre-editeur-profil' }, 'Modifier le profil et le contact'),
    h('div', { class: 'probleme-formulaire' }),
    ...actorFields(actor, contact),
    h('p', { class: 'aide' }, 'Laisser vides les trois champs de la personne à contacter ne l’efface pas : utilisez pour cela « Effacer la personne à contacter ».'),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, 'Enregistrer'),
      h('button', { type: 'button', class: 'secondaire', onclick: () => closeEditor(section, actorId, shown, '#modifier-profil') }, 'Annuler')));
  // One update per click: a second submit while the first is sent changes nothing more.
  form.addEventListener('submit', event => {
    event.preventDefault();
    busyWhile(form, () => save());
  });
  const save = async () => {
    clearProblems(form);
    try {
      await profile(`/api/actors/${actorId}`, { method: 'PUT', body: actorBody(form), ifMatch: revision });
    } catch (e) {
      // Changed or erased since the form was filled (412): what is on file is drawn when the form closes.
      if (e instanceof Problem && e.status === 412) section.dataset.stale = 'true';
      if (e instanceof Problem) { showProblem(form, e); return; }
      throw e;
    }
    // The page shows what the API now has, read back rather than copied from the form (it strips the name, for one).
    await redrawContact(section, actorId, shown);
    announce('Profil et personne à contacter enregistrés.');
    section.querySelector('#modifier-profil').focus();
  };
  if (openInEditor(section, form)) form.elements.name.focus();
}

/** The profile and the contact person as they are on file now, drawn again. */
async function redrawContact(section, actorId, shown) {
  const [{ profile: now }, contact] = await Promise.all([profile(`/api/actors/${actorId}`), readContact(actorId)]);
  delete section.dataset.stale;
  shown(now);
  await renderContact(section, actorId, contact, shown);
}

/**
 * A form of this section closed without a change: what is on file drawn first if it changed meanwhile, then the focus
 * back on the button that opened the form (or on the section's heading, when that button is gone: no contact to erase).
 */
async function closeEditor(section, actorId, shown, opener) {
  section.querySelector('.editeur').replaceChildren();
  if (section.dataset.stale) await redrawContact(section, actorId, shown);
  const button = section.querySelector(opener);
  if (button) { button.focus(); return; }
  const heading = section.querySelector('#titre-contact');
  heading.setAttribute('tabindex', '-1');
  heading.focus();
}

/** Erasing the contact person, once confirmed: the right to erasure, which nothing undoes. */
function confirmErasure(section, actorId, shown) {
  const form = h('form', { novalidate: true, class: 'carte', 'aria-labelledby': 'titre-effacer-contact' },
    h('h3', { id: 'titre-effacer-contact' }, 'Effacer la personne à contacter'),
    h('div', { class: 'probleme-formulaire' }),
    h('p', {}, 'L’effacement est définitif : son nom, son courriel et son téléphone sont supprimés, et l’historique garde seulement la date à laquelle la personne à contacter a été effacée, et par qui.'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, 'Effacer'),
      h('button', { type: 'button', class: 'secondaire', onclick: () => closeEditor(section, actorId, shown, '#effacer-contact') }, 'Annuler')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    busyWhile(form, () => erase());
  });
  const erase = async () => {
    try {
      await profile(`/api/actors/${actorId}/contact`, { method: 'DELETE' });
    } catch (e) {
      if (e instanceof Problem) { showProblem(form, e); return; }
      throw e;
    }
    await redrawContact(section, actorId, shown);
    announce('Personne à contacter effacée.');
    section.querySelector('#modifier-profil').focus();
  };
  if (openInEditor(section, form)) form.querySelector('button[type=submit]').focus();
}

/**
 * The memberships granted in the lab (whoever registered the organisation here or joined it with an invitation's code):
 * who, since when, with which role, and for those who manage the members naming a manager, making one a member again
 * and taking a membership away — a member leaving, or the organisation's managers removing a facilitator who
 * registered it for them. Members named by the sign-in provider are managed there and are not listed.
 * Resolves to whether the user manages the members and whether anything changed since the list drawn before; to
 * undefined when a later drawing overtook this one (its answer, possibly older, decides nothing).
 */
async function renderMembers(section, context, actorId, permissions) {
  const drawing = latestDrawing(section);
  const read = await readMembers(actorId, permissions);
  if (!drawing.isLatest()) return undefined;
  const { members, manages } = read;
  const changed = changedSince(section, read);
  section.dataset.drawn = drawnState(read);
  delete section.dataset.stale;
  const me = context.session.subject;
  const list = h('ul', { role: 'list' }, members.map(member => {
    const mine = member.subject === me;
    const joinedAs = member.joinedAs ? `, ${ACCOUNTS[member.joinedAs] || member.joinedAs}` : '';
    const role = member.role ? h('span', { class: 'etiquette', 'data-role': member.role }, ROLES[member.role] || member.role) : null;
    const manager = member.role === 'MANAGER';
    return h('li', { 'data-membre': member.subject },
      h('span', { class: 'personne' }, personOf(member)), mine ? ' (vous) ' : ' ', role,
      ` — depuis le ${formatDate(member.joinedAt)}${joinedAs} `,
      !mine && manages && member.role
        ? h('button', { type: 'button', class: 'secondaire', 'data-action': 'role', onclick: event => busyWhile(event.currentTarget, () => changeRole(section, context, actorId, member, manager ? 'MEMBER' : 'MANAGER')) },
          manager ? `Rendre ${personOf(member)} simple membre` : `Nommer ${personOf(member)} responsable`)
        : null, ' ',
      mine || manages
        ? h('button', { type: 'button', class: 'secondaire', 'data-action': 'retirer', onclick: () => confirmRemoval(section, context, actorId, member, mine) },
          mine ? 'Quitter l’organisation' : `Retirer ${personOf(member)}`)
        : null);
  }));
  // The list is drawn anew after the user's actions and live events: the button that had the focus keeps it.
  const spot = focusedControl(section, 'membre');
  section.replaceChildren(
    h('h2', { id: 'titre-membres' }, 'Membres inscrits ici'),
    h('p', { class: 'aide' }, 'Responsables et membres agissent pour l’organisation (profil, besoins et offres, mises en relation) ; seuls les responsables invitent des collègues, nomment d’autres responsables et retirent des membres. Un membre qui inscrit son organisation en est responsable ; la première personne qui rejoint sur invitation une organisation sans responsable le devient ; les suivantes en sont membres. Les membres que nomme votre compte de connexion se gèrent chez votre fournisseur d’identité.'),
    h('div', { class: 'probleme-membres' }),
    h('div', { class: 'editeur' }),
    members.length ? list : h('p', {}, 'Aucun membre inscrit ici.'));
  if (spot) controlOf(section, 'membre', spot.key, spot.action)?.focus();
  return { manages, changed };
}

/**
 * The members granted here, and whether the signed-in user manages them (invites, names managers, removes others), as
 * the API says: the console keeps no copy of who may, and offers no button the API would refuse. {@code known}: the
 * permissions when the page has just read them (its first drawing).
 */
async function readMembers(actorId, known) {
  const [members, permissions] = await Promise.all([
    profile(`/api/actors/${actorId}/members`), known ?? profile(`/api/actors/${actorId}/permissions`)]);
  namesBySubject(members).forEach((name, subject) => namesOfPeople.set(subject, name));
  return { members, manages: permissions.manageMembers };
}

/**
 * People's names as the members list and the lab's team last gave them (each from its own person's sign-in), for the
 * invitations' lines: who made an invitation is a manager or one of the lab's team, who used it is a member since.
 */
const namesOfPeople = new Map();

/** Reads the lab's team into {@link namesOfPeople}; a team that cannot be read now names no one. */
const readTheLabTeam = () => namesAt('/api/lab-team')
  .then(team => team.forEach((name, subject) => namesOfPeople.set(subject, name)));

/**
 * Who acted on an invitation, after the words given: « vous », its name, or its pseudonym while the lab knows no name;
 * nothing when the event recorded no one.
 */
function by(words, subject) {
  if (!subject) return '';
  return words + (personAsReadBy(subject, namesOfPeople) || subject);
}

/**
 * A member by its name, as its own sign-in gave it; by its pseudonymous identifier when the lab has none (a token
 * without a name, or a member who has not signed in since names are kept).
 */
function personOf(member) {
  return member.name || `le membre ${member.subject}`;
}

/** The same at the start of a sentence (« Le membre u-… n’est plus membre. »). */
function personAtSentenceStart(member) {
  return capitalised(personOf(member));
}

/** What a drawing of the members shows: who, with which role, and whether the user manages them. */
function drawnState({ members, manages }) {
  return JSON.stringify([manages, members.map(member => [member.subject, member.role])]);
}

/** A drawn state with one member's role changed. */
function drawnWithRole(drawn, subject, role) {
  const [manages, members] = JSON.parse(drawn);
  return JSON.stringify([manages, members.map(([member, was]) => [member, member === subject ? role : was])]);
}

/** A drawn state without one member. */
function drawnWithout(drawn, subject) {
  const [manages, members] = JSON.parse(drawn);
  return JSON.stringify([manages, members.filter(([member]) => member !== subject)]);
}

/** Whether the members as just read differ from those the section shows (or that the user knows of). */
function changedSince(section, read) {
  return section.dataset.drawn !== drawnState(read);
}

/** Names a member manager, or makes a manager a member again, at once (it can be undone the same way). */
async function changeRole(section, context, actorId, member, role) {
  section.querySelector('.probleme-membres').replaceChildren();
  // The user knows of this role from the moment it asks: its event, even if it arrives before the answer and whichever
  // drawing it reaches first, is nothing new to announce. A refusal puts back what the user knew.
  const known = section.dataset.drawn;
  section.dataset.drawn = drawnWithRole(known, member.subject, role);
  try {
    await profile(`/api/actors/${actorId}/members/${encodeURIComponent(member.subject)}/role`, { method: 'PUT', body: { role } });
  } catch (e) {
    // The API's refusal (the last manager, a member who left meanwhile) above the list, as it comes.
    if (section.dataset.drawn === drawnWithRole(known, member.subject, role)) section.dataset.drawn = known;
    if (!(e instanceof Problem)) throw e;
    const box = problemBox(e);
    box.setAttribute('tabindex', '-1');
    section.querySelector('.probleme-membres').replaceChildren(box);
    box.focus();
    return;
  }
  announce(role === 'MANAGER' ? `${personAtSentenceStart(member)} est maintenant responsable.` : `${personAtSentenceStart(member)} est de nouveau simple membre.`);
  await renderMembers(section, context, actorId);
}

function confirmRemoval(section, context, actorId, member, mine) {
  section.querySelector('.probleme-membres').replaceChildren();
  const form = h('form', { novalidate: true, class: 'carte' },
    h('h3', {}, mine ? 'Quitter l’organisation' : `Retirer ${personOf(member)}`),
    h('div', { class: 'probleme-formulaire' }),
    h('p', {}, mine
      ? 'Votre adhésion enregistrée ici prend fin : vous n’agirez plus pour cette organisation à ce titre, ni ne verrez les contacts de ses partenaires (votre compte de connexion ou votre territoire d’animation peuvent encore vous en donner l’accès).'
      : 'Son adhésion enregistrée ici prend fin : ce membre n’agira plus pour cette organisation à ce titre, ni ne verra les contacts de ses partenaires.'),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: 'danger' }, mine ? 'Quitter' : 'Retirer'),
      h('button', { type: 'button', class: 'secondaire', onclick: () => cancel() }, 'Annuler')));
  // Closed without a change: the list as it is now (events may have come meanwhile), and the focus back on the button
  // that opened the confirmation, not lost on the page.
  const cancel = async () => {
    form.remove();
    if (section.dataset.stale) await renderMembers(section, context, actorId);
    const button = controlOf(section, 'membre', member.subject, 'retirer');
    if (button) { button.focus(); return; }
    const line = section.querySelector(`li[data-membre="${CSS.escape(member.subject)}"]`);
    // The member left (or was removed) meanwhile, or the user no longer manages the members (a manager made it a plain
    // member): the focus goes to the list's heading, and the user is told why.
    const heading = section.querySelector('#titre-membres');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
    announce(line ? 'Vous ne gérez plus les membres de cette organisation.'
      : mine ? 'Vous n’êtes déjà plus membre de l’organisation.' : `${personAtSentenceStart(member)} n’est déjà plus membre.`);
  };
  form.addEventListener('submit', event => {
    event.preventDefault();
    busyWhile(form, () => remove());
  });
  const remove = async () => {
    // As for a role: the user knows of this departure from the moment it asks, so its event is nothing new to announce
    // (the form is still open while the request runs); a refusal puts back what the user knew.
    const known = section.dataset.drawn;
    section.dataset.drawn = drawnWithout(known, member.subject);
    try {
      await profile(`/api/actors/${actorId}/members/${encodeURIComponent(member.subject)}`, { method: 'DELETE' });
      announce(mine ? 'Vous avez quitté l’organisation.' : `${personAtSentenceStart(member)} n’est plus membre.`);
      if (mine) {
        // The navigation and the home page follow the caller's organisations: start again from them.
        location.hash = '#/';
        location.reload();
        return;
      }
      await renderMembers(section, context, actorId);
    } catch (e) {
      if (section.dataset.drawn === drawnWithout(known, member.subject)) section.dataset.drawn = known;
      if (e instanceof Problem) showProblem(form, e); else throw e;
    }
  };
  section.querySelector('.editeur').replaceChildren(form);
  form.querySelector('button[type=submit]').focus();
}

/**
 * Inviting a colleague who has an account of its own: a code made by profile-service, shown once (only its digest is
 * kept), with a link that opens the console on it; the invitations made, and withdrawing one not yet used. For those
 * who manage the members only: to anyone else (whom the invitations API refuses), a sentence saying who invites.
 */
async function renderInvitations(section, actorId, manages, created = null) {
  const drawing = latestDrawing(section);
  let invitations = null;
  try {
    if (manages) [invitations] = await Promise.all([profile(`/api/actors/${actorId}/invitations`), readTheLabTeam()]);
  } catch (e) {
    // The user's role changed between the permissions read and this request: the API says no.
    if (!(e instanceof Problem) || e.status !== 403) throw e;
  }
  if (!drawing.isLatest()) return;
  if (!invitations) {
    section.removeAttribute('aria-labelledby');
    section.replaceChildren(h('p', { class: 'aide', id: 'invitations-reservees' },
      'Les responsables de l’organisation invitent les collègues à la rejoindre : demandez-leur un code d’invitation.'));
    return;
  }
  section.setAttribute('aria-labelledby', 'titre-invitations');
  // A code just shown stays on screen through a redraw until the list says it can no longer be used (a list read
  // before the code was made does not know it yet): nothing else shows it.
  const shown = created ? newCode(created) : section.querySelector('#nouveau-code');
  const stillShown = shown && !invitations.some(i => i.invitationId === shown.dataset.invitation && i.status !== 'PENDING');
  // Named by day and time to the second: each invitation's button must be told apart by a screen reader. Both on the
  // lab's clock, as its expiry beside it: a day in Paris with a reader's hour in Martinique named another moment.
  const made = invitation => `${formatDate(invitation.invitedAt)} à ${new Date(invitation.invitedAt)
    .toLocaleTimeString('fr-FR', { timeZone: LAB_TIME_ZONE, hour: '2-digit', minute: '2-digit', second: '2-digit' })}`;
  const list = h('ul', { role: 'list' }, invitations.map(invitation => h('li', { 'data-invitation': invitation.invitationId },
    `Invitation du ${made(invitation)}${by(', faite par ', invitation.invitedBy)} — ${invitationState(invitation)} `,
    invitation.status === 'PENDING'
      ? h('button', { type: 'button', class: 'secondaire', onclick: event => busyWhile(event.currentTarget, () => withdrawInvitation(section, actorId, invitation)) },
        `Retirer l’invitation du ${made(invitation)}`)
      : null)));
  // Drawn anew after live events too: the control that had the focus keeps it (the button that makes a code, the code
  // shown, an invitation's withdrawal while it can still be withdrawn).
  const focused = section.contains(document.activeElement) ? document.activeElement : null;
  const focusedInvitation = focused?.closest('li[data-invitation]')?.dataset.invitation;
  section.replaceChildren(
    h('h2', { id: 'titre-invitations' }, 'Inviter un·e collègue'),
    h('p', { class: 'aide' }, 'Un code à transmettre à un·e collègue qui a son propre compte sur la plateforme : en le saisissant, il ou elle rejoint l’organisation (comme responsable si elle n’en a pas encore). Un code ne sert qu’une fois et expire.'),
    h('div', { class: 'actions' }, h('button', { type: 'button', id: 'inviter', onclick: event => busyWhile(event.currentTarget, () => invite(section, actorId)) }, 'Créer un code d’invitation')),
    h('div', { class: 'probleme-invitations' }),
    // replaceChildren would write a null as the text « null »: only an element goes in.
    ...(stillShown ? [shown] : []),
    invitations.length ? list : h('p', {}, 'Aucune invitation pour l’instant.'));
  if (focused?.id) section.querySelector(`#${focused.id}`)?.focus();
  else if (focusedInvitation) controlOf(section, 'invitation', focusedInvitation)?.focus();
}

/**
 * A section is drawn again after the user's own actions and after live events, each from an answer of the API that
 * may come back late: only the answer asked for last is drawn, never an older one over a newer.
 */
function latestDrawing(section) {
  const number = (section.drawings || 0) + 1;
  section.drawings = number;
  return { isLatest: () => section.drawings === number };
}

function invitationState(invitation) {
  switch (invitation.status) {
    case 'PENDING': return `en attente, valable jusqu’au ${formatDeadline(invitation.expiresAt)}`;
    case 'REDEEMED': return `utilisée le ${formatDate(invitation.redeemedAt)}${by(' par ', invitation.redeemedBy)}`;
    case 'REVOKED': return `retirée le ${formatDate(invitation.revokedAt)}${by(' par ', invitation.revokedBy)}`;
    default: return `expirée le ${formatDeadline(invitation.expiresAt)} sans avoir servi`;
  }
}

/** The code just made: shown this once, since nothing keeps it but its digest. */
function newCode(created) {
  const link = `${location.origin}${location.pathname}#/rejoindre/${created.code}`;
  return h('div', { class: 'carte', id: 'nouveau-code', tabindex: '-1', 'data-invitation': created.invitationId },
    h('h3', {}, 'Code à transmettre'),
    h('p', {}, `Il ne s’affichera plus : transmettez-le maintenant à votre collègue. Valable jusqu’au ${formatDeadline(created.expiresAt)}.`),
    h('p', {}, h('code', { 'data-code': '' }, created.code)),
    h('p', {}, 'Ou ce lien, qui ouvre la console sur le code après la connexion : ', h('code', { 'data-lien': '' }, link)));
}

async function invite(section, actorId) {
  try {
    const created = await profile(`/api/actors/${actorId}/invitations`, { method: 'POST' });
    await renderInvitations(section, actorId, true, created);
    announce('Code d’invitation créé.');
    section.querySelector('#nouveau-code')?.focus();
  } catch (e) {
    showInvitationProblem(section, e);
  }
}

async function withdrawInvitation(section, actorId, invitation) {
  try {
    await profile(`/api/actors/${actorId}/invitations/${invitation.invitationId}`, { method: 'DELETE' });
    await renderInvitations(section, actorId, true);
    announce('Invitation retirée : son code ne fonctionne plus.');
    section.querySelector('#inviter')?.focus();
  } catch (e) {
    showInvitationProblem(section, e);
  }
}

/** The API's refusal of an invitation made or withdrawn, above the list (anything else is not for the page to show). */
function showInvitationProblem(section, e) {
  if (!(e instanceof Problem)) throw e;
  section.querySelector('.probleme-invitations').replaceChildren(problemBox(e));
}

/** Where a post holds: « département Isère (38) », « toute la France ». */
function postTerritory({ level, code }) {
  if (level === 'NATIONAL') return h('span', {}, 'toute la France');
  return named(h('span', {}, `${LEVELS[level] || level} ${code}`), level, code, label => `${(LEVEL_WORDS[level] || '').toLowerCase()} ${label}`.trim());
}

function profileList(actor) {
  const sdgs = (actor.sdgs || []).map(n => `ODD ${n}`).join(', ') || '—';
  return h('dl', { class: 'profil' },
    h('dt', {}, 'Type d’acteur'), h('dd', {}, ACTOR_TYPES[actor.type] || actor.type),
    h('dt', {}, 'Commune'), named(h('dd', {}, actor.homeTerritory), 'COMMUNE', actor.homeTerritory, label => `${label} — code INSEE ${actor.homeTerritory}`),
    h('dt', {}, 'Thèmes'), h('dd', {}, (actor.themes || []).map(t => THEMES[t] || t).join(', ') || '—'),
    h('dt', {}, 'ODD'), h('dd', {}, sdgs),
    h('dt', {}, 'Présentation'), h('dd', {}, actor.description || '—'));
}

function renderPosts(section, actorId, kind, posts, refresh) {
  const labels = KINDS[kind];
  const it = kind === 'offers' ? 'la' : 'le'; // une offre, un besoin
  const open = posts.filter(p => p.status === 'OPEN').length;
  const list = h('ul', { class: 'grille', role: 'list' }, posts.map(post => h('li', { class: 'carte', 'data-post': post.id },
    h('h3', {}, post.details.title),
    h('p', {}, h('span', { class: 'etiquette' }, CATEGORIES[post.details.category] || post.details.category), ' ',
      h('span', { class: post.status === 'OPEN' ? 'statut-ouvert' : '' }, labels.statuses[post.status] || post.status)),
    h('p', {}, post.details.description || ''),
    h('p', { class: 'aide' }, 'Territoire : ', postTerritory(post.details.territory),
      post.details.validUntil ? ` — jusqu’au ${formatDate(post.details.validUntil)}` : ''),
    post.closingNote ? h('p', { class: 'aide' }, `Note : ${post.closingNote}`) : null,
    // Past its date, a post is no longer proposed: given a new date it is open again, or it is closed.
    post.status === 'EXPIRED' ? h('p', { class: 'aide', 'data-expire': '' }, `Sa date est passée : l’algorithme ne ${it} `
      + `propose plus. Modifiez sa date pour ${it} publier à nouveau, ou retirez-${it}.`) : null,
    EDITABLE.has(post.status) ? h('div', { class: 'actions' },
      h('button', { type: 'button', class: 'secondaire', 'data-action': 'modifier', onclick: () => openEditor(section, actorId, kind, post, refresh) }, `Modifier « ${post.details.title} »`),
      // Each button says whose post it acts on to a screen reader's list of buttons (not « Retirer, Retirer… »).
      h('button', { type: 'button', class: 'secondaire', 'data-action': 'retirer', onclick: () => openClosing(section, actorId, kind, post, 'withdraw', refresh) },
        'Retirer', h('span', { class: 'sr-only' }, ` « ${post.details.title} »`)),
      kind === 'needs' ? h('button', { type: 'button', class: 'secondaire', 'data-action': 'satisfait', onclick: () => openClosing(section, actorId, kind, post, 'fulfil', refresh) },
        'Marquer comme satisfait', h('span', { class: 'sr-only' }, ` : « ${post.details.title} »`)) : null)
      : null)));
  const title = `${labels.title} (${open} ${labels.open}${open > 1 ? 's' : ''})`;
  const shown = posts.length ? list : h('p', {}, labels.none);
  const editor = section.querySelector(':scope > .editeur');
  if (!editor) {
    section.replaceChildren(
      h('h2', { id: `titre-${kind}` }, title),
      h('div', { class: 'actions' }, h('button', { type: 'button', id: `publier-${kind}`, onclick: () => openEditor(section, actorId, kind, null, refresh) }, labels.post)),
      h('div', { class: 'editeur' }),
      shown);
    return;
  }
  // Drawn anew (the user's action, a live event): the list only. A form open in the editor stays as the user left it
  // (a colleague's need arriving takes nothing from what is being typed), and a post's button that had the focus keeps it.
  const spot = focusedControl(section.lastElementChild, 'post');
  section.querySelector(`#titre-${kind}`).textContent = title;
  section.lastElementChild.replaceWith(shown);
  if (spot) {
    // The same button of the same post, or, when that post was closed meanwhile (no buttons left), « Publier ».
    (controlOf(shown, 'post', spot.key, spot.action) || section.querySelector(`#publier-${kind}`))?.focus();
  }
  warnIfEditedElsewhere(editor.querySelector('form[data-post]'), posts, kind);
}

/**
 * The post being edited changed since its form opened (a colleague or a facilitator saved it, or closed it): the form
 * stays as the user typed it, and says what saving it would do.
 */
function warnIfEditedElsewhere(form, posts, kind) {
  if (!form) return;
  const now = posts.find(post => post.id === form.dataset.post);
  const editable = now && EDITABLE.has(now.status);
  const e = kind === 'offers' ? 'e' : ''; // une offre, un besoin
  const notice = editable && JSON.stringify(now.details) === form.dataset.details ? null
    : h('p', { class: 'probleme', role: 'status', 'data-modifie-ailleurs': '' }, editable
      ? `Modifié${e} entre-temps par une autre personne : enregistrer remplacera ses modifications par les vôtres.`
      : `Retiré${e} ou satisfait${e} entre-temps : ${e ? 'elle' : 'il'} ne peut plus être modifié${e}.`);
  const shown = form.querySelector('[data-modifie-ailleurs]');
  if (notice && shown && shown.textContent === notice.textContent) return;
  shown?.remove();
  if (notice) form.querySelector('.probleme-formulaire').before(notice);
}

/**
 * Where the focus goes when a form of the section is cancelled: back to the button that opened it, or, if the list was
 * drawn anew meanwhile, to that post's same button, else to the section's button that posts.
 */
function focusBack(section, kind) {
  const opener = document.activeElement;
  const spot = focusedControl(section, 'post');
  return () => {
    const again = opener?.isConnected ? opener : spot && controlOf(section, 'post', spot.key, spot.action);
    (again || section.querySelector(`#publier-${kind}`))?.focus();
  };
}

/** The form of a need or an offer; the API validates it and its messages appear next to the fields. */
function openEditor(section, actorId, kind, post, refresh) {
  const d = post ? post.details : { territory: {} };
  const back = focusBack(section, kind);
  const level = select('territory.level', LEVELS, d.territory.level, { empty: '— choisir —' });
  // The needs' and the offers' editors may be open at once: each its own heading's id.
  const form = h('form', { novalidate: true, class: 'carte', 'aria-labelledby': `titre-editeur-${kind}`,
    'data-post': post ? post.id : null, 'data-details': post ? JSON.stringify(post.details) : null },
    h('h3', { id: `titre-editeur-${kind}` }, post ? `Modifier « ${d.title} »` : KINDS[kind].post),
    h('div', { class: 'probleme-formulaire' }),
    field('Titre (obligatoire)', h('input', { name: 'title', value: d.title || '', autocomplete: 'off' })),
    field('Description', h('textarea', { name: 'description', rows: 3 }, d.description || '')),
    field('Catégorie de ressource (obligatoire)', select('category', CATEGORIES, d.category, { empty: '— choisir —' })),
    field('Forme de partenariat (obligatoire)', select('form', FORMS, d.form, { empty: '— choisir —' })),
    field('Niveau du territoire (obligatoire)', level),
    territoryCodeField('Territoire (obligatoire)', h('input', { name: 'territory.code', value: d.territory.code || '' }), { level,
      help: 'Son nom, ou son code : code INSEE de la commune, SIREN de l’intercommunalité, numéro du département ou de la '
        + 'région, FR pour national.' }),
    field('Valable jusqu’au', h('input', { type: 'date', name: 'validUntil', value: d.validUntil || '' })),
    checkboxes('Thèmes', 'themes', THEMES, d.themes || []),
    checkboxes('Objectifs de développement durable', 'sdgs', Object.fromEntries(SDGS.map(([n, label]) => [n, `${n}. ${label}`])), d.sdgs || []),
    h('div', { class: 'actions' },
      h('button', { type: 'submit' }, post ? 'Enregistrer' : 'Publier'),
      h('button', { type: 'button', class: 'secondaire', onclick: () => { form.remove(); back(); } }, 'Annuler')));
  // One post per click: a second submit while the first is sent publishes nothing more.
  form.addEventListener('submit', event => {
    event.preventDefault();
    busyWhile(form, () => save());
  });
  const save = async () => {
    const value = name => form.elements[name].value.trim();
    const body = {
      title: value('title'), description: value('description') || null,
      category: value('category') || null, form: value('form') || null,
      territory: { level: value('territory.level') || null, code: value('territory.code') },
      validUntil: value('validUntil') || null,
      themes: checkedValues(form, 'themes'), sdgs: checkedValues(form, 'sdgs').map(Number),
    };
    clearProblems(form);
    try {
      if (post) await profile(`/api/actors/${actorId}/${kind}/${post.id}`, { method: 'PUT', body });
      else await profile(`/api/actors/${actorId}/${kind}`, { method: 'POST', body });
      const done = post ? 'Modifications enregistrées.' : KINDS[kind].published;
      announce(done);
      form.remove(); // done: the list shows it
      if (await readAgainOrSay(section, refresh, done)) section.querySelector(`#publier-${kind}`)?.focus();
    } catch (e) {
      if (e instanceof Problem) showProblem(form, e); else throw e;
    }
  };
  if (openInEditor(section, form)) form.elements.title.focus();
}

/**
 * Opens `form` in the section's editor, unless a form typed in is open there (a need being edited, the profile): that
 * one stays, and says so, instead of losing what was typed to a click on another post's « Retirer ». Whether it was
 * typed in is what its fields hold against what they held when it opened.
 */
function openInEditor(section, form) {
  const editor = section.querySelector('.editeur');
  const open = editor.querySelector('form');
  if (open && open !== form && fieldsOf(open) !== open.dataset.ouvert) {
    let said = open.querySelector('[data-deja-ouvert]');
    if (!said) {
      said = h('p', { class: 'probleme', role: 'alert', 'data-deja-ouvert': '' });
      open.querySelector('.probleme-formulaire').before(said);
    }
    said.textContent = 'Ce formulaire est en cours de saisie : enregistrez-le ou annulez-le avant d’en ouvrir un autre.';
    open.querySelector('input, textarea, select')?.focus();
    return false;
  }
  editor.replaceChildren(form);
  form.dataset.ouvert = fieldsOf(form);
  return true;
}

/** What a form's fields hold, to tell whether someone typed in it. */
function fieldsOf(form) {
  return JSON.stringify([...form.elements].map(field => (field.type === 'checkbox' ? field.checked : field.value)));
}

/**
 * The list read again after a change the service accepted (true once drawn). Should that reading fail (the service
 * away a moment), the change is still said done, and the list to be reloaded: not an error written in a form already
 * closed, unseen, which would leave the user to publish the same need again.
 */
async function readAgainOrSay(section, refresh, done) {
  try {
    await refresh();
    return true;
  } catch (e) {
    if (!(e instanceof Problem)) throw e;
    const said = h('p', { class: 'probleme', role: 'alert', tabindex: '-1', 'data-liste-non-relue': '' },
      `${done} La liste n’a pas pu être relue : rechargez la page pour la voir.`);
    section.querySelector('.editeur').replaceChildren(said);
    said.focus();
    return false;
  }
}

/** Withdraw (with a reason) or fulfil (with a note). */
function openClosing(section, actorId, kind, post, action, refresh) {
  const withdraw = action === 'withdraw';
  const back = focusBack(section, kind);
  const form = h('form', { novalidate: true, class: 'carte' },
    h('h3', {}, withdraw ? `Retirer « ${post.details.title} »` : `« ${post.details.title} » est satisfait`),
    h('div', { class: 'probleme-formulaire' }),
    field(withdraw ? 'Raison du retrait' : 'Note (comment il a été satisfait)', h('input', { name: withdraw ? 'reason' : 'note' }),
      KEPT_IN_HISTORY),
    h('div', { class: 'actions' }, h('button', { type: 'submit', class: withdraw ? 'danger' : '' }, withdraw ? 'Retirer' : 'Confirmer'),
      h('button', { type: 'button', class: 'secondaire', onclick: () => { form.remove(); back(); } }, 'Annuler')));
  form.addEventListener('submit', event => {
    event.preventDefault();
    busyWhile(form, () => close());
  });
  const close = async () => {
    try {
      if (withdraw) {
        // The reason in the body: a query string is written down by the access logs on its way.
        await profile(`/api/actors/${actorId}/${kind}/${post.id}/withdrawal`, { method: 'POST',
          body: { reason: form.elements.reason.value.trim() || null } });
      } else {
        await profile(`/api/actors/${actorId}/needs/${post.id}/fulfilment`, { method: 'POST', body: { note: form.elements.note.value.trim() || null } });
      }
      const done = withdraw ? KINDS[kind].withdrawn : 'Besoin marqué comme satisfait.';
      announce(done);
      form.remove();
      // The post has no buttons left: the focus goes to « Publier ».
      if (await readAgainOrSay(section, refresh, done)) section.querySelector(`#publier-${kind}`)?.focus();
    } catch (e) {
      if (e instanceof Problem) showProblem(form, e); else throw e;
    }
  };
  if (openInEditor(section, form)) form.querySelector('input').focus();
}
