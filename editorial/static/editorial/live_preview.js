/* The live preview beside an item's form (templates/admin/editorial/live_preview.html).
   A moment after the editor stops typing, the form's data (not its files) is posted to the
   preview's address, which answers with the public page as it will look, shown in a sandboxed
   frame, or with what to put right. Nothing is saved. No dependency, no inline script. */
(function () {
  "use strict";

  var WAIT = 700; // milliseconds of quiet before the preview is refreshed
  var pane = document.querySelector(".live-preview[data-url]");
  if (!pane) {
    return;
  }
  var form = pane.closest("form");
  var frame = pane.querySelector(".live-preview__frame");
  var viewport = pane.querySelector(".live-preview__viewport");
  var state = pane.querySelector(".live-preview__state");
  var problems = pane.querySelector(".live-preview__problems");
  var widthButtons = pane.querySelectorAll("[data-width]");
  var width = 1280;
  var timer = null;
  var request = null;
  var stale = pane.dataset.start === "at-once";
  var scrollY = 0;

  function formData() {
    var data = new URLSearchParams();
    new FormData(form).forEach(function (value, name) {
      if (typeof value === "string") {
        data.append(name, value); // files are left out: the page shows those already saved
      }
    });
    return data;
  }

  function say(message, lines) {
    problems.textContent = "";
    if (!message) {
      return;
    }
    var first = document.createElement("p");
    first.textContent = message;
    problems.appendChild(first);
    if (lines && lines.length) {
      var list = document.createElement("ul");
      lines.forEach(function (line) {
        var item = document.createElement("li");
        item.textContent = line;
        list.appendChild(item);
      });
      problems.appendChild(list);
    }
  }

  function show(html) {
    try {
      scrollY = frame.contentWindow.scrollY;
    } catch (error) {
      scrollY = 0;
    }
    frame.srcdoc = html;
  }

  function refresh() {
    clearTimeout(timer);
    if (!pane.open) {
      stale = true;
      return;
    }
    stale = false;
    if (request) {
      request.abort();
    }
    var current = new AbortController();
    request = current;
    state.textContent = "Updating…";
    fetch(pane.dataset.url, {
      method: "POST",
      body: formData(),
      credentials: "same-origin",
      signal: current.signal,
    })
      .then(function (response) {
        if (response.redirected) {
          throw new Error("You have been signed out: sign in again to see the preview.");
        }
        if (response.ok) {
          return response.text().then(function (html) {
            say("");
            show(html);
          });
        }
        if ((response.headers.get("Content-Type") || "").indexOf("json") !== -1) {
          return response.json().then(function (answer) {
            say(answer.message, answer.problems);
          });
        }
        throw new Error(
          response.status === 403
            ? "You may not preview this item."
            : "The preview could not be made just now: it tries again as you type."
        );
      })
      .catch(function (error) {
        if (error.name !== "AbortError") {
          say(error.message);
        }
      })
      .finally(function () {
        if (request === current) {
          request = null;
          state.textContent = "";
        }
      });
  }

  function soon() {
    clearTimeout(timer);
    timer = setTimeout(refresh, WAIT);
  }

  function fit() {
    if (!viewport.clientWidth) {
      return; // the pane is closed
    }
    var scale = Math.min(1, viewport.clientWidth / width);
    frame.style.width = width + "px";
    frame.style.height = viewport.clientHeight / scale + "px";
    frame.style.transform = "scale(" + scale + ")";
  }

  frame.addEventListener("load", function () {
    var page = frame.contentWindow;
    if (!page) {
      return;
    }
    page.scrollTo(0, scrollY);
    // Links and forms of the page lead nowhere from here: the preview stays in place.
    page.document.addEventListener("click", function (event) {
      if (event.target.closest && event.target.closest("a")) {
        event.preventDefault();
      }
    });
  });

  widthButtons.forEach(function (button) {
    button.addEventListener("click", function () {
      width = Number(button.dataset.width);
      widthButtons.forEach(function (other) {
        other.setAttribute("aria-pressed", String(other === button));
      });
      fit();
    });
  });

  pane.querySelector(".live-preview__refresh").addEventListener("click", refresh);
  pane.addEventListener("toggle", function () {
    if (pane.open && stale) {
      refresh();
    }
  });
  form.addEventListener("input", soon);
  form.addEventListener("change", soon);
  // Rows of authors or speakers added or removed, and choices made in the admin's
  // search boxes (select2 announces them through the admin's own jQuery only).
  document.addEventListener("formset:added", soon);
  document.addEventListener("formset:removed", soon);
  if (window.django && window.django.jQuery) {
    window.django.jQuery(form).on("change", soon);
  }
  if (window.ResizeObserver) {
    new ResizeObserver(fit).observe(viewport);
  }
  window.addEventListener("resize", fit);
  fit();
  if (stale) {
    refresh();
  }
})();
