// CKEditor uploads go to a CSRF-protected view: send Django's token with each one.
// fileTools reads the headers from the editor's config when it sends an upload.
(function () {
  function csrfToken() {
    var match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
    if (match) return decodeURIComponent(match[1]);
    var field = document.querySelector("input[name=csrfmiddlewaretoken]");
    return field ? field.value : "";
  }
  function configure(config) {
    config.fileTools_requestHeaders = { "X-CSRFToken": csrfToken() };
    config.filebrowserUploadMethod = "xhr";
  }
  function install() {
    if (!window.CKEDITOR || window.CKEDITOR.portalCsrf) return;
    window.CKEDITOR.portalCsrf = true;
    configure(window.CKEDITOR.config);
    Object.values(window.CKEDITOR.instances).forEach(function (editor) {
      configure(editor.config);
    });
    window.CKEDITOR.on("instanceCreated", function (event) {
      configure(event.editor.config);
    });
  }
  install();
  document.addEventListener("DOMContentLoaded", install);
  window.addEventListener("load", install);
})();
