/* Star widget: a click on a star records the vote with fetch() and updates the
   line in place, so the "Gửi đánh giá" button is hidden: it is only for readers
   without JavaScript, for whom the stars are a plain form. Keyboard users move
   between stars with the arrow keys and send with Enter. */
(function () {
  "use strict";

  function send(form) {
    var section = form.closest("[data-rating]");
    var status = form.querySelector("[data-rating-status]");
    var data = new FormData(form);
    if (!data.get("score")) {
      form.reportValidity();
      return;
    }
    fetch(form.action, {
      method: "POST",
      body: data,
      credentials: "same-origin",
      headers: {
        Accept: "application/json",
        "X-CSRFToken": data.get("csrfmiddlewaretoken") || "",
      },
    })
      .then(function (response) {
        return response.json().catch(function () {
          return { ok: false, error: form.dataset.error };
        });
      })
      .then(function (body) {
        if (!body.ok) {
          status.textContent = body.error || form.dataset.error;
          return;
        }
        section.querySelector("[data-rating-line]").textContent = body.line;
        section.querySelector("[data-rating-average]").textContent = body.average;
        section.querySelector("[data-rating-average-box]").hidden = false;
        status.textContent = body.message;
      })
      .catch(function () {
        status.textContent = form.dataset.error;
      });
  }

  document.querySelectorAll("[data-rating-form]").forEach(function (form) {
    var button = form.querySelector(".rating-submit");
    if (button) button.hidden = true;
    var pointer = false;
    form.addEventListener("pointerdown", function () {
      pointer = true;
    });
    form.addEventListener("keydown", function () {
      pointer = false;
    });
    form.addEventListener("click", function (event) {
      // Arrow keys also "click" radios; only a pointer click on a star sends.
      if (pointer && event.target.name === "score") {
        send(form);
      }
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      send(form);
    });
  });
})();
