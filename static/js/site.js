// Progressive enhancement for the header menu and the cookie notice. The page works without it.
(function () {
  "use strict";
  document.documentElement.classList.replace("no-js", "js");

  function ready(fn) {
    if (document.readyState !== "loading") fn();
    else document.addEventListener("DOMContentLoaded", fn);
  }

  function setOpen(toggle, open) {
    toggle.setAttribute("aria-expanded", open ? "true" : "false");
    toggle.closest(".menu__item").classList.toggle("is-open", open);
  }

  function closeAll(except) {
    document.querySelectorAll(".menu__toggle[aria-expanded='true']").forEach(function (t) {
      if (t !== except) setOpen(t, false);
    });
  }

  ready(function () {
    var menuButton = document.querySelector(".menu-button");
    var menu = document.getElementById("main-menu");
    if (menuButton && menu) {
      menuButton.addEventListener("click", function () {
        var open = menuButton.getAttribute("aria-expanded") !== "true";
        menuButton.setAttribute("aria-expanded", open ? "true" : "false");
        menu.classList.toggle("is-open", open);
      });
    }

    document.querySelectorAll(".menu__toggle").forEach(function (toggle) {
      toggle.addEventListener("click", function () {
        var open = toggle.getAttribute("aria-expanded") !== "true";
        closeAll(toggle);
        setOpen(toggle, open);
      });
    });

    document.addEventListener("keydown", function (e) {
      if (e.key !== "Escape") return;
      var openToggle = document.querySelector(".menu__toggle[aria-expanded='true']");
      if (openToggle) {
        setOpen(openToggle, false);
        openToggle.focus();
      }
    });

    document.addEventListener("click", function (e) {
      if (!e.target.closest(".menu__item")) closeAll(null);
    });

    document.addEventListener("focusin", function (e) {
      var item = e.target.closest(".menu__item");
      document.querySelectorAll(".menu__toggle[aria-expanded='true']").forEach(function (t) {
        if (t.closest(".menu__item") !== item) setOpen(t, false);
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
