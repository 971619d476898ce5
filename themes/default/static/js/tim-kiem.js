/* Search of the site, in the reader's browser, with no server.
   The index is a script built with the site (tim-kiem/chi-muc.js) that sets
   window.baocaoSearchIndex, so search works from file:// and under any
   sub-path. Accents are folded ("cai cach" finds "cải cách", "d" finds
   "đ"); every word of the query must start a word of the entry; entries
   whose title holds the words come first, newest first within each rank.
   The page is complete without this script: it only adds results. */
(function () {
  "use strict";

  /* Lower case, accents dropped, đ as d, runs of other signs as one space. */
  function fold(text) {
    return String(text == null ? "" : text)
      .normalize("NFD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[\u0111\u0110]/g, "d")
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, " ")
      .trim();
  }

  function words(text) {
    var folded = fold(text);
    return folded ? folded.split(" ") : [];
  }

  function starts(list, word) {
    return list.some(function (w) { return w.indexOf(word) === 0; });
  }

  /* An entry with its folded words, computed once. */
  function prepare(entry, order) {
    var rest = [entry.summary, entry.section].concat(entry.tags || []).join(" ");
    return {
      entry: entry,
      order: order,
      title: words(entry.title),
      titleText: " " + fold(entry.title) + " ",
      rest: words(rest),
    };
  }

  /* The entries matching `query`, best first: the title holds the whole
     query as written (3), every word (2), some words (1), none (0). */
  function search(prepared, query) {
    var q = words(query);
    if (q.length === 0) return [];
    var phrase = " " + q.join(" ");
    var hits = [];
    prepared.forEach(function (p) {
      var inTitle = q.filter(function (w) { return starts(p.title, w); }).length;
      var all = q.every(function (w) { return starts(p.title, w) || starts(p.rest, w); });
      if (!all) return;
      var rank = p.titleText.indexOf(phrase) >= 0 ? 3 : inTitle === q.length ? 2 : inTitle > 0 ? 1 : 0;
      hits.push({ entry: p.entry, rank: rank, order: p.order });
    });
    hits.sort(function (a, b) { return b.rank - a.rank || a.order - b.order; });
    return hits.map(function (h) { return h.entry; });
  }

  function index(entries) {
    return (entries || []).map(prepare);
  }

  var api = { fold: fold, index: index, search: search };
  if (typeof module === "object" && module && module.exports) {
    module.exports = api;
    return;
  }
  if (typeof document === "undefined") return;

  var box = document.querySelector('[data-module="bc-search"]');
  if (!box) return;
  var form = box.querySelector("form");
  var input = box.querySelector('input[name="q"]');
  var status = box.querySelector(".bc-search__status");
  var list = box.querySelector(".bc-search__results");
  var root = box.getAttribute("data-root") || "";
  // Opened from disk, a folder is a listing, not its page.
  var local = window.location.protocol === "file:";
  var entries = Array.isArray(window.baocaoSearchIndex) ? index(window.baocaoSearchIndex) : null;

  function say(key, n, q) {
    status.textContent = (box.getAttribute("data-" + key) || "")
      .replace("{n}", String(n))
      .replace("{q}", q);
  }

  function element(tag, className, text) {
    var el = document.createElement(tag);
    if (className) el.className = className;
    if (text != null) el.textContent = text;
    return el;
  }

  function result(entry) {
    var li = element("li", "bc-search__result");
    var h = element("h2", "bc-search__title");
    var a = element("a", null, entry.title);
    a.href = root + entry.url + (local && /\/$|^$/.test(entry.url) ? "index.html" : "");
    h.appendChild(a);
    li.appendChild(h);
    if (entry.date || entry.section) {
      var meta = element("p", "bc-search__meta");
      if (entry.date) {
        var time = element("time", null, entry.date_text || entry.date);
        time.setAttribute("datetime", entry.date);
        meta.appendChild(time);
      }
      if (entry.date && entry.section) meta.appendChild(document.createTextNode(" · "));
      if (entry.section) meta.appendChild(document.createTextNode(entry.section));
      li.appendChild(meta);
    }
    if (entry.summary) li.appendChild(element("p", "bc-search__summary", entry.summary));
    return li;
  }

  function show(query) {
    list.textContent = "";
    list.hidden = true;
    if (!entries) { say("unavailable", 0, query); return; }
    if (!fold(query)) { say("prompt", 0, query); return; }
    var found = search(entries, query);
    if (found.length === 0) { say("none", 0, query); return; }
    found.forEach(function (e) { list.appendChild(result(e)); });
    list.hidden = false;
    say("found", found.length, query);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    show(input.value);
    try {
      var url = new URL(window.location.href);
      url.searchParams.set("q", input.value);
      window.history.replaceState(null, "", url.href);
    } catch (e) {
      /* Some browsers refuse to change a file:// address; results stay. */
    }
  });

  var initial = new URLSearchParams(window.location.search).get("q");
  if (initial) {
    input.value = initial;
    show(initial);
  } else {
    say(entries ? "prompt" : "unavailable", 0, "");
  }
})();
