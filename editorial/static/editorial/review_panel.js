// The Review panel of an item's admin page (templates/admin/editorial/review_panel.html).
// It sits inside the item's form; its buttons send the comment box alone, so that what is
// typed in the rest of the form stays as it is: "Add comment" shows the new conversation in
// place, "Send back with comments" goes to the item's page again (it changes the item).
// A comment typed but not sent is not lost without a warning.
(function () {
  "use strict";
  if (window.reviewPanelReady) {
    return;
  }
  window.reviewPanelReady = true;

  var formChanged = false;
  var leaving = false;

  function box() {
    return document.getElementById("id_review_comment");
  }

  function csrfToken() {
    var input = document.querySelector("input[name=csrfmiddlewaretoken]");
    return input ? input.value : "";
  }

  function field(form, name, value) {
    var input = document.createElement("input");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }

  function showError(message) {
    var panel = document.getElementById("review-panel");
    var note = document.createElement("p");
    note.className = "errornote";
    note.setAttribute("role", "alert");
    note.textContent = message;
    panel.insertBefore(note, panel.children[1] || null);
  }

  function sendBack(button) {
    if (
      formChanged &&
      !window.confirm(
        "Your changes to this page are not saved. Send the item back anyway? Those changes will be lost."
      )
    ) {
      return;
    }
    var form = document.createElement("form");
    form.method = "post";
    form.action = button.getAttribute("formaction");
    form.hidden = true;
    field(form, "csrfmiddlewaretoken", csrfToken());
    field(form, "review_comment", box().value);
    document.body.appendChild(form);
    leaving = true;
    form.submit();
  }

  function addComment(button) {
    var text = box().value;
    var data = new FormData();
    data.append("csrfmiddlewaretoken", csrfToken());
    data.append("review_comment", text);
    button.disabled = true;
    fetch(button.getAttribute("formaction"), {
      method: "POST",
      body: data,
      headers: { "X-Review-Panel": "1" },
      credentials: "same-origin",
    })
      .then(function (response) {
        if (response.status !== 200 && response.status !== 400) {
          throw new Error(String(response.status));
        }
        return response.text().then(function (html) {
          document.getElementById("review-panel").outerHTML = html;
          if (response.status === 400) {
            box().value = text;
          }
          box().focus();
        });
      })
      .catch(function () {
        button.disabled = false;
        showError("Your comment could not be sent. Check your connection and try again.");
      });
  }

  document.addEventListener("input", function (event) {
    if (event.target.closest && !event.target.closest("#review-panel")) {
      formChanged = true;
    }
  });

  document.addEventListener("click", function (event) {
    var button = event.target.closest && event.target.closest("[data-review-action]");
    if (!button || !box()) {
      return;
    }
    event.preventDefault();
    if (button.dataset.reviewAction === "send-back") {
      sendBack(button);
    } else {
      addComment(button);
    }
  });

  window.addEventListener("beforeunload", function (event) {
    var comment = box();
    if (!leaving && comment && comment.value.trim()) {
      event.preventDefault();
      event.returnValue = "";
    }
  });
})();
