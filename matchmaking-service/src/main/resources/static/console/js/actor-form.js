// The fields of an actor's profile and of its contact person, shared by the two forms that send them whole: registering
// an actor (a facilitator's territory) and changing one (the organisation's page). The same labels and controls in
// both, each control named as the API names its field, so that the API's messages land beside them (showProblem).
import { territoryCodeField } from './territory-field.js';
import { ACTOR_TYPES, SDGS, THEMES, checkboxes, checkedValues, field, h, select } from './ui.js';

/** The controls, filled with the profile and the contact person on file (empty for a new actor). */
export function actorFields(actor = {}, contact = null) {
  const person = contact || {};
  return [
    field('Nom (obligatoire)', h('input', { name: 'name', value: actor.name || '', autocomplete: 'off' })),
    field('Type d’acteur (obligatoire)', select('type', ACTOR_TYPES, actor.type || '', { empty: '— choisir —' })),
    communeField(actor.homeTerritory),
    field('Présentation', h('textarea', { name: 'description', rows: 3 }, actor.description || '')),
    checkboxes('Thèmes', 'themes', THEMES, actor.themes || []),
    checkboxes('Objectifs de développement durable', 'sdgs',
      Object.fromEntries(SDGS.map(([n, label]) => [n, `${n}. ${label}`])), actor.sdgs || []),
    field('Personne à contacter : nom', h('input', { name: 'contact.name', value: person.name || '', autocomplete: 'off' })),
    field('Personne à contacter : courriel', h('input', { name: 'contact.email', type: 'email', value: person.email || '', autocomplete: 'off' })),
    field('Personne à contacter : téléphone', h('input', { name: 'contact.phone', type: 'tel', value: person.phone || '', autocomplete: 'off' })),
  ];
}

/** The home commune, by its name or its INSEE code (which is not the postcode). */
function communeField(code) {
  return territoryCodeField('Commune (obligatoire)', h('input', { name: 'homeTerritory', value: code || '' }), { level: 'COMMUNE',
    help: 'Tapez son nom et choisissez-la, ou son code INSEE (5 caractères, qui n’est pas le code postal).' });
}

/**
 * The body of POST and PUT /api/actors from the form's controls. A contact person with nothing typed is sent as none
 * (the API refuses an empty one): on an update, that leaves the one on file as it is — erasing it is its own action.
 */
export function actorBody(form) {
  const value = name => form.elements[name].value.trim() || null;
  const contact = { name: value('contact.name'), email: value('contact.email'), phone: value('contact.phone') };
  return {
    name: value('name'), type: value('type'), homeTerritory: value('homeTerritory'), description: value('description'),
    themes: checkedValues(form, 'themes'), sdgs: checkedValues(form, 'sdgs').map(Number),
    contact: contact.name || contact.email || contact.phone ? contact : null,
  };
}
