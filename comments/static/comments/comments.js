// Progressive enhancement of the comment form: post with fetch() and show the
// new comment (or the moderation notice) in place, or why the comment was refused
// at the top of the form and next to each field. Without JavaScript the form
// posts normally and the server redirects back to the comment, or answers a page
// that says why and holds the form refilled.
(function () {
  "use strict";
  var section = document.querySelector("[data-comments]");
  var form = section && section.querySelector("[data-comment-form]");
  if (!form || !window.fetch) return;

  var status = form.querySelector("[data-comment-status]");
  var replying = form.querySelector("[data-replying]");
  var parentInput = form.querySelector("input[name=parent]");

  function show(message, kind) {
    status.textContent = message;
    status.className = "comment-status " + (kind || "");
  }

  function clearErrors() {
    form.querySelectorAll(".field-error").forEach(function (node) { node.remove(); });
  }

  function showErrors(errors) {
    Object.keys(errors || {}).forEach(function (name) {
      var input = form.querySelector("[name=" + name + "]");
      var holder = input && input.closest(".field");
      if (!holder || name === "website") return;
      var note = document.createElement("span");
      note.className = "field-error";
      note.textContent = errors[name].join(" ");
      holder.appendChild(note);
    });
  }

  function setReply(id, name) {
    parentInput.value = id || "";
    replying.hidden = !id;
    replying.querySelector("[data-replying-name]").textContent = name || "";
  }

  section.addEventListener("click", function (event) {
    var link = event.target.closest("[data-reply-to]");
    if (link) {
      event.preventDefault();
      setReply(link.dataset.replyTo, link.dataset.replyName);
      form.scrollIntoView({ block: "start" });
      form.querySelector("textarea").focus();
    } else if (event.target.closest("[data-cancel-reply]")) {
      event.preventDefault();
      setReply("", "");
    }
  });

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var button = form.querySelector("button[type=submit]");
    button.disabled = true;
    clearErrors();
    show("", "");
    fetch(form.action, {
      method: "POST",
      body: new FormData(form),
      headers: { Accept: "application/json" },
      credentials: "same-origin",
    })
      .then(function (response) {
        return response.json().catch(function () {
          return { ok: false, message: response.statusText || "Lỗi " + response.status };
        });
      })
      .then(function (data) {
        if (!data.ok) {
          // The text stays where it was typed; a renewed stamp lets the reader
          // send it again (an expired form, a form sent too soon, a rate limit).
          if (data.stamp) form.querySelector("input[name=stamp]").value = data.stamp;
          show(data.message, "is-error");
          showErrors(data.errors);
          status.scrollIntoView({ block: "nearest" });
          return;
        }
        if (data.html) {
          var list = data.thread
            ? section.querySelector("[data-replies='" + data.thread + "']")
            : section.querySelector("[data-comment-list]");
          if (list && !document.getElementById("comment-" + data.id)) {
            list.insertAdjacentHTML("beforeend", data.html);
          }
          var empty = section.querySelector("[data-comments-empty]");
          if (empty) empty.remove();
          section.querySelector("[data-comment-count]").textContent = data.count;
        }
        show(data.notice, data.visible ? "is-ok" : "is-waiting");
        form.querySelector("textarea").value = "";
        form.querySelector("input[name=stamp]").value = data.stamp;
        setReply("", "");
      })
      .catch(function () {
        show(form.dataset.networkError || "Không gửi được bình luận. Vui lòng thử lại.", "is-error");
      })
      .finally(function () {
        button.disabled = false;
      });
  });
})();
