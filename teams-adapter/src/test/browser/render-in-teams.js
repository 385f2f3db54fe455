// Renders one card with Microsoft's Adaptive Cards renderer in a chat of a given width, with a given host config, and
// reports what a reader would miss: what the renderer refused or complained about, every label it had to cut, and
// every action it did not show as a button (e.g. moved to an overflow menu).
(function () {
  'use strict';

  // Chromium's drop-down arrow and the room around it inside a <select>.
  const SELECT_ARROW_PX = 24;

  function eventName(event) {
    return AdaptiveCards.ValidationEvent[event] ?? String(event);
  }

  function complaints(context, card) {
    const found = [];
    for (let i = 0; i < context.eventCount; i++) {
      const event = context.getEventAt(i);
      found.push('parse: ' + eventName(event.event) + ': ' + event.message);
    }
    for (const event of card.validateProperties().validationEvents) {
      found.push('validation: ' + eventName(event.event) + ': ' + event.message);
    }
    return found;
  }

  function text(element) {
    return (element.innerText || element.getAttribute('aria-label') || '').replace(/\s+/g, ' ').trim();
  }

  function kindOf(element) {
    if (element.closest('.ac-pushButton, .ac-pushButton-disabled')) {
      return 'button';
    }
    if (element.closest('.ac-choiceSetInput-expanded, .ac-choiceSetInput-multiSelect')) {
      return 'choice';
    }
    return 'text';
  }

  // Elements that end in an ellipsis because their text is wider than they are.
  function truncated(root) {
    const cut = [];
    const seen = new Set();
    for (const element of root.querySelectorAll('*')) {
      if (getComputedStyle(element).textOverflow !== 'ellipsis' || element.scrollWidth <= element.clientWidth + 1) {
        continue;
      }
      const kind = kindOf(element);
      const owner = kind === 'button' ? element.closest('.ac-pushButton, .ac-pushButton-disabled') : element;
      const label = text(owner);
      if (label && !seen.has(kind + label)) {
        seen.add(kind + label);
        cut.push({ kind: kind, label: label });
      }
    }
    return cut;
  }

  // A closed drop-down shows its option on one line; an option wider than the box is cut.
  function truncatedOptions(root) {
    const cut = [];
    const canvas = document.createElement('canvas').getContext('2d');
    for (const select of root.querySelectorAll('select')) {
      const style = getComputedStyle(select);
      canvas.font = style.font;
      const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight) - SELECT_ARROW_PX;
      for (const option of select.options) {
        if (canvas.measureText(option.text).width > room) {
          cut.push({ kind: 'option', label: option.text });
        }
      }
    }
    return cut;
  }

  function actionTitles(node, titles) {
    if (Array.isArray(node)) {
      node.forEach((child) => actionTitles(child, titles));
    } else if (node && typeof node === 'object') {
      for (const [key, value] of Object.entries(node)) {
        if ((key === 'actions') && Array.isArray(value)) {
          value.filter((action) => action && action.title).forEach((action) => titles.push(action.title.trim()));
        }
        if (key !== 'selectAction' && key !== 'refresh') {
          actionTitles(value, titles);
        }
      }
    }
    return titles;
  }

  function notShown(json, root) {
    const shown = Array.from(root.querySelectorAll('.ac-pushButton, .ac-pushButton-disabled')).map(text);
    return actionTitles(json, []).filter((title) => !shown.includes(title));
  }

  /**
   * @returns {{rejected: string[], cut: {kind: string, label: string}[], notShown: string[], buttons: number}}
   */
  window.renderInTeams = function (cardJson, hostConfigJson, widthPx) {
    const chat = document.getElementById('chat');
    chat.innerHTML = '';
    chat.style.width = widthPx + 'px';
    const json = JSON.parse(cardJson);
    const card = new AdaptiveCards.AdaptiveCard();
    card.hostConfig = new AdaptiveCards.HostConfig(JSON.parse(hostConfigJson));
    const context = new AdaptiveCards.SerializationContext();
    card.parse(json, context);
    const rejected = complaints(context, card);
    const rendered = card.render();
    if (!rendered) {
      rejected.push('render: the renderer returned nothing');
      return { rejected: rejected, cut: [], notShown: [], buttons: 0 };
    }
    chat.appendChild(rendered);
    return {
      rejected: rejected,
      cut: truncated(rendered).concat(truncatedOptions(rendered)),
      notShown: notShown(json, rendered),
      buttons: rendered.querySelectorAll('.ac-pushButton, .ac-pushButton-disabled').length
    };
  };
}());
