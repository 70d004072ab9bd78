// "Copy link" buttons beside share-link addresses: a click (or Enter, or Space) copies the
// address and says so in the line beside it, which screen readers announce. Without this
// script the buttons stay hidden and the address, shown whole, is selected and copied by hand.
function selectText(element) {
  const range = document.createRange()
  range.selectNodeContents(element)
  const selection = window.getSelection()
  selection.removeAllRanges()
  selection.addRange(range)
}

async function copy(text, element) {
  if (navigator.clipboard && window.isSecureContext) {
    await navigator.clipboard.writeText(text)
    return true
  }
  selectText(element)
  return document.execCommand("copy")
}

function setUp(button) {
  const address = document.getElementById(button.dataset.copyFrom)
  const status = button.parentElement.querySelector(".copy-link__status")
  if (!address) return
  button.hidden = false
  button.addEventListener("click", async () => {
    let copied = false
    try {
      copied = await copy(address.textContent.trim(), address)
    } catch {
      copied = false
    }
    if (copied) {
      status.textContent = "Link copied: paste it into your message."
    } else {
      selectText(address)
      status.textContent = "The address is selected: press Ctrl+C (or ⌘+C on a Mac) to copy it."
    }
  })
}

function start() {
  document.querySelectorAll(".copy-link__button[data-copy-from]").forEach(setUp)
}

if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", start)
} else {
  start()
}
