// Django's URLify turns "đ" into "dj" and drops Vietnamese vowels with marks
// ("Cụm" → "cm"). Fold Vietnamese first, as news.text.slugify_vi does on the server.
(function () {
  function foldVietnamese(text) {
    return text
      .replace(/[đð]/g, "d")
      .replace(/[ĐÐ]/g, "D")
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "");
  }
  function install() {
    if (typeof window.URLify !== "function" || window.URLify.vietnamese) return;
    var djangoURLify = window.URLify;
    window.URLify = function (text, numChars) {
      return djangoURLify(foldVietnamese(text), numChars, false);
    };
    window.URLify.vietnamese = true;
  }
  install();
  document.addEventListener("DOMContentLoaded", install);
})();
