/*! Ask Kira chat widget. Embed with:
 *  <script src="https://kira.example/kira-widget.js" data-endpoint="https://kira.example" defer></script>
 * No build step, no dependencies. Everything the server sends is rendered as text (textContent and
 * text nodes only); styles live in a constructable stylesheet inside the shadow root, so a
 * Content-Security-Policy without 'unsafe-inline' is enough. Nothing is stored in the browser. */
(() => {
  'use strict';

  const VERSION = '1.0.0';
  const MAX_HISTORY = 20;
  const MAX_QUESTION = 1000;
  const script = document.currentScript;
  const scriptOrigin = script && script.src ? new URL(script.src, location.href).origin : location.origin;
  const defaultEndpoint = (script && script.dataset && script.dataset.endpoint) || scriptOrigin;

  // ---------------------------------------------------------------- pure helpers (tested in a browser)

  /** Splits a buffer of server-sent events into complete events and the unfinished rest. */
  function parseSse(buffer) {
    let tail = '';
    // A trailing CR may be the first half of CRLF: keep it for the next chunk.
    if (buffer.endsWith('\r')) {
      tail = '\r';
      buffer = buffer.slice(0, -1);
    }
    const frames = buffer.replace(/\r\n?/g, '\n').split('\n\n');
    const rest = frames.pop() + tail;
    const events = [];
    for (const frame of frames) {
      let event = 'message';
      const data = [];
      for (const line of frame.split('\n')) {
        if (line === '' || line[0] === ':') continue;
        const colon = line.indexOf(':');
        const field = colon < 0 ? line : line.slice(0, colon);
        let value = colon < 0 ? '' : line.slice(colon + 1);
        if (value[0] === ' ') value = value.slice(1);
        if (field === 'event') event = value;
        else if (field === 'data') data.push(value);
      }
      if (data.length) events.push({ event, data: data.join('\n') });
    }
    return { events, rest };
  }

  /** "No [1]. Yes [2, 3]." → text and citation segments, in order. */
  function splitMarkers(text) {
    const out = [];
    const re = /\[(\d{1,3}(?:\s*,\s*\d{1,3})*)\]/g;
    let last = 0;
    let m;
    while ((m = re.exec(text))) {
      if (m.index > last) out.push({ text: text.slice(last, m.index) });
      for (const n of m[1].split(',')) out.push({ n: Number(n.trim()) });
      last = re.lastIndex;
    }
    if (last < text.length) out.push({ text: text.slice(last) });
    return out;
  }

  /** The answer without its markers, for screen readers and history-free announcements. */
  function plainText(text) {
    return splitMarkers(text).filter((s) => s.text !== undefined).map((s) => s.text).join('').replace(/\s+([.,;:!?])/g, '$1').replace(/\s{2,}/g, ' ').trim();
  }

  /** An http(s) URL for a link, resolved against the page; anything else (javascript:, data:) is refused. */
  function safeHref(url, base) {
    if (typeof url !== 'string' || !url.trim()) return null;
    try {
      const u = new URL(url.trim(), base);
      return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : null;
    } catch (e) {
      return null;
    }
  }

  /** tel:, sms: (digits, an optional body) or an https link for a crisis resource; anything else is refused. */
  function contactHref(href) {
    if (typeof href !== 'string') return null;
    const h = href.trim();
    if (/^(tel|sms):\+?[0-9-]{3,15}(\?body=[A-Za-z0-9%]{1,40})?$/i.test(h)) return h;
    return /^https:\/\//i.test(h) ? safeHref(h) : null;
  }

  /** The last completed turns, oldest first, at most 20 as the API allows. */
  function buildHistory(turns, max = MAX_HISTORY) {
    const recent = turns.slice(-max);
    // Never start with an assistant turn: drop it rather than send an answer without its question.
    if (recent.length && recent[0].role !== 'user') recent.shift();
    return recent.map((t) => ({ role: t.role, content: t.content }));
  }

  /** "2026-04-09" → "Apr 9, 2026"; anything unparsable is shown as sent. */
  function formatDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso || ''));
    if (!m) return String(iso || '');
    const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
    return d.toLocaleDateString('en-US', { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
  }

  /** What a visitor reads when an answer fails; never the server's raw body. */
  function friendlyError(kind, retryAfter) {
    switch (kind) {
      case 'rate_limited':
        return 'Kira is getting a lot of questions right now. Please try again'
          + (retryAfter > 0 ? ' in ' + retryAfter + (retryAfter === 1 ? ' second.' : ' seconds.') : ' in a moment.');
      case 'offline':
        return 'You seem to be offline, so Kira could not be reached. Check your connection and try again.';
      case 'network':
        return 'The connection to Kira was interrupted. Please try again.';
      case 'bad_request':
        return 'Kira could not read that question. Please shorten or rephrase it and try again.';
      case 'model_unavailable':
        return 'Kira cannot answer right now. Please try again in a little while.';
      default:
        return 'Something went wrong on our side. Please try again.';
    }
  }

  const CRISIS_LINKS = [
    ['Call 988', 'tel:988', 'Suicide & Crisis Lifeline'],
    ['Text 988', 'sms:988', 'Suicide & Crisis Lifeline'],
    ['Call 911', 'tel:911', 'Immediate danger'],
    ['Text HOME to 741741', 'sms:741741?body=HOME', 'Crisis Text Line'],
  ];
  const CHILDHELP = ['Call Childhelp 1-800-422-4453', 'tel:18004224453', 'A child at risk'];

  /** The banner's links: the fixed four, and Childhelp when the answer's resources name it. */
  function crisisLinks(resources) {
    const links = CRISIS_LINKS.slice();
    const list = Array.isArray(resources) ? resources : [];
    const childhelp = list.some((r) => r && (/childhelp/i.test(String(r.name || ''))
      || String(r.href || r.contact || '').replace(/\D/g, '').endsWith('8004224453')));
    if (childhelp) links.push(CHILDHELP);
    return links;
  }

  // ---------------------------------------------------------------- DOM helpers: text only, never markup

  function h(tag, attrs, ...children) {
    const el = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === false || v == null) continue;
      if (k === 'class') el.className = v;
      else if (k === 'text') el.textContent = v;
      else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
      else el.setAttribute(k, v === true ? '' : String(v));
    }
    for (const c of children) if (c != null) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
    return el;
  }

  const SVG = 'http://www.w3.org/2000/svg';
  function icon(d, size = 20) {
    const svg = document.createElementNS(SVG, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('width', size);
    svg.setAttribute('height', size);
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    const path = document.createElementNS(SVG, 'path');
    path.setAttribute('d', d);
    path.setAttribute('fill', 'currentColor');
    svg.append(path);
    return svg;
  }
  const ICON_CHAT = 'M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2zm2 5v2h12V8H6zm0 4v2h8v-2H6z';
  const ICON_CLOSE = 'M18.3 5.7 12 12l6.3 6.3-1.4 1.4L10.6 13.4 4.3 19.7 2.9 18.3 9.2 12 2.9 5.7 4.3 4.3l6.3 6.3 6.3-6.3z';
  const ICON_UP = 'M2 21h4V9H2v12zm20-11a2 2 0 0 0-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 8 6 8.5 6 9v10a2 2 0 0 0 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z';
  const ICON_DOWN = 'M22 3h-4v12h4V3zM2 14a2 2 0 0 0 2 2h6.3l-1 4.6v.3c0 .4.2.8.4 1.1l1.1 1 6.6-6.6c.4-.4.6-.9.6-1.4V5a2 2 0 0 0-2-2H7c-.8 0-1.5.5-1.8 1.2l-3 7.1c-.1.2-.2.5-.2.7v2z';

  const CSS = `
:host{all:initial;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1f2328;-webkit-text-size-adjust:100%}
*,*::before,*::after{box-sizing:border-box}
[hidden]{display:none!important}
.sr{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
button,textarea,a{font:inherit;color:inherit}
button{cursor:pointer;-webkit-tap-highlight-color:transparent}
:focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
.launcher{position:fixed;right:20px;bottom:20px;z-index:2147483000;display:inline-flex;align-items:center;gap:8px;min-height:48px;padding:10px 18px;border:2px solid #fff;border-radius:999px;background:#0b5cad;color:#fff;font-weight:600;box-shadow:0 4px 14px rgba(0,0,0,.25)}
.launcher:hover{background:#084a8c}
.launcher:focus-visible{outline-color:#1f2328;outline-offset:3px}
.panel{position:fixed;right:20px;bottom:84px;z-index:2147483001;display:flex;flex-direction:column;width:390px;max-width:calc(100vw - 40px);height:min(640px,calc(100vh - 110px));background:#fff;border:1px solid #c9d1d9;border-radius:14px;box-shadow:0 12px 40px rgba(0,0,0,.28);overflow:hidden;animation:kira-in .18s ease-out}
@keyframes kira-in{from{opacity:0;transform:translateY(8px)}to{opacity:1;transform:none}}
header{display:flex;align-items:center;gap:8px;padding:10px 10px 10px 16px;background:#0b5cad;color:#fff}
header h2{flex:1;margin:0;font-size:17px;font-weight:700}
.hbtn{min-height:44px;min-width:44px;padding:6px 10px;border:1px solid rgba(255,255,255,.7);border-radius:8px;background:transparent;color:#fff;font-size:14px;display:inline-flex;align-items:center;justify-content:center}
.hbtn:hover{background:rgba(255,255,255,.15)}
header :focus-visible{outline-color:#fff}
.crisis{padding:10px 14px;background:#fff1f0;border-bottom:2px solid #b3261e;color:#410e0b;font-size:14px;max-height:45%;overflow-y:auto}
.crisis p{margin:0 0 6px}
.crisis ul{display:flex;flex-wrap:wrap;gap:6px;margin:0;padding:0;list-style:none}
.crisis a{display:inline-flex;align-items:center;min-height:44px;padding:8px 12px;border-radius:8px;background:#b3261e;color:#fff;font-weight:700;text-decoration:none}
.crisis a:focus-visible{outline-color:#410e0b}
.log{flex:1;overflow-y:auto;overflow-x:hidden;padding:14px;overscroll-behavior:contain;overflow-wrap:anywhere}
.notice{margin:0 0 12px;padding:10px 12px;border-radius:10px;background:#eef4fb;color:#1f2328;font-size:14px}
.notice strong{display:block}
.msg{margin:0 0 12px;max-width:100%}
.user{margin-left:auto;width:fit-content;max-width:88%;padding:8px 12px;border-radius:14px 14px 4px 14px;background:#0b5cad;color:#fff;white-space:pre-wrap}
.user.failed{background:#57606a}
.user small{display:block;font-size:12px;opacity:.95}
.kira{padding:10px 12px;border-radius:14px 14px 14px 4px;background:#f3f5f8}
.answer{margin:0;white-space:pre-line}
.answer .s{animation:kira-fade .4s ease-out both}
@keyframes kira-fade{from{opacity:.12}to{opacity:1}}
.cite,.mark{display:inline-block;min-width:22px;height:22px;margin:0 1px;padding:0 5px;border-radius:11px;font-size:12px;font-weight:700;line-height:20px;text-align:center;vertical-align:2px}
.mark{background:#dde3ea;color:#1f2328}
.cite{border:1px solid #0b5cad;background:#fff;color:#0b5cad}
.cite:hover{background:#0b5cad;color:#fff}
.abstained{background:#fdf6e3;border:1px solid #d8c07a}
.error{background:#fff8e6;border:1px solid #b7791f;color:#3d2b00}
.actions{display:flex;flex-wrap:wrap;gap:8px;margin-top:8px}
.btn{min-height:44px;padding:8px 14px;border:1px solid #0b5cad;border-radius:8px;background:#fff;color:#0b5cad;font-weight:600}
.btn:hover{background:#eef4fb}
.btn[disabled]{opacity:.6;cursor:default}
.srcs{margin:10px 0 0}
.sources{margin:0;padding:0;list-style:none}
.srcs h3{margin:0 0 6px;font-size:13px;text-transform:uppercase;letter-spacing:.04em;color:#57606a}
.card{display:flex;gap:10px;margin:0 0 8px;padding:10px;border:1px solid #d0d7de;border-radius:10px;background:#fff;font-size:14px}
.card:focus{outline:3px solid #0b5cad;outline-offset:1px}
.card.flash{box-shadow:0 0 0 3px #9cc3ec}
.num{flex:none;display:inline-flex;align-items:center;justify-content:center;width:24px;height:24px;border-radius:12px;background:#0b5cad;color:#fff;font-size:12px;font-weight:700}
.card-body{min-width:0;flex:1}
.card a{color:#0b5cad;font-weight:600;text-decoration:underline;text-underline-offset:2px;display:inline-block;padding:2px 0}
.doc{color:#57606a;font-size:13px}
blockquote{margin:6px 0;padding:0 0 0 10px;border-left:3px solid #9cc3ec;color:#1f2328}
.meta{display:flex;flex-wrap:wrap;align-items:center;gap:4px 8px;color:#57606a;font-size:12.5px}
.badge{padding:1px 7px;border-radius:9px;background:#e6edf5;color:#1f2328;font-weight:600;text-transform:capitalize}
.resources,.related{margin:8px 0 0;font-size:14px}
.related a{color:#0b5cad}
.resources a{color:#0b5cad}
.feedback{display:flex;flex-wrap:wrap;align-items:center;gap:6px;margin-top:8px;color:#57606a;font-size:13px}
.feedback>span{white-space:nowrap}
.thumb{min-width:44px;min-height:44px;border:1px solid #c9d1d9;border-radius:8px;background:#fff;color:#57606a;display:inline-flex;align-items:center;justify-content:center}
.thumb[aria-pressed="true"]{background:#0b5cad;border-color:#0b5cad;color:#fff}
.thumb[disabled]:not([aria-pressed="true"]){opacity:.5}
.typing{display:inline-flex;gap:5px;padding:12px 14px;border-radius:14px;background:#f3f5f8}
.typing i{width:8px;height:8px;border-radius:50%;background:#57606a;animation:kira-dot 1.2s infinite ease-in-out}
.typing i:nth-child(2){animation-delay:.15s}.typing i:nth-child(3){animation-delay:.3s}
@keyframes kira-dot{0%,80%,100%{opacity:.3;transform:none}40%{opacity:1;transform:translateY(-3px)}}
form{display:flex;gap:8px;align-items:flex-end;padding:10px;border-top:1px solid #d0d7de;background:#fff}
textarea{flex:1;min-width:0;min-height:44px;max-height:140px;padding:10px 12px;border:1px solid #6e7781;border-radius:10px;resize:none;font-size:16px;line-height:1.4;background:#fff}
textarea::placeholder{color:#6e7781}
.send{min-height:44px;padding:8px 16px;border:0;border-radius:10px;background:#0b5cad;color:#fff;font-weight:700}
.send[aria-disabled="true"]{background:#57606a;cursor:default}
.foot{margin:0;padding:0 12px 8px;color:#57606a;font-size:12px;background:#fff}
@media (max-width:480px){
.panel{inset:0;width:100%;max-width:none;height:100%;height:100dvh;border:0;border-radius:0}
.launcher{right:12px;bottom:12px}
:host([open]) .launcher{display:none}
}
@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
@media (forced-colors:active){.cite,.num,.send,.launcher,.thumb{border:1px solid CanvasText}}
`;

  let sheet = null;
  function styles(root) {
    if ('adoptedStyleSheets' in Document.prototype && typeof CSSStyleSheet === 'function') {
      try {
        sheet = sheet || new CSSStyleSheet();
        if (!sheet.cssRules.length) sheet.replaceSync(CSS);
        root.adoptedStyleSheets = [sheet];
        return;
      } catch (e) { /* fall through to a <style> element */ }
    }
    root.append(h('style', { text: CSS }));
  }

  let seq = 0;

  class KiraWidget extends HTMLElement {
    constructor() {
      super();
      this.turns = [];       // completed exchanges: {role, content}, oldest first
      this.pending = null;   // the question on its way: {controller}
      this.uid = 'k' + (++seq);
      this.answerCount = 0;
    }

    get endpoint() {
      return (this.getAttribute('endpoint') || defaultEndpoint).replace(/\/+$/, '');
    }

    connectedCallback() {
      if (this.shadowRoot) return;
      const root = this.attachShadow({ mode: 'open' });
      styles(root);
      const id = (s) => this.uid + '-' + s;
      this.launcher = h('button', {
        class: 'launcher', type: 'button', 'aria-expanded': 'false', 'aria-controls': id('panel'),
        'aria-haspopup': 'dialog', onclick: () => (this.isOpen() ? this.close() : this.open()),
      }, icon(ICON_CHAT), h('span', { text: 'Ask Kira' }));
      this.newButton = h('button', { class: 'hbtn new', type: 'button', onclick: () => this.reset(true) }, 'New conversation');
      this.closeButton = h('button', { class: 'hbtn close', type: 'button', 'aria-label': 'Close Ask Kira', onclick: () => this.close() }, icon(ICON_CLOSE, 18));
      this.crisis = h('div', { class: 'crisis', role: 'region', 'aria-label': 'Crisis support', hidden: true });
      this.log = h('div', { class: 'log', role: 'region', 'aria-label': 'Conversation', 'aria-live': 'off', tabindex: '-1' });
      this.input = h('textarea', {
        id: id('q'), rows: '1', maxlength: String(MAX_QUESTION), placeholder: 'Type your question…',
        autocomplete: 'off', enterkeyhint: 'send',
      });
      this.send = h('button', { class: 'send', type: 'submit' }, 'Send');
      this.live = h('div', { class: 'sr live', role: 'status', 'aria-live': 'polite', 'aria-atomic': 'true' });
      this.alert = h('div', { class: 'sr alert', 'aria-live': 'assertive', 'aria-atomic': 'true' });
      const form = h('form', { novalidate: true, onsubmit: (e) => { e.preventDefault(); this.submit(); } },
        h('label', { class: 'sr', for: id('q') }, 'Your question for Kira'), this.input, this.send);
      this.panel = h('section', { class: 'panel', id: id('panel'), role: 'dialog', 'aria-labelledby': id('title'), hidden: true },
        h('header', null, h('h2', { id: id('title') }, 'Ask Kira'), this.newButton, this.closeButton),
        this.crisis, this.log, form,
        h('p', { class: 'foot' }, 'Nothing is saved after you close this tab.'),
        this.live, this.alert);
      root.append(this.launcher, this.panel);

      this.input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
          e.preventDefault();
          this.submit();
        }
      });
      this.input.addEventListener('input', () => this.grow());
      this.panel.addEventListener('keydown', (e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          this.close();
        } else if (e.key === 'Tab' && narrow()) {
          // Full screen, the panel is modal: Tab cycles inside it.
          const items = [...this.panel.querySelectorAll('button:not([disabled]), a[href], textarea')].filter((el) => el.getClientRects().length);
          const active = this.shadowRoot.activeElement;
          const edge = e.shiftKey ? items[0] : items[items.length - 1];
          if (items.length && (active === edge || !this.panel.contains(active))) {
            e.preventDefault();
            (e.shiftKey ? items[items.length - 1] : items[0]).focus();
          }
        }
      });
      this.reset(false);
    }

    isOpen() {
      return !this.panel.hidden;
    }

    open() {
      this.panel.hidden = false;
      this.panel.setAttribute('aria-modal', narrow() ? 'true' : 'false');
      this.setAttribute('open', '');
      this.launcher.setAttribute('aria-expanded', 'true');
      this.input.focus();
    }

    close() {
      this.panel.hidden = true;
      this.removeAttribute('open');
      this.launcher.setAttribute('aria-expanded', 'false');
      this.launcher.focus();
    }

    /** Starts a new conversation: the notice, no turns. A crisis banner, once shown, stays. */
    reset(focus) {
      if (this.pending) this.pending.controller.abort();
      this.pending = null;
      this.turns = [];
      this.busy(false);
      this.log.replaceChildren(h('p', { class: 'notice' },
        h('strong', null, 'Kira answers from this site’s library and shows its sources.'),
        'Kira is not a therapist and can’t advise on your situation. Not for emergencies: if you are in danger, call or text 988, or call 911.'));
      if (focus) {
        this.announce('New conversation started.');
        this.input.focus();
      }
    }

    busy(on) {
      this.send.setAttribute('aria-disabled', on ? 'true' : 'false');
      this.log.setAttribute('aria-busy', on ? 'true' : 'false');
    }

    grow() {
      this.input.style.height = 'auto';
      this.input.style.height = Math.min(this.input.scrollHeight + 2, 140) + 'px';
    }

    announce(text, urgent) {
      const region = urgent ? this.alert : this.live;
      region.textContent = '';
      // A fresh text node after a tick makes screen readers read a repeated message again.
      setTimeout(() => { region.textContent = text; }, 50);
    }

    scrollToEnd() {
      this.log.scrollTop = this.log.scrollHeight;
    }

    submit(text) {
      if (this.pending) return;
      const question = (text !== undefined ? text : this.input.value).trim();
      if (!question) {
        this.input.focus();
        return;
      }
      if (text === undefined || this.input.value.trim() === question) {
        this.input.value = '';
        this.grow();
      }
      this.ask(question.slice(0, MAX_QUESTION));
    }

    async ask(question) {
      const userMsg = h('div', { class: 'msg user' }, question);
      const slot = h('div', { class: 'msg' }, h('div', { class: 'typing' },
        h('i'), h('i'), h('i'), h('span', { class: 'sr' }, 'Kira is looking in the library…')));
      this.log.append(userMsg, slot);
      this.scrollToEnd();
      const controller = new AbortController();
      const pending = { controller };
      this.pending = pending;
      this.busy(true);
      const view = new AnswerView(this, slot);
      let finished = false;
      try {
        const response = await fetch(this.endpoint + '/v1/answers/stream', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
          body: JSON.stringify({ question, history: buildHistory(this.turns) }),
          signal: controller.signal,
          credentials: 'omit',
          cache: 'no-store',
        });
        if (!response.ok) {
          const code = response.status === 429 ? 'rate_limited'
            : response.status === 400 || response.status === 413 ? 'bad_request'
              : response.status === 503 ? 'model_unavailable' : 'server';
          throw new KiraFailure(code, parseInt(response.headers.get('Retry-After'), 10) || 0);
        }
        if (!/text\/event-stream/i.test(response.headers.get('Content-Type') || '') || !response.body) {
          throw new KiraFailure('server');
        }
        const reader = response.body.getReader();
        const decoder = new TextDecoder();
        let buffer = '';
        for (;;) {
          const { value, done } = await reader.read();
          buffer += done ? decoder.decode() : decoder.decode(value, { stream: true });
          const parsed = parseSse(buffer + (done ? '\n\n' : ''));
          buffer = parsed.rest;
          for (const ev of parsed.events) {
            if (pending !== this.pending) return;
            let data;
            try {
              data = JSON.parse(ev.data);
            } catch (e) {
              throw new KiraFailure('server');
            }
            if (ev.event === 'delta' && data && typeof data.text === 'string') {
              view.delta(data.text);
              this.scrollIfNearEnd();
            } else if (ev.event === 'done' && data && typeof data === 'object') {
              finished = true;
              this.finish(question, view, data);
              this.scrollToQuestion(userMsg);
            } else if (ev.event === 'error') {
              throw new KiraFailure(data && typeof data.code === 'string' ? data.code : 'server');
            }
          }
          if (done) break;
          if (finished) {
            reader.cancel().catch(() => {});
            break;
          }
        }
        if (!finished) throw new KiraFailure('network');
      } catch (e) {
        if (e && e.name === 'AbortError') return;
        if (pending !== this.pending) return;
        const kind = e instanceof KiraFailure ? e.code : (navigator.onLine === false ? 'offline' : 'network');
        this.fail(question, userMsg, slot, kind, e instanceof KiraFailure ? e.retryAfter : 0);
      } finally {
        if (pending === this.pending) {
          this.pending = null;
          this.busy(false);
        }
      }
    }

    scrollIfNearEnd() {
      const log = this.log;
      if (log.scrollHeight - log.scrollTop - log.clientHeight < 160) this.scrollToEnd();
    }

    finish(question, view, data) {
      const answer = typeof data.answer === 'string' ? data.answer : view.text;
      const safety = data.safety && typeof data.safety === 'object' ? data.safety : {};
      if (safety.crisis === true) this.showCrisis(safety.resources);
      view.done(data, answer, safety);
      if (data.abstained === true) {
        // The visitor may want to rephrase: their words go back in the box.
        if (!this.input.value.trim()) {
          this.input.value = question;
          this.grow();
        }
        this.announce('Kira could not answer that from its library. ' + plainText(answer) + ' Your question is back in the box to rephrase.');
      } else {
        this.turns.push({ role: 'user', content: question }, { role: 'assistant', content: answer });
        const n = Array.isArray(data.citations) ? data.citations.length : 0;
        this.announce('Kira answered: ' + plainText(answer) + (n ? ' ' + n + (n === 1 ? ' source' : ' sources') + ' below the answer.' : ''));
      }
    }

    /** A finished answer is read from its start: bring the question to the top when the answer is long. */
    scrollToQuestion(userMsg) {
      const log = this.log;
      const offset = userMsg.getBoundingClientRect().top - log.getBoundingClientRect().top - 8;
      const end = log.scrollHeight - log.clientHeight;
      log.scrollTop = Math.min(log.scrollTop + offset, end);
    }

    fail(question, userMsg, slot, kind, retryAfter) {
      const message = friendlyError(kind, retryAfter);
      userMsg.classList.add('failed');
      userMsg.append(h('small', null, 'Not sent'));
      if (!this.input.value.trim()) {
        this.input.value = question;
        this.grow();
      }
      const retry = h('button', { class: 'btn', type: 'button' }, 'Try again');
      retry.addEventListener('click', () => {
        if (this.pending) return;
        userMsg.remove();
        slot.remove();
        this.submit(question);
        this.input.focus();
      });
      if (kind === 'rate_limited' && retryAfter > 0) {
        retry.disabled = true;
        setTimeout(() => { retry.disabled = false; }, Math.min(retryAfter, 120) * 1000);
      }
      slot.replaceChildren(h('div', { class: 'kira error', role: 'group', 'aria-label': 'Kira could not answer' },
        h('p', { class: 'answer' }, message),
        h('p', { class: 'answer' }, 'Your question is still in the box.'),
        h('div', { class: 'actions' }, retry)));
      this.scrollToEnd();
      this.announce(message + ' Your question is still in the box.', kind !== 'rate_limited');
    }

    showCrisis(resources) {
      const links = crisisLinks(resources);
      this.crisis.replaceChildren(
        h('p', null, h('strong', null, 'If you or someone else is in danger or thinking about suicide, reach help now:')),
        h('ul', null, ...links.map(([label, href, who]) =>
          h('li', null, h('a', { href, 'aria-label': label + ' (' + who + ')' }, label)))));
      const wasHidden = this.crisis.hidden;
      this.crisis.hidden = false;
      if (wasHidden) this.announce('Crisis support: call or text 988, call 911 for immediate danger, or text HOME to 741741.', true);
    }

    /** A link to a heading of the page the widget sits on is followed in place, else in a new tab. */
    followSource(e, href) {
      const url = new URL(href);
      const canonical = document.querySelector('link[rel="canonical"]');
      const here = [location.pathname];
      if (canonical) here.push(new URL(canonical.getAttribute('href'), location.href).pathname);
      const target = url.origin === location.origin && here.includes(url.pathname) && url.hash
        ? document.getElementById(decodeURIComponent(url.hash.slice(1))) : null;
      if (!target) return;
      e.preventDefault();
      if (narrow()) this.close();
      if (!target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
      target.scrollIntoView({ block: 'start', behavior: reducedMotion() ? 'auto' : 'smooth' });
      target.focus({ preventScroll: true });
      history.replaceState(null, '', url.hash);
    }

    feedback(answerId, rating, buttons, note) {
      for (const b of buttons) {
        b.setAttribute('aria-pressed', String(b.dataset.rating === rating));
        b.disabled = true;
      }
      note.textContent = 'Thanks for your feedback.';
      this.announce('Thanks for your feedback.');
      // A failure here is not the visitor's problem: say nothing.
      fetch(this.endpoint + '/v1/feedback', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ answerId, rating }),
        credentials: 'omit',
        keepalive: true,
      }).catch(() => {});
    }
  }

  /** At phone widths the panel fills the screen (see the CSS media query). */
  function narrow() {
    return matchMedia('(max-width: 480px)').matches;
  }

  function reducedMotion() {
    return matchMedia('(prefers-reduced-motion: reduce)').matches;
  }

  class KiraFailure extends Error {
    constructor(code, retryAfter) {
      super(code);
      this.code = code;
      this.retryAfter = retryAfter || 0;
    }
  }

  /** One answer in the log: the streamed sentences, then markers, sources and feedback. */
  class AnswerView {
    constructor(widget, slot) {
      this.widget = widget;
      this.slot = slot;
      this.text = '';
      this.revealAt = 0;
      this.index = ++widget.answerCount;
      this.para = h('p', { class: 'answer' });
      this.box = h('div', { class: 'kira', role: 'group', 'aria-label': 'Kira’s answer' }, this.para);
    }

    delta(text) {
      if (!this.text) this.slot.replaceChildren(this.box);
      this.text += text;
      // Each sentence fades in as it arrives, one after another when several come at once;
      // markers look like citations until the sources come with the done event.
      const sentence = h('span', { class: 's' });
      for (const seg of splitMarkers(text)) {
        sentence.append(seg.text !== undefined ? document.createTextNode(seg.text) : h('span', { class: 'mark', 'data-n': seg.n }, String(seg.n)));
      }
      const now = performance.now();
      const delay = Math.min(Math.max(0, this.revealAt + 110 - now), 1500);
      this.revealAt = now + delay;
      if (delay > 0) sentence.style.animationDelay = Math.round(delay) + 'ms';
      this.para.append(sentence);
    }

    /** The marker for source n: a button to its card when the answer cites it, else the bare text. */
    marker(n, citations, cards, cardId) {
      const c = citations.get(n);
      if (!c) return document.createTextNode('[' + n + ']');
      return h('button', {
        class: 'cite', type: 'button', 'aria-controls': cardId(n),
        'aria-label': 'Source ' + n + (c.section ? ': ' + c.section : ''),
        onclick: () => {
          const card = cards.get(n);
          card.scrollIntoView({ block: 'nearest', behavior: reducedMotion() ? 'auto' : 'smooth' });
          card.focus({ preventScroll: true });
          card.classList.add('flash');
          setTimeout(() => card.classList.remove('flash'), 1200);
        },
      }, String(n));
    }

    done(data, answer, safety) {
      const widget = this.widget;
      const citations = new Map();
      for (const c of Array.isArray(data.citations) ? data.citations : []) {
        if (c && Number.isInteger(c.n)) citations.set(c.n, c);
      }
      const cardId = (n) => widget.uid + '-a' + this.index + '-s' + n;
      const cards = new Map();
      if (this.text === answer) {
        // The streamed sentences stay (and finish fading in); only their markers become buttons.
        for (const mark of this.para.querySelectorAll('.mark')) {
          mark.replaceWith(this.marker(Number(mark.dataset.n), citations, cards, cardId));
        }
      } else {
        this.para.replaceChildren();
        for (const seg of splitMarkers(answer)) {
          this.para.append(seg.text !== undefined ? document.createTextNode(seg.text) : this.marker(seg.n, citations, cards, cardId));
        }
      }
      if (!this.box.isConnected) this.slot.replaceChildren(this.box);
      if (data.abstained === true) this.box.classList.add('abstained');

      if (citations.size) {
        const list = h('ol', { class: 'sources', 'aria-label': 'Sources' });
        for (const [n, c] of [...citations.entries()].sort((a, b) => a[0] - b[0])) {
          const card = this.card(n, c, cardId(n));
          cards.set(n, card);
          list.append(card);
        }
        this.box.append(h('div', { class: 'srcs' }, h('h3', null, 'Sources'), list));
      }

      // A question the library does not answer yet: its nearest sections, as reading, not as an answer.
      const related = data.abstained === true && Array.isArray(data.related) ? data.related : [];
      const links = related
        .filter((r) => r && typeof r.url === 'string' && r.url.startsWith('/') && !r.url.startsWith('//'))
        .map((r) => h('li', null, h('a', { href: r.url }, String(r.section || r.url)),
          r.title ? h('small', null, ' — ' + String(r.title)) : ''));
      if (links.length) {
        this.box.append(h('div', { class: 'related' }, h('p', null, 'Related reading:'), h('ul', null, ...links)));
      }

      const resources = Array.isArray(safety.resources) ? safety.resources : [];
      if (!safety.crisis && resources.length) {
        const items = resources.map((r) => {
          const href = contactHref(r && r.href);
          const label = String((r && r.name) || '') + (r && r.contact ? ': ' + r.contact : '');
          return h('li', null, href ? h('a', { href }, label) : label);
        });
        this.box.append(h('div', { class: 'resources' }, h('p', null, 'If you need help now:'), h('ul', null, ...items)));
      }

      if (typeof data.id === 'string' && data.id) {
        const note = h('span', { role: 'status' });
        const buttons = [['up', ICON_UP, 'Helpful'], ['down', ICON_DOWN, 'Not helpful']].map(([rating, d, label]) =>
          h('button', { class: 'thumb', type: 'button', 'aria-label': label, 'aria-pressed': 'false', 'data-rating': rating }, icon(d, 18)));
        for (const b of buttons) b.addEventListener('click', () => widget.feedback(data.id, b.dataset.rating, buttons, note));
        this.box.append(h('div', { class: 'feedback', role: 'group', 'aria-label': 'Was this answer helpful?' },
          h('span', { 'aria-hidden': 'true' }, 'Helpful?'), ...buttons, note));
      }
    }

    card(n, c, id) {
      const href = safeHref(c.url, location.href);
      const section = String(c.section || c.title || 'Source');
      const link = href
        ? h('a', { href, target: '_blank', rel: 'noopener noreferrer' }, section, h('span', { class: 'sr' }, ' (opens the source)'))
        : h('strong', null, section);
      if (href) link.addEventListener('click', (e) => this.widget.followSource(e, href));
      const meta = h('div', { class: 'meta' });
      if (c.type) meta.append(h('span', { class: 'badge' }, String(c.type)));
      if (c.lastUpdated) meta.append(h('span', null, 'Updated ' + formatDate(c.lastUpdated)));
      if (c.reviewedBy) meta.append(h('span', null, /^pending/i.test(c.reviewedBy) ? 'Clinical review pending' : 'Reviewed by ' + String(c.reviewedBy)));
      return h('li', { class: 'card', id, tabindex: '-1', 'aria-label': 'Source ' + n },
        h('span', { class: 'num', 'aria-hidden': 'true' }, String(n)),
        h('div', { class: 'card-body' },
          link,
          c.title && c.title !== section ? h('div', { class: 'doc' }, String(c.title)) : null,
          c.quote ? h('blockquote', null, '“' + String(c.quote) + '”') : null,
          meta));
    }
  }

  if (!customElements.get('kira-widget')) customElements.define('kira-widget', KiraWidget);

  window.KiraWidget = Object.freeze({
    version: VERSION,
    endpoint: defaultEndpoint,
    parseSse, splitMarkers, plainText, safeHref, contactHref, buildHistory, formatDate, friendlyError, crisisLinks,
  });

  function mount() {
    if (!document.querySelector('kira-widget')) {
      const el = document.createElement('kira-widget');
      el.setAttribute('endpoint', defaultEndpoint);
      document.body.append(el);
    }
  }
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', mount);
  else mount();
})();
