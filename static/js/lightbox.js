// Lightbox for album pages. Without JavaScript every thumbnail is a plain link to
// the large picture; with it, a modal <dialog> shows the pictures one by one.
// Keyboard: Enter opens (the link's own click), arrows move, Escape closes and
// focus goes back to the thumbnail. Phones: swipe left/right, or the buttons.
(function () {
  "use strict";

  function button(className, label, symbol) {
    var element = document.createElement("button");
    element.type = "button";
    element.className = className;
    element.setAttribute("aria-label", label);
    element.title = label;
    var mark = document.createElement("span");
    mark.setAttribute("aria-hidden", "true");
    mark.textContent = symbol;
    element.appendChild(mark);
    return element;
  }

  function setUp(grid) {
    var links = Array.prototype.slice.call(grid.querySelectorAll("a.photo-link"));
    if (!links.length || typeof window.HTMLDialogElement !== "function") return;
    var text = grid.dataset;
    var current = 0;
    var opener = null;

    var dialog = document.createElement("dialog");
    dialog.className = "lightbox";
    dialog.setAttribute("aria-label", text.label || "");
    var figure = document.createElement("figure");
    figure.className = "lightbox-figure";
    var image = document.createElement("img");
    image.className = "lightbox-image";
    var caption = document.createElement("figcaption");
    caption.className = "lightbox-caption";
    figure.appendChild(image);
    figure.appendChild(caption);
    var counter = document.createElement("p");
    counter.className = "lightbox-counter";
    counter.setAttribute("aria-live", "polite");
    var close = button("lightbox-close", text.close || "Close", "×");
    var previous = button("lightbox-prev", text.prev || "Previous", "‹");
    var next = button("lightbox-next", text.next || "Next", "›");
    [close, figure, counter, previous, next].forEach(function (element) {
      dialog.appendChild(element);
    });
    document.body.appendChild(dialog);
    if (links.length < 2) {
      previous.hidden = true;
      next.hidden = true;
    }

    function show(index) {
      current = (index + links.length) % links.length;
      var link = links[current];
      var thumbnail = link.querySelector("img");
      image.src = link.href;
      image.alt = thumbnail ? thumbnail.alt : "";
      caption.textContent = link.dataset.caption || "";
      caption.hidden = !caption.textContent;
      counter.textContent = (text.counter || "{n}/{total}")
        .replace("{n}", current + 1)
        .replace("{total}", links.length);
    }

    function open(index) {
      opener = links[index];
      show(index);
      document.documentElement.classList.add("lightbox-open");
      dialog.showModal();
      close.focus();
    }

    dialog.addEventListener("close", function () {
      document.documentElement.classList.remove("lightbox-open");
      image.removeAttribute("src");
      // The thumbnail of the picture last shown gets the focus back.
      var target = links[current] || opener;
      if (target) target.focus();
    });

    dialog.addEventListener("keydown", function (event) {
      if (event.key === "ArrowRight") {
        show(current + 1);
      } else if (event.key === "ArrowLeft") {
        show(current - 1);
      } else if (event.key === "Home") {
        show(0);
      } else if (event.key === "End") {
        show(links.length - 1);
      } else {
        return;
      }
      event.preventDefault();
    });

    close.addEventListener("click", function () {
      dialog.close();
    });
    previous.addEventListener("click", function () {
      show(current - 1);
    });
    next.addEventListener("click", function () {
      show(current + 1);
    });
    // A click on the dark backdrop (the dialog itself, not its content) closes.
    dialog.addEventListener("click", function (event) {
      if (event.target === dialog) dialog.close();
    });

    var touchX = null;
    dialog.addEventListener(
      "touchstart",
      function (event) {
        touchX = event.changedTouches[0].clientX;
      },
      { passive: true }
    );
    dialog.addEventListener("touchend", function (event) {
      if (touchX === null) return;
      var distance = event.changedTouches[0].clientX - touchX;
      touchX = null;
      if (Math.abs(distance) > 40) show(current + (distance < 0 ? 1 : -1));
    });

    links.forEach(function (link, index) {
      link.addEventListener("click", function (event) {
        // Let ctrl/cmd/shift-click open the picture in a new tab as usual.
        if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey) {
          return;
        }
        event.preventDefault();
        open(index);
      });
    });
  }

  function start() {
    Array.prototype.forEach.call(
      document.querySelectorAll("[data-lightbox]"),
      setUp
    );
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
