// "Copy" buttons beside feed addresses on /feeds/ (the pattern of the back office's share-link
// buttons): a click copies the address and says so in the line beside it, which screen readers
// announce. Without this script the buttons stay hidden and the addresses, shown whole, are
// selected and copied by hand.
(function () {
  "use strict";

  function selectText(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function copy(text, element) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).then(function () { return true; });
    }
    selectText(element);
    return Promise.resolve(document.execCommand("copy"));
  }

  function setUp(button) {
    var address = document.getElementById(button.dataset.copyFrom);
    var status = button.parentElement.querySelector(".copy-address__status");
    if (!address || !status) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(address.textContent.trim(), address).catch(function () { return false; }).then(function (copied) {
        if (copied) {
          status.textContent = "Address copied: paste it into your feed reader.";
        } else {
          selectText(address);
          status.textContent = "The address is selected: press Ctrl+C (or ⌘+C on a Mac) to copy it.";
        }
      });
    });
  }

  function start() {
    document.querySelectorAll(".copy-address__button[data-copy-from]").forEach(setUp);
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
