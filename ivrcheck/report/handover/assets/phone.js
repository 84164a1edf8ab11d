// The phone of the ivrcheck report: walk a menu as a caller would. Plain DOM, no libraries.
// Every text from the menu is set with textContent, never parsed as HTML.
(function () {
  'use strict';
  var source = document.getElementById('ivr-data');
  if (!source) { return; }
  var lines = JSON.parse(source.textContent);
  var ENDS = {
    agent: 'A person answers', transfer: 'The call is transferred', callback: 'A callback is booked',
    voicemail: 'The caller leaves a message', hangup: 'The line hangs up', self_service: 'An automated service takes over',
    external: 'The call continues in another file'
  };
  var LOOP_LIMIT = 200;

  Array.prototype.forEach.call(document.querySelectorAll('[data-phone]'), function (root) {
    var line = lines[Number(root.getAttribute('data-phone'))];
    if (line) { setup(root, line); }
  });

  function setup(root, line) {
    var section = root.closest('section') || document;
    var $ = function (selector) { return root.querySelector(selector); };
    var call = null;
    root.hidden = false;
    Array.prototype.forEach.call(section.querySelectorAll('.needs-script'), function (el) { el.hidden = true; });

    function state() {
      var picked = root.querySelector('input[data-state]:checked');
      return picked ? picked.getAttribute('data-state') : 'open';
    }
    function edges(id) { return (line.states[call.state].edges[id]) || []; }
    function node(id) { return line.nodes[id] || { type: 'external' }; }
    function show(selector, text) { $(selector).textContent = text; }

    function showDiagram() {
      var current = state();
      Array.prototype.forEach.call(section.querySelectorAll('figure[data-state]'), function (figure) {
        figure.classList.toggle('other-state', figure.getAttribute('data-state') !== current);
      });
    }

    function start() {
      call = { state: state(), node: null, seconds: 0, tries: 0, digits: '', dial: null, menus: [], ended: false };
      act();
      $('.phone-path').textContent = '';
      root.classList.add('in-call');
      step(line.entry, 'call');
    }

    // The caller did something: what was being said stops, and the transcript starts afresh.
    function act() {
      if ('speechSynthesis' in window) { window.speechSynthesis.cancel(); }
      $('.phone-heard').textContent = '';
      $('.phone-choices').textContent = '';
    }

    function hangUp(text) {
      if (call) { call.ended = true; }
      root.classList.remove('in-call');
      show('.phone-status', text || 'Call ended.');
    }

    // Follow one way out of the current node, adding its seconds, then settle at the next stop.
    function follow(edge, how, extra) {
      call.seconds += extra === undefined ? edge.seconds : extra;
      var to = edge.to;
      if (edge.back) {
        var menus = call.menus.filter(function (id) { return id !== call.node; });
        to = menus.length ? menus[menus.length - 1] : call.node;
      }
      step(to, how);
    }

    function step(to, how) {
      var item = document.createElement('li');
      item.textContent = (how === 'call' ? 'call' : how) + ' → ' + to;
      item.setAttribute('data-node', to);
      $('.phone-path').appendChild(item);
      call.node = to;
      call.tries = 0;
      call.digits = '';
      call.dial = null;
      settle(0);
    }

    // Move on by itself through messages, branches and closed queues until the caller must act.
    function settle(depth) {
      var id = call.node, here = node(id), out = edges(id);
      render();
      if (depth > LOOP_LIMIT) { return hangUp('The call goes round in a loop with nothing for the caller to do.'); }
      if (here.prompt) { heard(here.prompt); }
      if (here.type === 'menu' || here.type === 'input') {
        if (call.menus[call.menus.length - 1] !== id) { call.menus.push(id); }
        show('.phone-status', here.type === 'input' ? 'Enter ' + here.digits + ' digits, or stay silent.' : 'Press a key, or stay silent.');
        return;
      }
      var onward = pick(out, ['closed', 'next', 'input']) || routeCase(out);
      if (onward === 'choose') { return; }
      if (onward) { return moveOn(onward, depth); }
      var end = ENDS[here.type] || 'The call ends';
      if (here.queue) { end += ' (queue “' + here.queue + '”)'; }
      if (here.type === 'transfer' && !here.human) { end += ' to a number no person is known to answer'; }
      if (here.type === 'message') { end = 'The message ends and nothing follows: the call is stuck'; }
      hangUp(end + '.');
    }

    function moveOn(edge, depth) {
      call.seconds += edge.seconds;
      var item = document.createElement('li');
      item.textContent = (edge.kind === 'case' ? edge.case : edge.kind) + ' → ' + edge.to;
      item.setAttribute('data-node', edge.to);
      $('.phone-path').appendChild(item);
      call.node = edge.to;
      settle(depth + 1);
    }

    function pick(out, kinds) {
      for (var i = 0; i < kinds.length; i++) {
        for (var j = 0; j < out.length; j++) { if (out[j].kind === kinds[i]) { return out[j]; } }
      }
      return null;
    }

    // A branch on hours follows the chosen state; a branch on anything else lets the reader choose.
    function routeCase(out) {
      var cases = out.filter(function (e) { return e.kind === 'case' || e.kind === 'default'; });
      var timed = cases.filter(function (e) { return e.state === call.state; });
      if (timed.length) { return timed[0]; }
      var plain = cases.filter(function (e) { return !e.state; });
      if (plain.length <= 1) { return plain[0] || null; }
      var box = $('.phone-choices');
      box.textContent = '';
      show('.phone-status', 'The line decides here. Choose what it finds:');
      plain.forEach(function (edge) {
        var button = document.createElement('button');
        button.type = 'button';
        button.textContent = edge.kind === 'default' ? 'anything else' : edge.case;
        button.addEventListener('click', function () { box.textContent = ''; moveOn(edge, 0); });
        box.appendChild(button);
      });
      return 'choose';
    }

    function press(key) {
      if (!call || call.ended) { return; }
      var here = node(call.node), out = edges(call.node);
      if (here.type === 'input') {
        call.digits += key;
        if (call.digits.length < here.digits) { return show('.phone-status', 'Entered ' + call.digits); }
        var done = pick(out, ['input']);
        return done ? follow(done, 'digits ' + call.digits) : hangUp('The digits lead nowhere.');
      }
      if (here.type !== 'menu') { return; }
      if (call.dial) {
        call.digits += key;
        if (call.digits.length < call.dial.digits) { return show('.phone-status', 'Dialling ' + call.digits); }
        return follow(call.dial, 'dial ' + call.digits);
      }
      var chosen = out.filter(function (e) { return e.kind === 'key' && e.key === key; })[0];
      if (chosen) { return follow(chosen, key + (chosen.label ? ' · ' + chosen.label : '')); }
      var dial = out.filter(function (e) { return e.kind === 'extension'; })[0];
      if (dial && /[0-9]/.test(key)) {
        call.dial = dial;
        call.digits = key;
        return show('.phone-status', 'Dialling ' + call.digits);
      }
      miss('invalid', here.wrong, 'wrong key ' + key);
    }

    // Silence or a wrong key: go where the menu sends such callers, or hear it again until the tries run out.
    function miss(kind, seconds, how) {
      if (!call || call.ended) { return; }
      var here = node(call.node), out = edges(call.node);
      if (here.type !== 'menu' && here.type !== 'input') { return; }
      var away = out.filter(function (e) { return e.kind === kind && (e.to !== call.node || e.back); })[0];
      if (away) { return follow(away, how); }
      call.seconds += seconds;
      call.tries += 1;
      if (call.tries < here.retries) {
        render();
        show('.phone-status', how + ': the menu starts again (try ' + (call.tries + 1) + ' of ' + here.retries + ').');
        return heard(here.prompt || '');
      }
      var last = pick(out, ['retries']);
      if (last) { return follow(last, how + ', tries used up', 0); }
      render();
      hangUp('The tries are used up and nothing follows: the caller is cut off.');
    }

    function render() {
      var here = node(call.node);
      show('.phone-node', call.node + ' (' + here.type.replace('_', '-') + ')');
      var elapsed = $('.phone-elapsed');
      elapsed.textContent = (Math.round(call.seconds * 10) / 10).toFixed(1) + ' s';
      elapsed.setAttribute('data-seconds', String(call.seconds));
      var list = $('.phone-findings');
      list.textContent = '';
      (here.findings || []).forEach(function (f) {
        if (f.state && f.state !== call.state) { return; }
        var item = document.createElement('li');
        item.className = 'sev-' + f.severity;
        item.textContent = f.code + ' ' + f.message;
        list.appendChild(item);
      });
      $('.phone-findings-none').hidden = list.children.length > 0;
      Array.prototype.forEach.call(section.querySelectorAll('.ivr-current'), function (el) {
        el.classList.remove('ivr-current');
      });
      var drawn = line.states[call.state].svg[call.node];
      var element = drawn && document.getElementById(drawn);
      $('.phone-undrawn').hidden = Boolean(element);
      if (element) {
        element.classList.add('ivr-current');
        reveal(element);
      }
    }

    // What the caller hears: shown, and spoken where the browser can.
    function heard(prompt) {
      if (!prompt) { return; }
      var item = document.createElement('p');
      item.textContent = prompt;
      $('.phone-heard').appendChild(item);
      speak(prompt);
    }

    // Scroll the diagram (not the page) so the current node is in view.
    function reveal(element) {
      var box = element.closest('.diagram-scroll');
      if (!box || typeof element.getBoundingClientRect !== 'function') { return; }
      var outer = box.getBoundingClientRect(), inner = element.getBoundingClientRect();
      box.scrollLeft += (inner.left + inner.width / 2) - (outer.left + outer.width / 2);
      box.scrollTop += (inner.top + inner.height / 2) - (outer.top + outer.height / 2);
    }

    function speak(text) {
      if (!text || !$('.phone-speak').checked || !('speechSynthesis' in window)) { return; }
      var synth = window.speechSynthesis;
      var utterance = new SpeechSynthesisUtterance(text);
      utterance.lang = line.voice;
      var prefix = line.voice.split('-')[0].toLowerCase();
      var voices = synth.getVoices().filter(function (v) { return v.localService && v.lang && v.lang.toLowerCase().indexOf(prefix) === 0; });
      var exact = voices.filter(function (v) { return v.lang.toLowerCase() === line.voice.toLowerCase(); });
      if (exact.length || voices.length) { utterance.voice = (exact[0] || voices[0]); }
      synth.speak(utterance);
    }

    root.addEventListener('click', function (event) {
      var button = event.target.closest('button');
      if (!button || !root.contains(button)) { return; }
      var key = button.getAttribute('data-key'), action = button.getAttribute('data-action');
      if (key && call && !call.ended) { act(); press(key); }
      else if (action === 'call') { start(); }
      else if (action === 'hangup' && call && !call.ended) { act(); hangUp('You hung up.'); }
      else if (action === 'silent' && call && !call.ended) { act(); miss('timeout', node(call.node).wait, 'silence'); }
    });
    root.addEventListener('keydown', function (event) {
      if (/^[0-9*#]$/.test(event.key) && call && !call.ended) { event.preventDefault(); act(); press(event.key); }
    });
    Array.prototype.forEach.call(root.querySelectorAll('input[data-state]'), function (radio) {
      radio.addEventListener('change', function () {
        showDiagram();
        if (call && !call.ended) { hangUp('The schedule changed: call again to hear the line ' + (state() === 'open' ? 'in open hours.' : 'outside hours.')); }
      });
    });
    showDiagram();
  }
}());
