// Suggests existing tags while typing in a comma-separated tags field.
// The browser's own <datalist> shows them (keyboard and screen readers included);
// each suggestion is the whole text with the name being typed completed.
(function () {
  "use strict";
  function setup(input) {
    var list = document.createElement("datalist");
    list.id = input.id + "-suggestions";
    input.setAttribute("list", list.id);
    input.setAttribute("autocomplete", "off");
    input.insertAdjacentElement("afterend", list);
    var timer = null;
    var asked = null;
    function suggest() {
      var value = input.value;
      var cut = value.lastIndexOf(",");
      var rest = value.slice(cut + 1);
      var term = rest.trim();
      if (!term || value === asked) return;
      asked = value;
      var head = value.slice(0, cut + 1) + rest.match(/^\s*/)[0];
      var taken = value.slice(0, cut + 1).split(",").map(function (name) {
        return name.trim().toLowerCase();
      });
      fetch(input.dataset.suggestUrl + "?q=" + encodeURIComponent(term), {
        headers: { Accept: "application/json" },
        credentials: "same-origin",
      })
        .then(function (response) {
          return response.ok ? response.json() : { tags: [] };
        })
        .then(function (data) {
          if (input.value !== value) return; // typed on meanwhile
          var options = data.tags
            .filter(function (name) {
              return taken.indexOf(name.toLowerCase()) < 0;
            })
            .map(function (name) {
              var option = document.createElement("option");
              option.value = head + name + ", ";
              option.label = name;
              return option;
            });
          list.replaceChildren.apply(list, options);
        })
        .catch(function () {});
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(suggest, 150);
    });
  }
  function install() {
    document.querySelectorAll("input.tag-input[data-suggest-url]").forEach(setup);
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", install);
  } else {
    install();
  }
})();
