/* Learner view of the eip_case_study block: one step at a time. Each form posts to its
 * handler (advance, choose, map); back and restart are buttons. The server answers with the
 * new node's HTML, which replaces the old one; focus moves to the new node's heading and the
 * status is announced. Plain ES2017, no framework; every sentence comes from the server. */
function EIPCaseStudyBlock(runtime, element, initArgs) {
  'use strict';

  const core = window.EIPCore;
  const root = core.rootOf(element);
  const block = root.querySelector('.eip-case-study') || root;
  const strings = (initArgs && initArgs.strings) || {};
  let busy = false;

  const find = (selector) => block.querySelector(selector);

  const post = (handler, data) => core.post(runtime, root, handler, data);

  // Emptied first, so that the same words twice are still announced.
  const announce = (text) => core.announce(find('[data-role="status"]'), text, true);

  function showProblem(form, text, focusTarget) {
    const problem = form && form.querySelector('[data-role="problem"]');
    if (problem) {
      problem.textContent = text || strings.failed;
      problem.hidden = false;
    }
    announce(text || strings.failed);
    core.focusOn(focusTarget);
  }

  function clearProblem(form) {
    const problem = form && form.querySelector('[data-role="problem"]');
    if (problem) {
      problem.hidden = true;
      problem.textContent = '';
    }
  }

  function show(body) {
    const walk = find('[data-role="walk"]');
    walk.innerHTML = body.node_html;
    const heading = walk.querySelector('[data-role="heading"]');
    if (heading) {
      heading.focus();
    }
    // The status names the node: its pieces carry the title's language.
    announce(body.status_parts || body.status);
  }

  function checked(container) {
    const radio = container.querySelector('input[type="radio"]:checked');
    return radio ? radio.value : '';
  }

  /* The request for a form, or null (and the problem shown) if something is missing. */
  function requestFor(form) {
    const node = form.dataset.node;
    const action = form.dataset.action;
    if (action === 'choose') {
      const choice = checked(form);
      if (!choice) {
        showProblem(form, strings.chooseFirst, form.querySelector('input[type="radio"]'));
        return null;
      }
      return { handler: 'choose', data: { node, choice } };
    }
    if (action === 'map') {
      const placements = {};
      let missing = null;
      form.querySelectorAll('fieldset[data-statement]').forEach((fieldset) => {
        const value = checked(fieldset);
        if (value) {
          placements[fieldset.dataset.statement] = value;
        } else if (!missing) {
          missing = fieldset.querySelector('input[type="radio"]');
        }
      });
      if (missing) {
        showProblem(form, strings.placeAll, missing);
        return null;
      }
      const data = { node, placements };
      if (form.dataset.scale === 'true') {
        // The safety scale is optional; when given it must be a whole number 0-10.
        const scale = form.elements.scale;
        const value = scale.value.trim();
        const number = Number(value);
        if (scale.validity.badInput
            || (value !== '' && (!Number.isInteger(number) || number < 0 || number > 10))) {
          showProblem(form, strings.scaleNeeded, scale);
          return null;
        }
        data.scale = value === '' ? null : number;
        data.reason = form.elements.reason.value;
      }
      return { handler: 'map', data };
    }
    const data = { node };
    if (form.elements.text) {
      data.text = form.elements.text.value;
    }
    return { handler: 'advance', data };
  }

  async function send(handler, data, form, button) {
    if (busy) {
      return;
    }
    busy = true;
    if (button) {
      button.disabled = true;
    }
    announce(strings.working);
    try {
      show(await post(handler, data));
    } catch (error) {
      showProblem(form, error.message || strings.failed, null);
      if (button) {
        button.disabled = false;
      }
    } finally {
      busy = false;
    }
  }

  block.addEventListener('submit', (event) => {
    const form = event.target.closest('form[data-role="step"]');
    if (!form) {
      return;
    }
    event.preventDefault();
    clearProblem(form);
    const request = requestFor(form);
    if (request) {
      send(request.handler, request.data, form, form.querySelector('button[type="submit"]'));
    }
  });

  block.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action="back"], button[data-action="restart"]');
    if (!button) {
      return;
    }
    event.preventDefault();
    const form = button.closest('form');
    if (form) {
      clearProblem(form);
    }
    send(button.dataset.action, {}, form, button);
  });

  block.addEventListener('change', (event) => {
    const form = event.target.closest('form[data-role="step"]');
    if (form && event.target.matches('input[type="radio"]')) {
      clearProblem(form);
    }
  });

  return {};
}
