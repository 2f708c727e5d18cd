// The category menu by tap and by keyboard (templates/includes/site_menu.html).
// On a phone the "Chuyên mục" button opens and closes the menu; everywhere the
// button beside a parent category opens its sub-categories (a disclosure: Enter or
// Space toggles, Escape closes and puts the focus back on the button). Without
// JavaScript the menu is a plain list that CSS opens on hover and focus.
(function () {
  "use strict";
  var nav = document.querySelector("[data-site-menu]");
  if (!nav) return;
  var menuToggle = nav.querySelector("[data-menu-toggle]");
  var toggles = Array.prototype.slice.call(
    nav.querySelectorAll("[data-submenu-toggle]")
  );

  function isOpen(button) {
    return button.getAttribute("aria-expanded") === "true";
  }

  function setOpen(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function closeSubmenus(except) {
    toggles.forEach(function (button) {
      if (button !== except) setOpen(button, false);
    });
  }

  function setMenuOpen(open) {
    setOpen(menuToggle, open);
    nav.classList.toggle("is-open", open);
  }

  nav.classList.add("menu-enhanced");
  menuToggle.hidden = false;
  menuToggle.addEventListener("click", function () {
    setMenuOpen(!isOpen(menuToggle));
  });

  toggles.forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = !isOpen(button);
      closeSubmenus(button);
      setOpen(button, open);
    });
  });

  nav.addEventListener("keydown", function (event) {
    if (event.key !== "Escape" && event.key !== "Esc") return;
    var open = toggles.filter(isOpen)[0];
    if (open) {
      setOpen(open, false);
      open.focus();
      event.preventDefault();
    } else if (isOpen(menuToggle) && menuToggle.offsetParent !== null) {
      setMenuOpen(false);
      menuToggle.focus();
      event.preventDefault();
    }
  });

  // A sub-menu closes when the focus or a click goes somewhere else.
  nav.addEventListener("focusout", function (event) {
    var next = event.relatedTarget;
    if (!next) return;
    toggles.forEach(function (button) {
      if (isOpen(button) && !button.parentNode.contains(next)) setOpen(button, false);
    });
  });
  document.addEventListener("click", function (event) {
    if (!nav.contains(event.target)) closeSubmenus(null);
  });
})();
