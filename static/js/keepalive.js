/* Keep-alive for signed-in staff (templates/includes/keepalive.html).
 *
 * The server ends a session SESSION_IDLE_TIMEOUT seconds after its last request.
 * Typing or clicking on a page is use of the site even though it sends no
 * request, so the user counts as idle from the later of the last page they
 * opened and their last keypress, click or touch. While they are active, the
 * script asks the server to keep the session before it would end. Once they have been idle so
 * long that SESSION_WARNING_SECONDS are left, the banner counts those down; a
 * click on it POSTs to the keep-alive endpoint, which restarts the server's clock.
 * At zero the page saves any unsaved admin form to localStorage, signs out with a
 * POST and goes to the login page; after signing in again the form offers that
 * content back. Tabs share both clocks through localStorage.
 */
(function () {
  "use strict";
  var box = document.getElementById("keepalive");
  if (!box) return;
  var data = box.dataset;
  var CONTACT_KEY = "portal:session-contact";
  var ACTIVITY_KEY = "portal:session-activity";
  var UNSAVED_PREFIX = "portal:unsaved:";
  // The server started its clock a moment before this page arrived.
  var MARGIN = 1500;
  // Keep an active user's session this long before the server would end it.
  var LEAD = 5000;
  var timeout = Number(data.timeout) * 1000;
  var warning = Number(data.warning) * 1000;
  var seconds = box.querySelector(".keepalive-seconds");
  var button = box.querySelector(".keepalive-button");
  var contact = 0; // last request the server saw from this user (ms)
  var activity = 0; // last use: a page opened, a keypress, click or touch (ms)
  var pinging = false;
  var lastAttempt = 0;
  var leaving = false;

  function store(key, value) {
    try {
      if (value === null) localStorage.removeItem(key);
      else localStorage.setItem(key, value);
    } catch (e) {
      /* private mode or full storage: the banner still works */
    }
  }

  function load(key) {
    try {
      return localStorage.getItem(key);
    } catch (e) {
      return null;
    }
  }

  // The cookie holds the current token even after a sign-in in another tab
  // rotated it; the page's copy is the fallback.
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    return match ? decodeURIComponent(match[1]) : data.csrf;
  }

  function contacted() {
    contact = Date.now();
    store(CONTACT_KEY, String(contact));
  }

  var lastStored = 0;
  function active() {
    activity = Date.now();
    if (activity - lastStored > 1000) {
      lastStored = activity;
      store(ACTIVITY_KEY, String(activity));
    }
  }

  function tick() {
    if (leaving) return;
    // Other tabs' requests and activity count too.
    contact = Math.max(contact, Number(load(CONTACT_KEY)) || 0);
    activity = Math.max(activity, Number(load(ACTIVITY_KEY)) || 0);
    var now = Date.now();
    var serverEnd = contact + timeout - MARGIN;
    // Requests the script makes by itself keep the session, not the user active.
    var idleEnd = activity + timeout - MARGIN;
    if (idleEnd > serverEnd + 1000 && serverEnd - now < warning + LEAD &&
        !pinging && now - lastAttempt > LEAD) {
      keepAlive(); // used since the last request: keep the session, no banner
    }
    var left = idleEnd - now;
    if (left <= 0) {
      signOut();
    } else if (left <= warning) {
      seconds.textContent = String(Math.ceil(left / 1000));
      box.hidden = false;
    } else {
      box.hidden = true;
    }
  }

  function keepAlive() {
    pinging = true;
    lastAttempt = Date.now();
    fetch(data.keepaliveUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken(), "X-Requested-With": "fetch" },
    }).then(function (response) {
      pinging = false;
      if (response.status === 401) {
        signOut(); // the session has already ended
      } else if (response.ok) {
        contacted();
        tick();
      }
      // Otherwise the countdown goes on and a click or the next tick tries again.
    }, function () {
      pinging = false; // offline: the same
    });
  }

  function signOut() {
    leaving = true;
    box.hidden = true;
    saveUnsavedForms();
    var body = new FormData();
    body.append("csrfmiddlewaretoken", csrfToken());
    var done = function () {
      var here = window.location.pathname + window.location.search;
      window.location.assign(data.loginUrl + "?next=" + encodeURIComponent(here));
    };
    fetch(data.logoutUrl, { method: "POST", body: body, credentials: "same-origin" })
      .then(done, done);
  }

  // Unsaved admin forms.

  function editableForms() {
    return Array.prototype.filter.call(
      document.querySelectorAll("#content-main form[method=post], #content-main form[method=POST]"),
      function (form) { return form.id !== "changelist-form" && form.id.slice(-5) === "_form"; }
    );
  }

  function editorFor(field) {
    var editors = window.CKEDITOR && window.CKEDITOR.instances;
    return editors && field.id && editors[field.id] ? editors[field.id] : null;
  }

  function skipped(field) {
    return !field.name || field.name === "csrfmiddlewaretoken" || field.disabled ||
      ["file", "password", "submit", "button", "reset"].indexOf(field.type) !== -1;
  }

  function isDirty(field) {
    var editor = editorFor(field);
    if (editor) return editor.checkDirty();
    if (field.type === "checkbox" || field.type === "radio") {
      return field.checked !== field.defaultChecked;
    }
    if (field.tagName === "SELECT") {
      return Array.prototype.some.call(field.options, function (option) {
        return option.selected !== option.defaultSelected;
      });
    }
    return field.value !== field.defaultValue;
  }

  function saveUnsavedForms() {
    editableForms().forEach(function (form) {
      var fields = Array.prototype.filter.call(form.elements, function (f) { return !skipped(f); });
      if (!fields.some(isDirty)) return;
      var entries = fields.map(function (field) {
        var editor = editorFor(field);
        var entry = { name: field.name, value: editor ? editor.getData() : field.value };
        if (field.type === "checkbox" || field.type === "radio") entry.checked = field.checked;
        if (field.tagName === "SELECT" && field.selectedIndex >= 0) {
          entry.text = field.options[field.selectedIndex].text;
        }
        return entry;
      });
      store(UNSAVED_PREFIX + window.location.pathname,
        JSON.stringify({ savedAt: Date.now(), form: form.id, fields: entries }));
    });
  }

  function restore(form, saved) {
    var seen = {};
    saved.fields.forEach(function (entry) {
      var index = seen[entry.name] = (seen[entry.name] || 0);
      seen[entry.name] += 1;
      var field = form.querySelectorAll('[name="' + entry.name.replace(/"/g, '\\"') + '"]')[index];
      if (!field || skipped(field)) return;
      if ("checked" in entry) {
        field.checked = entry.checked;
      } else if (field.tagName === "SELECT") {
        var known = Array.prototype.some.call(field.options, function (o) { return o.value === entry.value; });
        if (!known && entry.value) field.add(new Option(entry.text || entry.value, entry.value, true, true));
        field.value = entry.value;
      } else {
        field.value = entry.value;
      }
      var editor = editorFor(field);
      if (editor) editor.setData(entry.value);
      field.dispatchEvent(new Event("change", { bubbles: true }));
    });
    if (window.django && window.django.jQuery) window.django.jQuery(form).find("select").trigger("change");
  }

  function offerUnsaved() {
    var key = UNSAVED_PREFIX + window.location.pathname;
    var raw = load(key);
    if (!raw) return;
    var saved;
    try {
      saved = JSON.parse(raw);
    } catch (e) {
      store(key, null);
      return;
    }
    var form = document.getElementById(saved.form);
    if (!form) return;
    var when = new Date(saved.savedAt);
    var pad = function (n) { return (n < 10 ? "0" : "") + n; };
    var offer = document.createElement("div");
    offer.className = "unsaved-offer messagelist";
    offer.setAttribute("role", "alert");
    offer.innerHTML = '<p class="warning"><span></span> <button type="button" class="restore"></button> <button type="button" class="discard"></button></p>';
    offer.querySelector("span").textContent = data.savedText.replace(
      "{time}", pad(when.getHours()) + ":" + pad(when.getMinutes()));
    offer.querySelector(".restore").textContent = data.restoreText;
    offer.querySelector(".discard").textContent = data.discardText;
    offer.querySelector(".restore").addEventListener("click", function () {
      restore(form, saved);
      store(key, null);
      offer.remove();
    });
    offer.querySelector(".discard").addEventListener("click", function () {
      store(key, null);
      offer.remove();
    });
    form.parentNode.insertBefore(offer, form);
  }

  button.addEventListener("click", function () {
    active();
    if (!pinging) keepAlive();
  });
  ["keydown", "mousedown", "touchstart", "input", "wheel"].forEach(function (type) {
    document.addEventListener(type, active, { capture: true, passive: true });
  });
  // CKEditor edits inside its own frame, out of reach of the listeners above.
  if (window.CKEDITOR) {
    var watch = function (editor) { editor.on("change", active); };
    Object.keys(window.CKEDITOR.instances).forEach(function (name) {
      watch(window.CKEDITOR.instances[name]);
    });
    window.CKEDITOR.on("instanceCreated", function (event) { watch(event.editor); });
  }
  contacted();
  active();
  offerUnsaved();
  tick();
  window.setInterval(tick, 250);
})();
