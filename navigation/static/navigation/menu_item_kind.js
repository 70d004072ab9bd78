"use strict";
// The menu item form: show only the fields of the kind chosen (a content page's summary and
// text, a section link's section, an outside link's address), as soon as the kind changes.
// The page comes with the right fields shown already; this keeps them right as it changes.
(function () {
    function showKind(kind) {
        document.querySelectorAll("fieldset.menu-kind").forEach(function (fieldset) {
            fieldset.classList.toggle("hidden", !fieldset.classList.contains("menu-kind-" + kind));
        });
    }

    document.addEventListener("DOMContentLoaded", function () {
        const select = document.getElementById("id_kind");
        if (!select) {
            return;
        }
        select.addEventListener("change", function () {
            showKind(select.value);
        });
        showKind(select.value);
    });
})();
