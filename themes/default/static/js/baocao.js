/* Reader controls of the default theme: text size and contrast (remembered
   in localStorage), print, copy link. The page is complete without this
   file: the controls stay hidden until the inline script in <head> marks
   the page `js-enabled`, and the copy link is a plain link to the page. */
(function () {
  "use strict";
  var root = document.documentElement;
  function save(key, value) {
    try {
      if (value === null) window.localStorage.removeItem(key);
      else window.localStorage.setItem(key, value);
    } catch (e) { /* private mode: the choice lasts for this page only */ }
  }
  function each(selector, fn) {
    Array.prototype.forEach.call(document.querySelectorAll(selector), fn);
  }
  function size() {
    var v = parseInt(root.getAttribute("data-bc-text") || "0", 10);
    return isNaN(v) ? 0 : v;
  }
  each('[data-module="bc-text-size"] [data-step]', function (button) {
    button.addEventListener("click", function () {
      var step = parseInt(button.getAttribute("data-step"), 10);
      var v = step === 0 ? 0 : Math.max(-1, Math.min(3, size() + step));
      if (v) root.setAttribute("data-bc-text", String(v));
      else root.removeAttribute("data-bc-text");
      save("bc-text", v ? String(v) : null);
    });
  });
  each('[data-module="bc-contrast"]', function (button) {
    function show() {
      button.setAttribute("aria-pressed", root.classList.contains("bc-contrast") ? "true" : "false");
    }
    show();
    button.addEventListener("click", function () {
      save("bc-contrast", root.classList.toggle("bc-contrast") ? "1" : null);
      show();
    });
  });
  each('[data-module="bc-print"]', function (button) {
    button.addEventListener("click", function () { window.print(); });
  });
  each('[data-module="bc-copy"]', function (link) {
    link.addEventListener("click", function (event) {
      if (!navigator.clipboard) return;
      event.preventDefault();
      var status = document.getElementById(link.getAttribute("data-status"));
      navigator.clipboard.writeText(link.href).then(function () {
        if (status) status.textContent = status.getAttribute("data-done");
      }, function () { window.location.href = link.href; });
    });
  });
})();
