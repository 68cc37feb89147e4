/* The blocks' Studio editor: sends every named field of the form to studio_submit, which
 * validates everything before saving; problems are listed in place and nothing is saved. */
function EIPStudio(runtime, element, initArgs) {
  'use strict';

  const core = window.EIPCore;
  const root = core.rootOf(element);
  const strings = (initArgs && initArgs.strings) || {};
  const form = root.querySelector('[data-role="studio-form"]');
  const errors = root.querySelector('[data-role="errors"]');
  const status = root.querySelector('[data-role="studio-status"]');

  function values() {
    const data = {};
    Array.from(form.elements).forEach((field) => {
      if (field.name) {
        data[field.name] = field.value;
      }
    });
    return data;
  }

  function showErrors(messages) {
    errors.querySelector('[data-role="errors-title"]').textContent = strings.invalid;
    core.showList(errors, errors.querySelector('[data-role="error-list"]'), messages);
  }

  // Studio's runtime tells its modal through notify(); older workbench runtimes have none.
  function notify(name, data) {
    if (typeof runtime.notify === 'function') runtime.notify(name, data);
  }

  async function save() {
    errors.hidden = true;
    status.textContent = strings.saving;
    notify('save', { state: 'start', message: strings.saving });
    try {
      await core.post(runtime, root, 'studio_submit', values());
    } catch (error) {
      status.textContent = '';
      // A network failure has no status: its message is the browser's, not the server's.
      const message = (error.status && error.message) || strings.failed;
      showErrors(message.split('\n'));
      notify('error', { title: strings.invalid, message });
      return;
    }
    status.textContent = '';
    notify('save', { state: 'end' });
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
      notify('cancel', {});
    }
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    save();
  });
}
