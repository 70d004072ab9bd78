// Progressive enhancement for the header menu and the cookie notice. The page works without it.
// The head of every page carries one inline line that swaps "no-js" for "js" before the page is
// drawn, so the menu is collapsed from the first paint on small screens.
(function () {
  "use strict";
  document.documentElement.classList.replace("no-js", "js");

  var HOVER = window.matchMedia("(hover: hover) and (min-width: 960px)");

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  function itemOf(el) {
    return el.closest(".menu__item");
  }

  function toggleOf(item) {
    return item.querySelector(":scope > .menu__toggle");
  }

  function setOpen(toggle, open) {
    var item = itemOf(toggle);
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    item.classList.toggle("is-open", open);
    if (!open) delete item.dataset.hover;
  }

  function closeAll(except) {
    document.querySelectorAll(".menu__toggle[aria-expanded='true']").forEach(function (t) {
      if (t !== except) setOpen(t, false);
    });
  }

  function panelLinks(item) {
    return Array.prototype.slice.call(item.querySelectorAll(".menu__panel a"));
  }

  ready(function () {
    var menuButton = document.querySelector(".menu-button");
    var menu = document.getElementById("main-menu");
    if (!menu) return;
    var items = Array.prototype.slice.call(menu.querySelectorAll(":scope > .menu__item"));

    function setMenuOpen(open) {
      menuButton.setAttribute("aria-expanded", open ? "true" : "false");
      menu.classList.toggle("is-open", open);
    }

    function phoneMenuOpen() {
      return menuButton && menuButton.offsetParent !== null &&
        menuButton.getAttribute("aria-expanded") === "true";
    }

    if (menuButton) {
      menuButton.addEventListener("click", function () {
        setMenuOpen(menuButton.getAttribute("aria-expanded") !== "true");
      });
    }

    menu.querySelectorAll(".menu__toggle").forEach(function (toggle) {
      toggle.addEventListener("click", function () {
        var item = itemOf(toggle);
        // A panel the pointer opened stays open when its toggle is clicked.
        var open = item.dataset.hover ? true : toggle.getAttribute("aria-expanded") !== "true";
        closeAll(toggle);
        setOpen(toggle, open);
      });
    });

    // On a wide screen with a mouse, a panel opens while the pointer rests on its item; the
    // script does it (not CSS :hover) so that Escape can close it.
    items.forEach(function (item) {
      var toggle = toggleOf(item);
      if (!toggle) return;
      var timer = null;
      item.addEventListener("mouseenter", function () {
        if (!HOVER.matches) return;
        clearTimeout(timer);
        if (toggle.getAttribute("aria-expanded") === "true") return;
        closeAll(toggle);
        setOpen(toggle, true);
        item.dataset.hover = "1";
      });
      item.addEventListener("mouseleave", function () {
        if (!item.dataset.hover) return;
        timer = setTimeout(function () {
          if (item.dataset.hover) setOpen(toggle, false);
        }, 250);
      });
    });

    // Arrow keys: Left/Right between top-level items, Down/Up within an open panel (Down on a
    // top-level item opens its panel), Home/End to the first/last item of either level.
    function focusTop(index) {
      var item = items[(index + items.length) % items.length];
      closeAll(null);
      item.querySelector(".menu__link").focus();
    }

    menu.addEventListener("keydown", function (e) {
      if (e.altKey || e.ctrlKey || e.metaKey || e.shiftKey) return;
      var item = itemOf(e.target);
      if (!item) return;
      var index = items.indexOf(item);
      var toggle = toggleOf(item);
      var inPanel = !!e.target.closest(".menu__panel");
      var links = toggle ? panelLinks(item) : [];
      var handled = true;
      switch (e.key) {
        case "ArrowRight":
          focusTop(index + 1);
          break;
        case "ArrowLeft":
          focusTop(index - 1);
          break;
        case "ArrowDown":
          if (!links.length) { handled = false; break; }
          if (!inPanel) {
            closeAll(toggle);
            setOpen(toggle, true);
            links[0].focus();
          } else {
            links[Math.min(links.indexOf(e.target) + 1, links.length - 1)].focus();
          }
          break;
        case "ArrowUp":
          if (!inPanel) { handled = false; break; }
          var position = links.indexOf(e.target);
          if (position > 0) links[position - 1].focus();
          else toggle.focus();
          break;
        case "Home":
          if (inPanel) links[0].focus();
          else focusTop(0);
          break;
        case "End":
          if (inPanel) links[links.length - 1].focus();
          else focusTop(items.length - 1);
          break;
        default:
          handled = false;
      }
      if (handled) e.preventDefault();
    });

    // Escape closes the open panel (however it was opened) and returns to its toggle; with no
    // panel open, it closes the phone menu and returns to the Menu button.
    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape") return;
      var openToggle = menu.querySelector(".menu__toggle[aria-expanded='true']");
      if (openToggle) {
        setOpen(openToggle, false);
        openToggle.focus();
      } else if (phoneMenuOpen()) {
        setMenuOpen(false);
        menuButton.focus();
      }
    });

    document.addEventListener("click", function (e) {
      if (!e.target.closest(".menu__item")) closeAll(null);
    });

    document.addEventListener("focusin", function (e) {
      var item = e.target.closest(".menu__item");
      document.querySelectorAll(".menu__toggle[aria-expanded='true']").forEach(function (t) {
        if (itemOf(t) !== item) setOpen(t, false);
      });
    });

    var notice = document.querySelector("[data-cookie-notice]");
    if (notice) {
      var accepted = false;
      try { accepted = window.localStorage.getItem("cookie-consent") === "yes"; } catch (err) {}
      if (!accepted) notice.hidden = false;
      notice.querySelector("[data-cookie-accept]").addEventListener("click", function () {
        try { window.localStorage.setItem("cookie-consent", "yes"); } catch (err) {}
        notice.hidden = true;
      });
    }
  });
})();
