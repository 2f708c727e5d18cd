// CKEditor uploads go to a CSRF-protected view: send Django's token with each one.
(function () {
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) return decodeURIComponent(match[1]);
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }
  function configure() {
    if (!window.CKEDITOR) return false;
    window.CKEDITOR.on("instanceCreated", function (event) {
      event.editor.config.fileTools_requestHeaders = { "X-CSRFToken": csrfToken() };
      event.editor.config.filebrowserUploadMethod = "xhr";
    });
    return true;
  }
  if (!configure()) document.addEventListener("DOMContentLoaded", configure);
})();
