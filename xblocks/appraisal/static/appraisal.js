/* Learner view of the eip_appraisal block: autosaved drafts, hints, the screening stop rule,
 * submission and retry. Plain ES2017, no framework. Every sentence it shows comes from the
 * server (initArgs.strings or the rendered HTML). The page works by event delegation on the
 * block's root, so the form and feedback the server sends back can replace each other. */
function EIPAppraisalBlock(runtime, element, initArgs) {
  'use strict';

  const core = window.EIPCore;
  const root = core.rootOf(element);
  const block = root.querySelector('.eip-appraisal') || root;
  const args = initArgs || {};
  const strings = args.strings || {};
  const delay = args.autosaveDelay || 1500;
  let timer = null;
  let dirty = false;
  let queue = Promise.resolve();

  const find = (selector) => block.querySelector(selector);
  const form = () => find('form[data-role="form"]');
  let stopped = Boolean(form() && form().dataset.stopped === 'true');

  const post = (handler, data, keepalive) => core.post(runtime, root, handler, data, keepalive);

  const announce = (text) => core.announce(find('[data-role="status"]'), text);
  const setSaveStatus = (text) => core.announce(find('[data-role="save-status"]'), text);

  function entryOf(fieldset) {
    const text = fieldset.querySelector('textarea');
    const written = text ? text.value : '';
    if (!fieldset.querySelector('input[type="radio"]')) {
      return { answer: written, reason: '' }; // a text-only item: the text is the answer
    }
    const checked = fieldset.querySelector('input[type="radio"]:checked');
    return { answer: checked ? checked.value : '', reason: written };
  }

  function collect() {
    const answers = {};
    let overall = { answer: '', reason: '' };
    form().querySelectorAll('fieldset[data-item], fieldset[data-overall]').forEach((fieldset) => {
      if (fieldset.dataset.overall) {
        overall = entryOf(fieldset);
      } else {
        answers[fieldset.dataset.item] = entryOf(fieldset);
      }
    });
    return { answers, overall, stopped };
  }

  // --- drafts -----------------------------------------------------------------------------

  function save() {
    clearTimeout(timer);
    timer = null;
    if (!dirty || !form()) {
      return queue;
    }
    dirty = false;
    const data = collect();
    queue = queue.then(() => post('save_draft', data)).then(
      () => setSaveStatus(strings.saved),
      () => {
        dirty = true;
        setSaveStatus(strings.saveFailed);
        timer = setTimeout(save, delay * 4);
      },
    );
    return queue;
  }

  function scheduleSave() {
    dirty = true;
    clearTimeout(timer);
    timer = setTimeout(save, delay);
  }

  // The page is going away: one last save that the browser finishes on its own.
  function flush() {
    if (dirty && form()) {
      dirty = false;
      clearTimeout(timer);
      post('save_draft', collect(), true).catch(() => { dirty = true; });
    }
  }

  // --- hints and the screening stop rule ---------------------------------------------------

  function toggleHint(button) {
    const panel = document.getElementById(button.getAttribute('aria-controls'));
    const open = button.getAttribute('aria-expanded') !== 'true';
    button.setAttribute('aria-expanded', String(open));
    button.textContent = open ? strings.hideHint : strings.showHint;
    if (panel) {
      panel.hidden = !open;
    }
  }

  function stopTriggered() {
    const current = form();
    if (!current || !current.dataset.stopItems) {
      return null;
    }
    const items = current.dataset.stopItems.split(' ');
    const answers = current.dataset.stopAnswers.split(' ');
    let trigger = null;
    current.querySelectorAll('fieldset[data-screening]').forEach((fieldset) => {
      const checked = fieldset.querySelector('input[type="radio"]:checked');
      if (!trigger && checked && items.includes(fieldset.dataset.item)
          && answers.includes(checked.value)) {
        trigger = fieldset;
      }
    });
    return trigger;
  }

  function updateStopNotice(changed) {
    const notice = find('[data-role="stop-notice"]');
    if (!notice || !changed.closest('fieldset[data-screening]')) {
      return;
    }
    const trigger = stopTriggered();
    if (!trigger) {
      stopped = false;
      notice.hidden = true;
      return;
    }
    trigger.after(notice);
    notice.hidden = false;
    // Filled after it is shown, so that screen readers announce the alert.
    const message = notice.querySelector('[data-role="stop-message"]');
    message.textContent = '';
    window.setTimeout(() => { message.textContent = notice.dataset.message; }, 50);
  }

  function continueAppraisal(button) {
    const notice = button.closest('[data-role="stop-notice"]');
    notice.hidden = true;
    stopped = false;
    const next = notice.nextElementSibling
      && notice.nextElementSibling.querySelector('input, textarea');
    if (next) {
      next.focus();
    }
  }

  // --- submit and retry --------------------------------------------------------------------

  function showProblems(messages) {
    const box = find('[data-role="problems"]');
    core.showList(box, box.querySelector('[data-role="problem-list"]'), messages);
  }

  function replaceWork(html, focusSelector) {
    const work = find('[data-role="work"]');
    work.innerHTML = html;
    core.focusOn(work.querySelector(focusSelector));
  }

  async function submit() {
    const button = find('[data-action="submit"]');
    if (button) {
      button.disabled = true;
    }
    clearTimeout(timer);
    announce(strings.submitting);
    try {
      await queue;
      const body = await post('submit', collect());
      dirty = false;
      replaceWork(body.feedback_html, '.eip-appraisal__heading');
      announce(body.status);
    } catch (error) {
      if (error.status === 400 && error.message) {
        announce('');
        showProblems(error.message.split('\n'));
      } else {
        announce(error.message || strings.submitFailed);
      }
      if (button) {
        button.disabled = false;
      }
    }
  }

  async function retry(button) {
    button.disabled = true;
    try {
      const body = await post('retry', {});
      replaceWork(body.form_html, '.eip-appraisal__heading');
      stopped = false;
      dirty = false;
      announce(strings.retryReady);
    } catch (error) {
      announce(error.message || strings.retryFailed);
      button.disabled = false;
    }
  }

  // --- wiring ------------------------------------------------------------------------------

  block.addEventListener('input', (event) => {
    if (event.target.closest('form[data-role="form"]')) {
      scheduleSave();
    }
  });
  block.addEventListener('change', (event) => {
    if (event.target.matches('input[type="radio"]')) {
      scheduleSave();
      updateStopNotice(event.target);
    }
  });
  block.addEventListener('submit', (event) => {
    event.preventDefault();
    submit();
  });
  block.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button || button.dataset.action === 'submit') {
      return;
    }
    const action = button.dataset.action;
    if (action === 'hint') {
      toggleHint(button);
    } else if (action === 'continue') {
      continueAppraisal(button);
    } else if (action === 'stop') {
      stopped = true;
      submit();
    } else if (action === 'retry') {
      retry(button);
    }
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'hidden') {
      flush();
    }
  });
  window.addEventListener('pagehide', flush);

  if (stopTriggered() && !stopped) {
    const notice = find('[data-role="stop-notice"]');
    stopTriggered().after(notice);
    notice.hidden = false;
    notice.querySelector('[data-role="stop-message"]').textContent = notice.dataset.message;
  }

  return { save, flush };
}
