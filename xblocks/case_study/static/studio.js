/* Studio editor of the eip_case_study block: sends the form to studio_submit, which validates
 * everything before saving; problems are listed in place and nothing is saved. */
function EIPCaseStudyStudio(runtime, element, initArgs) {
  'use strict';

  const root = element && element.jquery ? element[0] : element;
  const strings = (initArgs && initArgs.strings) || {};
  const form = root.querySelector('[data-role="studio-form"]');
  const errors = root.querySelector('[data-role="errors"]');
  const status = root.querySelector('[data-role="studio-status"]');

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  function values() {
    const data = {};
    ['display_name', 'start', 'allow_back', 'max_attempts', 'grading', 'competencies', 'weight',
      'content_xml'].forEach((name) => {
      data[name] = form.elements[name].value;
    });
    return data;
  }

  function showErrors(messages) {
    const list = errors.querySelector('[data-role="error-list"]');
    list.textContent = '';
    messages.filter(Boolean).forEach((message) => {
      const item = document.createElement('li');
      item.textContent = message;
      list.appendChild(item);
    });
    errors.querySelector('[data-role="errors-title"]').textContent = strings.invalid;
    errors.hidden = false;
    errors.focus();
  }

  async function save() {
    errors.hidden = true;
    status.textContent = strings.saving;
    runtime.notify('save', { state: 'start', message: strings.saving });
    let response;
    let body = {};
    try {
      response = await fetch(runtime.handlerUrl(root, 'studio_submit'), {
        method: 'POST',
        credentials: 'same-origin',
        headers: {
          'Content-Type': 'application/json',
          'X-CSRFToken': csrfToken(),
          'X-Requested-With': 'XMLHttpRequest',
        },
        body: JSON.stringify(values()),
      });
      body = await response.json();
    } catch (error) {
      response = null;
    }
    status.textContent = '';
    if (response && response.ok) {
      runtime.notify('save', { state: 'end' });
      return;
    }
    const message = (body && body.error) || strings.failed;
    showErrors(message.split('\n'));
    runtime.notify('error', { title: strings.invalid, message });
  }

  root.addEventListener('click', (event) => {
    const button = event.target.closest('button[data-action]');
    if (!button) {
      return;
    }
    event.preventDefault();
    if (button.dataset.action === 'save') {
      save();
    } else if (button.dataset.action === 'cancel') {
      runtime.notify('cancel', {});
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
}
