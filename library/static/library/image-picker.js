// The media library's picker window: choosing an image sends its address, alternative text
// and credit back to the editor's picture dialog that opened this window, then closes it.
const list = document.querySelector(".library-picker__images")
const callback = list?.dataset.callback

if (list && callback) {
  list.addEventListener("click", (event) => {
    const choice = event.target.closest(".library-picker__choice")
    const editor = window.opener?.CKEDITOR?.tools
    if (!choice || !editor) return
    editor.callFunction(Number(callback), choice.dataset.url, {
      id: choice.dataset.id,
      alternative_text: choice.dataset.alt,
      caption: choice.dataset.caption,
    })
    window.close()
  })
}
