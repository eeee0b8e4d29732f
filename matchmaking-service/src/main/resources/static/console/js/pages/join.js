// Joining an organisation with the code of an invitation a member of it handed over (or the link that carries it):
// the code goes to profile-service, which alone says whether it works; its refusals are shown as they come.
import { profile, Problem } from '../api.js';
import { announce, busyWhile, clearProblems, field, h, showProblem } from '../ui.js';

export async function render(main, context, code) {
  // The code came in the address (the link a member handed over): keep it in the form, not in the browser's history.
  if (code) history.replaceState(null, '', '#/rejoindre');
  const input = h('input', { name: 'invitationCode', value: code || '', autocomplete: 'off', spellcheck: 'false' });
  const form = h('form', { novalidate: true, class: 'carte' },
    h('div', { class: 'probleme-formulaire' }),
    field('Code d’invitation', input, 'Le code que vous a transmis un·e responsable de l’organisation ou l’animateur·rice de son territoire (il ne sert qu’une fois et expire).'),
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Rejoindre l’organisation')));
  // One request per click: a code serves once, and a second submit while the first is sent would only be refused.
  form.addEventListener('submit', event => {
    event.preventDefault();
    busyWhile(form, async () => {
      clearProblems(form);
      try {
        const actor = await profile('/api/me/actors', { method: 'POST', body: { invitationCode: input.value.trim() } });
        announce(`Vous êtes membre de « ${actor.name} ».`);
        // The navigation follows the caller's organisations: start again from the one just joined.
        location.hash = `#/organisation/${actor.id}`;
        location.reload();
      } catch (e) {
        if (e instanceof Problem) showProblem(form, e); else throw e;
      }
    });
  });
  main.replaceChildren(h('h1', {}, 'Rejoindre une organisation'),
    h('p', {}, context.myActors.length
      ? 'Vous agissez déjà pour une organisation ; un code d’invitation vous fait membre d’une autre.'
      : 'Votre compte n’est encore membre d’aucune organisation. Un·e responsable de la vôtre, ou l’animateur·rice de son territoire, peut vous inviter depuis la page de l’organisation : saisissez ici le code qu’on vous a transmis.'),
    form);
  return null;
}
