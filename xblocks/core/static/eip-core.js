/* What the blocks' scripts share, as window.EIPCore: posting JSON to a handler, status
 * announcements, showing a problem, moving focus, and putting text with its language on the
 * page. Plain ES2017, no framework; it holds
 * no sentence for people (every word comes from the server). Loaded before each block's
 * script. */
window.EIPCore = window.EIPCore || (function () {
  'use strict';

  /* The block's DOM element, whether the runtime passes it bare or wrapped in jQuery. */
  function rootOf(element) {
    return element && element.jquery ? element[0] : element;
  }

  function csrfToken() {
    const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : '';
  }

  /* POST `data` as JSON to the block's `handler`; resolves to the JSON answer or rejects
   * with an Error whose message is the server's `error` ('' if none) and `.status`. */
  async function post(runtime, root, handler, data, keepalive) {
    const response = await fetch(runtime.handlerUrl(root, handler), {
      method: 'POST',
      credentials: 'same-origin',
      keepalive: Boolean(keepalive),
      headers: {
        'Content-Type': 'application/json',
        'X-CSRFToken': csrfToken(),
        'X-Requested-With': 'XMLHttpRequest',
      },
      body: JSON.stringify(data),
    });
    let body = {};
    try {
      body = await response.json();
    } catch (error) {
      body = {};
    }
    if (!response.ok) {
      const failure = new Error((body && body.error) || '');
      failure.status = response.status;
      throw failure;
    }
    return body;
  }

  /* Text from the server is a string (in the block's language), a piece {text, lang}, or a
   * list of pieces. A piece with `lang` is in another language than the block's: it goes in
   * its own <span lang>, so that screen readers read it in that language. */
  function setText(target, value) {
    target.textContent = '';
    const pieces = Array.isArray(value) ? value : [value];
    pieces.forEach((piece) => {
      if (piece === null || piece === undefined || piece === '') {
        return;
      }
      if (typeof piece !== 'object') {
        target.appendChild(document.createTextNode(String(piece)));
      } else if (piece.lang) {
        const span = document.createElement('span');
        span.lang = piece.lang;
        span.textContent = piece.text || '';
        target.appendChild(span);
      } else {
        target.appendChild(document.createTextNode(piece.text || ''));
      }
    });
  }

  /* `template` with `{name}` replaced by `values[name]` (a string, a piece or a list of
   * pieces): the pieces to give `setText`. */
  function fill(template, values) {
    const pieces = [];
    String(template || '').split(/(\{[a-z_]+\})/).forEach((part) => {
      const name = /^\{([a-z_]+)\}$/.exec(part);
      if (name && Object.prototype.hasOwnProperty.call(values, name[1])) {
        const value = values[name[1]];
        pieces.push(...(Array.isArray(value) ? value : [value]));
      } else if (part) {
        pieces.push(part);
      }
    });
    return pieces;
  }

  /* The language of an element's own text: its `lang`, or null when it inherits the
   * block's. */
  function langOf(element) {
    return (element && element.getAttribute('lang')) || null;
  }

  /* Put `text` (as for `setText`) in a live region. With `again`, the region is emptied
   * first so that the same words twice are still announced. */
  function announce(region, text, again) {
    if (!region) {
      return;
    }
    if (again) {
      region.textContent = '';
      window.setTimeout(() => { setText(region, text); }, 50);
    } else {
      setText(region, text);
    }
  }

  /* Fill `list` with one item per message, show `box` and move focus to it. */
  function showList(box, list, messages) {
    list.textContent = '';
    messages.filter(Boolean).forEach((message) => {
      const item = document.createElement('li');
      item.textContent = message;
      list.appendChild(item);
    });
    box.hidden = false;
    box.focus();
  }

  /* Move focus to `target` if there is one; true when it moved. */
  function focusOn(target) {
    if (!target) {
      return false;
    }
    target.focus();
    return true;
  }

  return { rootOf, csrfToken, post, announce, setText, fill, langOf, showList, focusOn };
}());
