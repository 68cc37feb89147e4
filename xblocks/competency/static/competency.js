/* Learner view of the eip_competency_tracker block: self-ratings, updating the profile after
 * finishing an exercise on the same page, and printing. Plain ES2017, no framework. Every
 * sentence it shows comes from the server (initArgs.strings or the rendered HTML). */
function EIPCompetencyTracker(runtime, element, initArgs) {
  'use strict';

  const core = window.EIPCore;
  const root = core.rootOf(element);
  const block = root.querySelector('.eip-competency') || root;
  const strings = (initArgs && initArgs.strings) || {};

  const find = (selector) => block.querySelector(selector);

  const post = (handler, data) => core.post(runtime, root, handler, data);

  const announce = (target, text) => core.announce(target, text);

  function replace(role, html) {
    const holder = find(`[data-role="${role}"]`);
    if (holder && typeof html === 'string') {
      holder.innerHTML = html;
    }
  }

  async function rate(form) {
    const status = form.querySelector('[data-role="form-status"]');
    const ratings = {};
    const missing = [];
    form.querySelectorAll('fieldset[data-domain]').forEach((fieldset) => {
      const checked = fieldset.querySelector('input[type="radio"]:checked');
      fieldset.classList.toggle('eip-competency__rating--missing', !checked);
      if (checked) {
        ratings[fieldset.dataset.domain] = Number(checked.value);
      } else {
        missing.push(fieldset);
      }
    });
    if (missing.length) {
      // Each area's name keeps the language its legend declares.
      const names = [];
      missing.forEach((fieldset, index) => {
        const legend = fieldset.querySelector('legend');
        if (index) {
          names.push(', ');
        }
        names.push({ text: legend.textContent.trim(), lang: core.langOf(legend) });
      });
      announce(status, core.fill(strings.missing || '{areas}', { areas: names }));
      missing[0].querySelector('input[type="radio"]').focus();
      return;
    }
    const button = form.querySelector('button[type="submit"]');
    button.disabled = true;
    announce(status, strings.saving);
    try {
      const body = await post('rate', { phase: form.dataset.phase, ratings });
      replace('overview', body.overview_html);
      announce(status, strings.saved);
    } catch (error) {
      announce(status, error.message || strings.saveFailed);
    } finally {
      button.disabled = false;
    }
  }

  async function refresh(button) {
    const status = find('[data-role="status"]');
    button.disabled = true;
    announce(status, strings.updating);
    try {
      const body = await post('refresh', {});
      replace('overview', body.overview_html);
      replace('profile', body.profile_html);
      const found = find('[data-role="found"]');
      if (found && body.found_text) {
        found.textContent = body.found_text;
      }
      announce(status, strings.updated);
    } catch (error) {
      announce(status, error.message || strings.updateFailed);
    } finally {
      button.disabled = false;
    }
  }

  function printProfile() {
    const page = document.documentElement;
    page.classList.add('eip-competency-printing');
    block.classList.add('eip-competency--printing');
    const done = () => {
      page.classList.remove('eip-competency-printing');
      block.classList.remove('eip-competency--printing');
      window.removeEventListener('afterprint', done);
    };
    window.addEventListener('afterprint', done);
    window.print();
  }

  block.addEventListener('submit', (event) => {
    const form = event.target.closest('form[data-role="rating-form"]');
    if (form) {
      event.preventDefault();
      rate(form);
    }
  });

  block.addEventListener('change', (event) => {
    const fieldset = event.target.closest('fieldset[data-domain]');
    if (fieldset) {
      fieldset.classList.remove('eip-competency__rating--missing');
    }
  });

  block.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) {
      return;
    }
    if (button.dataset.action === 'print') {
      printProfile();
    } else if (button.dataset.action === 'refresh') {
      refresh(button);
    }
  });
}
