/**
 * The one script of the help center's pages, inline and allowed by its hash: as the reader
 * types in the search box, it offers matching articles from `data-suggest` (JSON), as an
 * ARIA combobox (arrow keys move, Enter opens, Escape closes). Without it the box is a
 * plain search form, which is why the combobox roles are set here and not in the markup.
 */
export const SUGGEST_SCRIPT = `(function () {
  var form = document.querySelector("form[data-suggest]");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input[type=search]");
  var list = form.querySelector("[role=listbox]");
  var status = form.querySelector("[role=status]");
  var items = [], active = -1, timer = 0, asked = 0;
  input.setAttribute("role", "combobox");
  input.setAttribute("aria-autocomplete", "list");
  input.setAttribute("aria-expanded", "false");
  input.setAttribute("aria-controls", list.id);
  function close() {
    list.hidden = true;
    input.setAttribute("aria-expanded", "false");
    input.removeAttribute("aria-activedescendant");
    active = -1;
  }
  function highlight(index) {
    active = index;
    for (var n = 0; n < list.children.length; n++) list.children[n].setAttribute("aria-selected", String(n === index));
    if (index >= 0) input.setAttribute("aria-activedescendant", list.children[index].id);
    else input.removeAttribute("aria-activedescendant");
  }
  function show(found) {
    items = found;
    list.textContent = "";
    items.forEach(function (item, n) {
      var option = document.createElement("li");
      option.id = list.id + "-" + n;
      option.setAttribute("role", "option");
      option.setAttribute("aria-selected", "false");
      option.textContent = item.title;
      option.addEventListener("mousedown", function (event) { event.preventDefault(); location.href = item.url; });
      list.appendChild(option);
    });
    status.textContent = items.length ? items.length + " " + form.getAttribute("data-count-label") : "";
    if (items.length) { list.hidden = false; input.setAttribute("aria-expanded", "true"); active = -1; } else close();
  }
  function ask() {
    var q = input.value.trim();
    var mine = ++asked;
    if (q.length < 2) { show([]); return; }
    fetch(form.getAttribute("data-suggest") + "&q=" + encodeURIComponent(q), { headers: { accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { items: [] }; })
      .then(function (body) { if (mine === asked) show(body.items); })
      .catch(function () { if (mine === asked) show([]); });
  }
  input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(ask, 150); });
  input.addEventListener("keydown", function (event) {
    if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      if (!items.length) return;
      event.preventDefault();
      if (list.hidden) { list.hidden = false; input.setAttribute("aria-expanded", "true"); }
      var step = event.key === "ArrowDown" ? 1 : -1;
      highlight((active + step + items.length + (active < 0 && step < 0 ? 1 : 0)) % items.length);
    } else if (event.key === "Enter" && active >= 0 && !list.hidden) {
      event.preventDefault();
      location.href = items[active].url;
    } else if (event.key === "Escape" && !list.hidden) {
      event.preventDefault();
      close();
    }
  });
  input.addEventListener("blur", close);
})();`;
