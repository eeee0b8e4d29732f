// The live mode on the day: the check-in list (arrived, absent, late), starting the rounds with their timer, a table
// lost, and the rounds to come as the service re-plans them, shown as soon as the session's events reach the live
// stream, without a reload (also when another device, the reception desk for instance, records an absence).
import { Problem, serverNow } from '../api.js';
import { onEvent } from '../live.js';
import { PRESENCE, fill, overview, post, schedule, stage } from '../sessions-api.js';
import { announce, busyWhile, coalescing, field, focusIfLost, focusItemAgain, h, keepingChoices, problemBox } from '../ui.js';

/** The lists' items whose controls may go with a redraw: the focus stays on the item (keepingChoices). */
const ITEMS = ['participant'];

export async function render(main, context, sessionId) {
  const first = await overview(sessionId);
  const status = h('div', { class: 'etat-action' });
  const where = h('p', {});
  const timer = h('p', { class: 'minuteur', role: 'timer', 'aria-live': 'off', 'aria-label': 'Temps restant du tour' }, '--:--');
  const checkIn = h('section', { 'aria-labelledby': 'titre-accueil' });
  const rounds = h('section', { 'aria-labelledby': 'titre-tours' });
  const closing = h('div', { class: 'actions' });
  const tables = h('div', {});
  // confirmingClose: the facilitator asked to close the session and is reading what it ends (kept across redraws);
  // confirmingRound: the round the facilitator asked to start while some of its participants are not pointed yet.
  const state = { session: first, plan: null, version: null, confirmingClose: false, confirmingRound: 0 };
  let ticking = null;
  let timedRound = 0;

  /**
   * The round's countdown, from when it started: now, or the service's roundStartedAt after a reload — on the service's
   * clock (serverNow), so that two devices, or one whose clock is off, count down alike.
   */
  const startTimer = (round, startedAt = serverNow()) => {
    if (round === timedRound) return;
    timedRound = round;
    const end = startedAt + state.session.minutesPerRound * 60_000;
    const alreadyOver = end <= serverNow(); // found over after a reload: nothing to announce
    clearInterval(ticking);
    const tick = () => {
      const left = Math.max(0, end - serverNow());
      timer.textContent = `Tour ${round} — ${String(Math.floor(left / 60_000)).padStart(2, '0')}:${String(Math.floor(left / 1000) % 60).padStart(2, '0')}`;
      if (!left) { clearInterval(ticking); if (!alreadyOver) announce(`Fin du tour ${round}.`); }
    };
    tick();
    if (end > serverNow()) ticking = setInterval(tick, 250);
  };
  const stopTimer = () => {
    clearInterval(ticking);
    ticking = null;
    timer.textContent = '--:--';
  };

  /** The round under way, as the service tells it: its countdown goes on from its start (a reload, another device). */
  const followRound = () => {
    const s = state.session;
    if (s.closed) {
      if (timedRound !== -1) stopTimer();
      timedRound = -1; // closed: no round is timed any more
      return;
    }
    const startedAt = s.roundStartedAt ? Date.parse(s.roundStartedAt) : NaN;
    if (s.roundsStarted && Number.isFinite(startedAt)) startTimer(s.roundsStarted, startedAt);
  };

  // `control`: the button or form that sent the command, busy until the page shows its result (no command sent twice);
  // `focusAfter`: where the focus goes when the redraw took the control away (« Lancer le tour » once started).
  const act = (action, message, control, focusAfter) => busyWhile(control, async () => {
    status.replaceChildren();
    // A participant's button that goes with the command (« Arrivé » once arrived): the focus stays on their line, the
    // line itself — its first button now is the opposite action (« Absent » after « Arrivé »), which one more Entrée at
    // a busy desk would send.
    const line = control?.closest?.('li[data-participant]');
    const index = line ? [...checkIn.querySelectorAll('li[data-participant]')].indexOf(line) : -1;
    try {
      await action();
      if (message) announce(message);
      await refresh();
      if (line) focusItemAgain(checkIn, 'participant', line.dataset.participant, index, checkIn.querySelector('h2'), { itself: true });
      else if (focusAfter) focusIfLost(focusAfter());
    } catch (e) {
      if (!(e instanceof Problem)) throw e;
      status.replaceChildren(problemBox(e));
      status.firstChild.setAttribute('tabindex', '-1');
      status.firstChild.focus();
    }
  });

  const refresh = coalescing(async () => {
    state.session = await overview(sessionId);
    state.plan = state.session.scheduled ? await schedule(sessionId) : null;
    if (state.version !== null && state.session.scheduleVersion !== state.version) announce('Les tours à venir ont été re-planifiés.');
    state.version = state.session.scheduleVersion;
    keepingChoices(main, draw, ITEMS);
    followRound();
  });

  function draw() {
    const s = state.session;
    where.textContent = `${s.place ? `${s.place} — ` : ''}${s.rounds} tours de ${s.minutesPerRound} minutes, `
      + `${s.tables - s.lostTables.length} tables${s.lostTables.length ? ` (retirée${s.lostTables.length > 1 ? 's' : ''} : ${s.lostTables.join(', ')})` : ''} — ${stage(s)}`;
    const open = !s.closed;
    const button = (key, text, name, onclick) => h('button', { type: 'button', class: 'secondaire', 'data-cle': key,
      onclick: event => onclick(event.currentTarget) }, text, h('span', { class: 'sr-only' }, ` : ${name}`));
    const present = s.participants.filter(p => p.presence !== 'ABSENT').length;
    // A change at the desk is two writes (the presence, then the re-plan): one whose re-plan failed (a restart in
    // between) leaves someone absent seated — the session then refuses hand changes — or someone arrived at no table.
    // The service says so (replanPending); the same request sent again finishes it.
    const finishing = p => p.presence === 'ABSENT' ? 'absences' : s.roundsStarted ? 'late-arrivals' : 'check-ins';
    fill(checkIn, h('h2', { id: 'titre-accueil' }, `Accueil des participants (${present} sur ${s.participants.length} attendus)`),
      h('ul', { class: 'accueil', role: 'list' }, s.participants.map(p => h('li', { 'data-participant': p.actorId, 'data-presence': p.presence },
        h('span', { class: 'nom' }, p.name), ' ', h('span', { class: `etiquette presence-${p.presence.toLowerCase()}` }, PRESENCE[p.presence]),
        open ? h('span', { class: 'boutons' },
          // Noted absent before the first round (a wrong line clicked, someone who stepped out): arrived after all.
          p.presence === 'REGISTERED' || (p.presence === 'ABSENT' && !s.roundsStarted) ? button(`arrive-${p.actorId}`, 'Arrivé', p.name,
            control => act(() => post(sessionId, 'check-ins', { actorId: p.actorId }), `${p.name} est arrivé.`, control)) : null,
          p.presence !== 'ABSENT' ? button(`absent-${p.actorId}`, 'Absent', p.name,
            control => act(() => post(sessionId, 'absences', { actorId: p.actorId }), `${p.name} est noté absent : les tours à venir sont re-planifiés.`, control)) : null,
          s.roundsStarted && p.presence !== 'CHECKED_IN' ? button(`retard-${p.actorId}`, 'En retard', p.name,
            control => act(() => post(sessionId, 'late-arrivals', { actorId: p.actorId }), `${p.name} arrive en retard : les tours à venir sont re-planifiés.`, control)) : null,
          p.replanPending ? button(`replanifier-${p.actorId}`, p.presence === 'ABSENT' ? 'Retirer des tours à venir' : 'Replacer dans les tours', p.name,
            control => act(() => post(sessionId, finishing(p), { actorId: p.actorId }),
              `Tours à venir re-planifiés pour ${p.name}.`, control)) : null)
          : null))));
    if (!state.plan) {
      fill(rounds, h('h2', { id: 'titre-tours' }, 'Tours'), h('p', {}, 'Aucun plan : générez-le et publiez-le depuis la page de la session.'));
    } else {
      const next = s.roundsStarted + 1;
      fill(rounds, h('h2', { id: 'titre-tours' }, 'Tours'),
        s.published ? null : h('p', { class: 'probleme' }, 'Le plan n’est pas publié : publiez-le avant de lancer le premier tour.'),
        h('div', { class: 'grille' }, state.plan.rounds.map(r => {
          const when = r.round < s.roundsStarted || (r.round === s.roundsStarted && s.closed) ? 'terminé'
            : r.round === s.roundsStarted ? 'en cours' : 'à venir';
          return h('div', { class: 'carte', 'data-tour': r.round, 'data-etat': when },
            h('h3', { 'data-cle': `titre-tour-${r.round}` }, `Tour ${r.round} — ${(r.startsAt || '').slice(0, 5)} — ${when}`),
            h('ul', {}, r.tables.map(t => h('li', { 'data-rencontre': `${t.actor.actorId} ${t.partner.actorId}` },
              `Table ${t.table} : ${t.actor.name} et ${t.partner.name}${t.locked ? ' (verrouillée)' : ''}`))),
            open && s.published && r.round === next ? roundStart(r) : null);
        })));
    }
    const available = Array.from({ length: s.tables }, (_, i) => i + 1).filter(t => !s.lostTables.includes(t));
    const tableForm = h('form', { novalidate: true, class: 'filtres', 'aria-labelledby': 'titre-table-perdue' },
      h('h2', { id: 'titre-table-perdue', class: 'sr-only' }, 'Retirer une table'),
      field('Table qui n’est plus disponible', h('select', { name: 'table', 'data-cle': 'table-perdue' },
        available.map(t => h('option', { value: t }, `Table ${t}`)))),
      h('button', { type: 'submit', class: 'secondaire', 'data-cle': 'retirer-table' }, 'Retirer la table'));
    tableForm.addEventListener('submit', event => {
      event.preventDefault();
      const table = Number(tableForm.elements.table.value);
      act(() => post(sessionId, 'tables-lost', { table }), `Table ${table} retirée : les tours à venir sont re-planifiés.`, tableForm);
    });
    fill(tables, open && available.length > 1 ? tableForm : '');
    if (!open) state.confirmingClose = false;
    fill(closing, !open ? h('p', {}, 'La session est close.')
      : state.confirmingClose ? closeConfirmation(s)
        : h('button', { type: 'button', class: 'danger', 'data-cle': 'clore', onclick: () => {
          state.confirmingClose = true;
          keepingChoices(main, draw, ITEMS);
          closing.querySelector('[data-cle="clore-annuler"]')?.focus();
        } }, 'Clore la session'));
  }

  /**
   * Starting a round records its meetings as held, but for those of someone marked absent. A participant seated in it
   * whom nobody pointed yet (neither « Arrivé » nor « Absent ») may not have come: the facilitator reads who, and
   * points them or starts the round anyway (a lab that does without the welcome desk), rather than find afterwards
   * meetings recorded as held, and introductions opened, for someone who was not there.
   */
  function roundStart(r) {
    const registered = new Map(state.session.participants.filter(p => p.presence === 'REGISTERED').map(p => [p.actorId, p.name]));
    const notPointed = [...new Set(r.tables.flatMap(t => [t.actor.actorId, t.partner.actorId]))].filter(id => registered.has(id))
      .map(id => registered.get(id));
    const start = control => act(async () => {
      await post(sessionId, `rounds/${r.round}/start`);
      state.confirmingRound = 0;
      startTimer(r.round);
    }, `Tour ${r.round} lancé.`, control, () => rounds.querySelector(`[data-tour="${r.round}"] h3`));
    if (!notPointed.length || state.confirmingRound !== r.round) {
      return h('button', { type: 'button', 'data-cle': `lancer-${r.round}`, onclick: event => {
        if (!notPointed.length) return start(event.currentTarget);
        state.confirmingRound = r.round;
        keepingChoices(main, draw, ITEMS);
        rounds.querySelector(`[data-cle="lancer-annuler-${r.round}"]`)?.focus();
      } }, `Lancer le tour ${r.round}`);
    }
    const cancel = () => {
      state.confirmingRound = 0;
      keepingChoices(main, draw, ITEMS);
      rounds.querySelector(`[data-cle="lancer-${r.round}"]`)?.focus();
    };
    const one = notPointed.length === 1;
    const box = h('div', { role: 'group', 'aria-labelledby': `titre-lancer-${r.round}`, 'aria-describedby': `non-pointes-${r.round}` },
      h('h4', { id: `titre-lancer-${r.round}` }, `Lancer le tour ${r.round} ?`),
      h('p', { id: `non-pointes-${r.round}`, class: 'probleme', 'data-non-pointes': notPointed.length },
        one ? `Ce participant n’est ni arrivé ni noté absent : ${notPointed[0]}. Sa rencontre de ce tour sera comptée `
          + 'comme tenue. Notez son arrivée ou son absence ci-dessus, ou lancez le tour quand même.'
          : `Ces participants ne sont ni arrivés ni notés absents : ${notPointed.join(', ')}. Leurs rencontres de ce `
          + 'tour seront comptées comme tenues. Notez leur arrivée ou leur absence ci-dessus, ou lancez le tour quand même.'),
      h('div', { class: 'actions' },
        h('button', { type: 'button', 'data-cle': `lancer-confirmer-${r.round}`, onclick: event => start(event.currentTarget) }, 'Lancer quand même'),
        h('button', { type: 'button', class: 'secondaire', 'data-cle': `lancer-annuler-${r.round}`, onclick: cancel }, 'Annuler')));
    box.addEventListener('keydown', event => { if (event.key === 'Escape') cancel(); });
    return box;
  }

  /**
   * Closing cannot be undone: the facilitator reads what it ends (the rounds not started yet will not take place)
   * and confirms it, or goes back.
   */
  function closeConfirmation(s) {
    const notStarted = Array.from({ length: Math.max(0, s.rounds - s.roundsStarted) }, (_, i) => s.roundsStarted + i + 1);
    const rounds = notStarted.length === 1 ? `Le tour ${notStarted[0]} n’a pas commencé : il n’aura pas lieu.`
      : notStarted.length ? `Les tours ${notStarted.slice(0, -1).join(', ')} et ${notStarted[notStarted.length - 1]} n’ont pas commencé : ils n’auront pas lieu.`
        : 'Tous les tours ont commencé.';
    const cancel = () => {
      state.confirmingClose = false;
      keepingChoices(main, draw, ITEMS);
      closing.querySelector('[data-cle="clore"]')?.focus();
    };
    const box = h('div', { class: 'carte', role: 'group', 'aria-labelledby': 'titre-clore' },
      h('h2', { id: 'titre-clore' }, 'Clore la session ?'),
      h('p', { 'data-tours-non-commences': notStarted.join(' ') }, rounds),
      h('p', {}, 'Une session close ne peut pas être rouverte : plus aucun tour ne peut être lancé ni aucune présence notée.'),
      h('div', { class: 'actions' },
        h('button', { type: 'button', class: 'danger', 'data-cle': 'clore-confirmer', onclick: event => act(async () => {
          await post(sessionId, 'close');
          state.confirmingClose = false;
        }, 'Session close.', event.currentTarget).then(() => {
          // Its buttons gone, the focus goes to the sentence saying the session is closed.
          const said = state.session.closed && closing.querySelector('p');
          if (said) { said.setAttribute('tabindex', '-1'); said.focus(); }
        }) }, 'Clore définitivement'),
        h('button', { type: 'button', class: 'secondaire', 'data-cle': 'clore-annuler', onclick: cancel }, 'Annuler')));
    box.addEventListener('keydown', event => { if (event.key === 'Escape') cancel(); });
    return box;
  }

  main.replaceChildren(h('h1', {}, `En direct : ${first.title}`), where, timer, status, checkIn, rounds, tables, closing,
    h('p', {}, h('a', { href: `#/sessions/${sessionId}` }, 'Revenir au plan de table')));
  await refresh();
  const stop = onEvent(event => {
    if (event.aggregateId !== sessionId) return;
    refresh().then(() => {
      // Without the service's start instant (an older service), from the moment the event reached the page.
      if (event.type === 'RoundStartedEvent' && state.session.roundsStarted && !state.session.closed) startTimer(state.session.roundsStarted);
    }).catch(() => {});
  });
  return () => { stop(); clearInterval(ticking); };
}
