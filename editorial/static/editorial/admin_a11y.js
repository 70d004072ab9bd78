/* Names for what the admin's scripts draw after the page has loaded, so that a screen reader
   can say what each control is for:
   - the pickers (select2, Django's autocomplete): the box showing the choice, the search typed
     into, the list of results, and the clear-all cross, which is for the mouse only (Backspace
     clears by keyboard) and is hidden from screen readers;
   - the rich-text editor's writing area, named after its field's label;
   - the help icon of the "Filter" boxes of a two-list chooser, an image with a text.
   Everything is named again whenever the scripts redraw a part of the page. */
"use strict";
{
  const labelText = (label) =>
    label ? label.textContent.replace(/\s+/g, " ").trim().replace(/:$/, "") : "";

  // The name of a form control: its own aria-label (rows of a table), else its label's text.
  const nameOf = (control) =>
    (control.getAttribute("aria-label") || "").trim() ||
    (control.id ? labelText(document.querySelector(`label[for="${CSS.escape(control.id)}"]`)) : "");

  const setAttr = (element, name, value) => {
    if (element && value && element.getAttribute(name) !== value) element.setAttribute(name, value);
  };

  function namePicker(select) {
    const container = select.nextElementSibling;
    if (!container || !container.classList.contains("select2-container")) return;
    const name = nameOf(select);
    if (!name) return;
    const box = container.querySelector(".select2-selection");
    if (box.classList.contains("select2-selection--multiple")) {
      setAttr(box, "aria-label", name);
    } else {
      // The box is named by the field's name, then the choice shown in it.
      const shown = box.querySelector(".select2-selection__rendered");
      let label = container.querySelector(".select2-name");
      if (!label) {
        label = document.createElement("span");
        label.className = "select2-name";
        label.id = `${shown.id}-name`;
        label.hidden = true;
        container.prepend(label);
      }
      if (label.textContent !== name) label.textContent = name;
      setAttr(box, "aria-labelledby", `${label.id} ${shown.id}`);
      setAttr(shown, "aria-label", name);
    }
    container.querySelectorAll(".select2-search__field").forEach((field) => {
      setAttr(field, "aria-label", `Search ${name}`);
    });
  }

  // An open picker's list of results is "select2-<id of the select>-results", and its search
  // field points to the list.
  const pickerOf = (resultsId) => {
    const match = /^select2-(.+)-results$/.exec(resultsId || "");
    return match && document.getElementById(match[1]);
  };

  function nameDropdown(dropdown) {
    const results = dropdown.querySelector(".select2-results__options[id]");
    const select = results && pickerOf(results.id);
    const name = select && nameOf(select);
    if (!name) return;
    setAttr(results, "aria-label", name);
    setAttr(dropdown.querySelector(".select2-search__field"), "aria-label", `Search ${name}`);
  }

  function nameEditor(area) {
    const textarea = area.closest(".prose-editor")?.querySelector("textarea");
    setAttr(area, "aria-label", textarea && nameOf(textarea));
  }

  function nameAll() {
    document.querySelectorAll("select.select2-hidden-accessible").forEach(namePicker);
    document.querySelectorAll(".select2-dropdown").forEach(nameDropdown);
    // An open picker's box says which list it controls (select2 says only that it owns it).
    document.querySelectorAll(".select2-selection[role=combobox]").forEach((box) => {
      const list = box.getAttribute("aria-owns");
      if (list) setAttr(box, "aria-controls", list);
      else box.removeAttribute("aria-controls");
    });
    document.querySelectorAll(".select2-selection__clear").forEach((cross) => {
      setAttr(cross, "aria-hidden", "true");
    });
    document.querySelectorAll(".prose-editor > .ProseMirror").forEach(nameEditor);
    document.querySelectorAll(".help-tooltip[aria-label]:not([role])").forEach((icon) => {
      setAttr(icon, "role", "img");
    });
  }

  let pending = false;
  const observer = new MutationObserver(() => {
    if (pending) return;
    pending = true;
    queueMicrotask(() => {
      pending = false;
      nameAll();
    });
  });
  const start = () => {
    nameAll();
    observer.observe(document.body, { childList: true, subtree: true });
  };
  if (document.body) start();
  else document.addEventListener("DOMContentLoaded", start);
}
