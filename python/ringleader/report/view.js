/* ringleader report: the interactive network view.
   Reads the JSON data block #rl-view-data (an application/json script
   element written by ringleader/report/_view.py), draws it as SVG into
   the element #rl-view and, once running, hides the static picture
   (#figure-network) on screen; printing still shows the static picture.
   No library, no network: the page's Content-Security-Policy allows this
   script by its hash and nothing else.  Names are only ever set with
   textContent, never parsed as HTML. */
(function () {
  "use strict";

  var SVGNS = "http://www.w3.org/2000/svg";
  /* community colours, from the data (ringleader/_colors.py: the static picture's colours) */
  var PALETTE = [];
  var GREY = "#b8b8b8";
  var ROLES = ["leader", "broker", "key member", "peripheral"];
  var LABEL_HEIGHT = 16, LABEL_CHARS = 28, OPTIONAL_LABELS = 30;
  /* where a label may go around its node: right, left, above, below, then the corners */
  var DIRECTIONS = [[1, 0], [-1, 0], [0, -1], [0, 1], [1, -1], [1, 1], [-1, -1], [-1, 1]];

  function make(tag, attrs, parent, isSvg) {
    var e = isSvg ? document.createElementNS(SVGNS, tag) : document.createElement(tag);
    var k;
    for (k in attrs) {
      if (Object.prototype.hasOwnProperty.call(attrs, k)) { e.setAttribute(k, attrs[k]); }
    }
    if (parent) { parent.appendChild(e); }
    return e;
  }
  function svg(tag, attrs, parent) { return make(tag, attrs, parent, true); }
  function html(tag, attrs, parent, text) {
    var e = make(tag, attrs, parent, false);
    if (text !== undefined && text !== null) { e.textContent = String(text); }
    return e;
  }
  function colour(c) { return c >= 0 && c < PALETTE.length ? PALETTE[c] : GREY; }
  function shorten(s, n) { return s.length <= n ? s : s.slice(0, n - 1) + "\u2026"; }
  function nameOf(p) { return p.label ? p.label + " (" + p.id + ")" : p.id; }
  function overlap(a, b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  }
  function inside(a, b) { return a.x >= b.x && a.y >= b.y && a.x + a.w <= b.x + b.w && a.y + a.h <= b.y + b.h; }
  function number(x, digits) { return x.toLocaleString("en-US", {maximumFractionDigits: digits}); }

  /* Label placement: items {x, y, r, w, h, forced} in priority order, screen
     pixels.  Each label takes the first free spot around its node (right,
     left, above, below, corners), moving out ring by ring; a free spot
     overlaps no label placed before and no labelled node.  Forced labels
     (the top persons) always find one; the others are left out when the
     nearest ring is full or outside ``bounds``.  Returns the items with
     ``box`` (or null) and ``ring`` (0 = beside the node). */
  function placeLabels(items, bounds) {
    var taken = items.map(function (it) {
      return {x: it.x - it.r - 1, y: it.y - it.r - 1, w: 2 * it.r + 2, h: 2 * it.r + 2, owner: it};
    });
    var i, ring, d, box, it, free;
    function spot(item, dir, gap) {
      var x = dir[0] > 0 ? item.x + gap : dir[0] < 0 ? item.x - gap - item.w : item.x - item.w / 2;
      var y = dir[1] > 0 ? item.y + gap : dir[1] < 0 ? item.y - gap - item.h : item.y - item.h / 2;
      if (dir[0] !== 0 && dir[1] !== 0) {
        x = dir[0] > 0 ? item.x + gap * 0.7 : item.x - gap * 0.7 - item.w;
        y = dir[1] > 0 ? item.y + gap * 0.7 : item.y - gap * 0.7 - item.h;
      }
      return {x: x, y: y, w: item.w, h: item.h};
    }
    function clear(b, item) {
      var j, t, padded = {x: b.x - 2, y: b.y - 2, w: b.w + 4, h: b.h + 4};
      for (j = 0; j < taken.length; j++) {
        t = taken[j];
        if (t.owner !== item && overlap(padded, t)) { return false; }
      }
      return true;
    }
    function search(it, rings, within) {
      for (ring = 0; ring < rings; ring++) {
        for (d = 0; d < DIRECTIONS.length; d++) {
          box = spot(it, DIRECTIONS[d], it.r + 3 + ring * 10);
          free = (!within || inside(box, bounds)) && clear(box, it);
          if (free) { it.box = box; it.ring = ring; return; }
        }
      }
    }
    for (i = 0; i < items.length; i++) {
      it = items[i];
      it.box = null;
      /* inside the stage if possible; a forced label anywhere else if not */
      search(it, it.forced ? 40 : 1, true);
      if (!it.box && it.forced) { search(it, 400, false); }
      if (it.box) { taken.push({x: it.box.x, y: it.box.y, w: it.box.w, h: it.box.h, owner: null}); }
    }
    return items;
  }

  function View(holder, data) {
    var self = this;
    this.holder = holder;
    this.data = data;
    this.nodes = data.nodes;
    this.k = 1; this.k0 = 1; this.tx = 0; this.ty = 0;
    this.community = "all";
    this.roles = {};
    ROLES.forEach(function (r) { self.roles[r] = true; });
    this.open = {};
    this.selected = -1;
    this.pinned = null;
    this.groups = this.makeGroups();
    this.build();
  }

  /* One disc per community for the persons outside the core. */
  View.prototype.makeGroups = function () {
    var groups = {}, list = [], nodes = this.nodes;
    this.data.communities.forEach(function (c) {
      groups[c.community] = {c: c.community, size: c.size, members: [], hidden: c.size - c.shown,
                             x: 0, y: 0, roles: {}};
    });
    nodes.forEach(function (p, i) {
      var g = groups[p.community];
      if (!g) { return; }
      if (!p.core) { g.members.push(i); g.roles[p.role] = true; }
    });
    Object.keys(groups).forEach(function (key) {
      var g = groups[key], at = g.members, sx = 0, sy = 0;
      if (!at.length) {
        at = nodes.map(function (p, i) { return i; }).filter(function (i) { return nodes[i].community === g.c; });
      }
      if (!at.length || (!g.members.length && g.hidden <= 0)) { return; }
      at.forEach(function (i) { sx += nodes[i].x; sy += nodes[i].y; });
      g.x = sx / at.length; g.y = sy / at.length;
      if (g.hidden > 0) { g.roles.peripheral = true; }
      list.push(g);
    });
    return list;
  };

  View.prototype.build = function () {
    var self = this, h = this.holder, data = this.data, bar, find, box, stage, label, i;
    h.setAttribute("role", "region");
    h.setAttribute("aria-label", "Interactive network view");
    bar = html("div", {"class": "rl-bar"}, h);
    find = html("div", {"class": "rl-find"}, bar);
    this.search = html("input", {type: "search", placeholder: "Find a person: name, id or rank",
                                 "aria-label": "Find a person by name, id or rank", autocomplete: "off",
                                 spellcheck: "false"}, find);
    this.hits = html("ul", {"class": "rl-hits", role: "listbox", "aria-label": "Matching persons"}, find);
    this.select = html("select", {"aria-label": "Community"}, bar);
    html("option", {value: "all"}, this.select, "All communities");
    data.communities.forEach(function (c) {
      html("option", {value: String(c.community)}, self.select,
           "Community " + c.community + " (" + number(c.size, 0) + " persons)");
    });
    box = html("span", {"class": "rl-roles", role: "group", "aria-label": "Roles shown"}, bar);
    this.roleBoxes = {};
    ROLES.forEach(function (r) {
      label = html("label", {}, box);
      self.roleBoxes[r] = html("input", {type: "checkbox", value: r}, label);
      self.roleBoxes[r].checked = true;
      label.appendChild(document.createTextNode(" " + r));
    });
    [["+", "Zoom in", "in"], ["\u2212", "Zoom out", "out"], ["Fit", "Show everything shown", "fit"],
     ["Collapse", "Close every opened community", "collapse"]].forEach(function (b) {
      html("button", {type: "button", "aria-label": b[1], title: b[1], "data-act": b[2]}, bar, b[0]);
    });
    stage = this.stage = html("div", {"class": "rl-stage"}, h);
    this.svg = svg("svg", {role: "group", "aria-label": "Person network"}, stage);
    this.world = svg("g", {"class": "rl-world"}, this.svg);
    this.edgeLayer = svg("g", {"class": "rl-edges"}, this.world);
    this.nodeLayer = svg("g", {"class": "rl-nodes"}, this.world);
    this.labelLayer = svg("g", {"class": "rl-labels", "aria-hidden": "true"}, this.svg);
    this.card = html("div", {"class": "rl-card", role: "status"}, stage);
    this.card.hidden = true;
    this.status = html("p", {"class": "rl-status", "aria-live": "polite"}, h);
    html("p", {"class": "rl-legend"}, h, this.legend());
    this.listen(bar);
    for (i = 0; i < this.nodes.length; i++) { this.nodes[i].index = i; }
  };

  View.prototype.legend = function () {
    var d = this.data, text = "Interactive view of the person network (" + number(d.persons, 0) + " persons, " +
      number(d.links, 0) + " links): the organisation core (leaders, solid ring; brokers, dashed ring; key " +
      "members and the highest-ranked persons) with their ties; the other persons of each community are one " +
      "dashed disc: click it, or focus it and press Enter, to show them. The " + d.labelled + " highest-ranked " +
      "persons are always labelled. Drag to move, wheel or + and \u2212 to zoom; hover, tap or focus a person " +
      "for the evidence. Colours are communities.";
    if (d.shown < d.persons) {
      text += " The " + number(d.shown, 0) + " highest-ranked persons are in the view; all are in leaders.csv.";
    }
    return text;
  };

  View.prototype.listen = function (bar) {
    var self = this;
    this.search.addEventListener("input", function () { self.find(self.search.value, false); });
    this.search.addEventListener("keydown", function (e) {
      if (e.key === "Enter") { e.preventDefault(); self.find(self.search.value, true); }
      if (e.key === "Escape") { self.search.value = ""; self.find("", false); }
    });
    this.hits.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-n]");
      if (b) { self.choose(Number(b.getAttribute("data-n"))); }
    });
    this.select.addEventListener("change", function () {
      self.community = self.select.value === "all" ? "all" : Number(self.select.value);
      self.render(); self.fit();
    });
    ROLES.forEach(function (r) {
      self.roleBoxes[r].addEventListener("change", function () {
        self.roles[r] = self.roleBoxes[r].checked; self.render(); self.place();
      });
    });
    bar.addEventListener("click", function (e) {
      var b = e.target.closest("button[data-act]"), act = b && b.getAttribute("data-act");
      var w = self.stage.clientWidth / 2, h = self.stage.clientHeight / 2;
      if (act === "in") { self.zoom(1.5, w, h); }
      if (act === "out") { self.zoom(1 / 1.5, w, h); }
      if (act === "fit") { self.fit(); }
      if (act === "collapse") { self.open = {}; self.render(); self.place(); }
    });
    this.svg.addEventListener("wheel", function (e) {
      var r = self.svg.getBoundingClientRect();
      e.preventDefault();
      self.zoom(Math.exp(-e.deltaY * (e.deltaMode === 1 ? 0.05 : 0.0015)), e.clientX - r.left, e.clientY - r.top);
    }, {passive: false});
    this.listenPointers();
    this.svg.addEventListener("click", function (e) { self.activate(e.target, false); });
    this.svg.addEventListener("keydown", function (e) {
      if (e.key === "Enter" || e.key === " ") {
        if (self.activate(e.target, true)) { e.preventDefault(); }
      }
    });
    this.svg.addEventListener("pointerover", function (e) { self.hover(e.target); });
    this.svg.addEventListener("pointerout", function () { self.showCard(self.pinned); });
    this.svg.addEventListener("focusin", function (e) { self.hover(e.target); });
    this.svg.addEventListener("focusout", function () { self.showCard(self.pinned); });
  };

  /* Drag the background to move; two fingers pinch to zoom. */
  View.prototype.listenPointers = function () {
    var self = this, drag = null, pinch = null, fingers = {};
    function spread() {
      var p = Object.keys(fingers).map(function (k) { return fingers[k]; });
      return {d: Math.max(1, Math.hypot(p[0].x - p[1].x, p[0].y - p[1].y)), x: (p[0].x + p[1].x) / 2,
              y: (p[0].y + p[1].y) / 2};
    }
    this.svg.addEventListener("pointerdown", function (e) {
      if (e.pointerType === "touch") { fingers[e.pointerId] = {x: e.clientX, y: e.clientY}; }
      if (Object.keys(fingers).length === 2) { pinch = {at: spread(), k: self.k}; drag = null; return; }
      if (e.target.closest("[data-n],[data-g]")) { return; }
      drag = {x: e.clientX, y: e.clientY, tx: self.tx, ty: self.ty, moved: false};
      self.svg.setPointerCapture(e.pointerId);
      self.svg.classList.add("rl-dragging");
    });
    this.svg.addEventListener("pointermove", function (e) {
      var now, r;
      if (fingers[e.pointerId]) { fingers[e.pointerId] = {x: e.clientX, y: e.clientY}; }
      if (pinch && Object.keys(fingers).length === 2) {
        now = spread(); r = self.svg.getBoundingClientRect();
        self.zoom(pinch.k * now.d / pinch.at.d / self.k, now.x - r.left, now.y - r.top);
        return;
      }
      if (!drag) { return; }
      if (Math.abs(e.clientX - drag.x) + Math.abs(e.clientY - drag.y) > 3) { drag.moved = true; }
      self.tx = drag.tx + e.clientX - drag.x; self.ty = drag.ty + e.clientY - drag.y;
      self.schedule();
    });
    function stop(e) {
      delete fingers[e.pointerId];
      if (Object.keys(fingers).length < 2) { pinch = null; }
      if (!drag) { return; }
      if (!drag.moved) { self.pin(null); }
      drag = null;
      self.svg.classList.remove("rl-dragging");
      if (self.svg.hasPointerCapture(e.pointerId)) { self.svg.releasePointerCapture(e.pointerId); }
    }
    this.svg.addEventListener("pointerup", stop);
    this.svg.addEventListener("pointercancel", stop);
  };

  /* The thing under an element: {n: person index} or {g: group}. */
  View.prototype.thing = function (target) {
    var e = target && target.closest ? target.closest("[data-n],[data-g]") : null, c;
    if (!e) { return null; }
    if (e.hasAttribute("data-n")) { return {n: Number(e.getAttribute("data-n"))}; }
    c = Number(e.getAttribute("data-g"));
    return {g: this.groups.filter(function (g) { return g.c === c; })[0]};
  };

  View.prototype.hover = function (target) {
    var t = this.thing(target);
    if (t) { this.showCard(t); }
  };

  /* Click, tap or Enter: a person's card stays; a disc opens its community. */
  View.prototype.activate = function (target, key) {
    var t = this.thing(target);
    if (!t) { return false; }
    if (t.g) {
      this.open[t.g.c] = true;
      this.render(); this.place();
      this.status.textContent = "Community " + t.g.c + ": " + number(t.g.members.length, 0) + " more persons shown.";
      if (key) {
        var first = this.nodeLayer.querySelector('[data-n="' + t.g.members[0] + '"]');
        if (first) { first.focus(); }
      }
    } else {
      this.pin(t);
    }
    return true;
  };

  View.prototype.pin = function (t) {
    this.pinned = t;
    this.showCard(t);
  };

  /* ---- what is drawn ------------------------------------------------------------ */
  View.prototype.visible = function (i) {
    var p = this.nodes[i];
    if (!this.roles[p.role]) { return false; }
    if (this.community !== "all" && p.community !== this.community) { return false; }
    return p.core || this.open[p.community] === true;
  };

  View.prototype.groupVisible = function (g) {
    var self = this;
    if (this.open[g.c] || (this.community !== "all" && g.c !== this.community)) { return false; }
    return Object.keys(g.roles).some(function (r) { return self.roles[r]; });
  };

  View.prototype.radius = function (p) {
    var top = this.maxLinks || 1;
    return 3 + 7 * Math.sqrt(p.links / top) + (p.role === "leader" ? 2 : 0);
  };

  View.prototype.groupRadius = function (g) { return 6 + 2.2 * Math.sqrt(g.members.length + g.hidden); };

  View.prototype.render = function () {
    var self = this, nodes = this.nodes, key = {}, where = {}, lines = {}, order = [], i, e, a, b, id, p, c, g, s;
    this.maxLinks = nodes.reduce(function (m, q) { return Math.max(m, q.links); }, 1);
    this.edgeLayer.textContent = "";
    this.nodeLayer.textContent = "";
    this.shown = [];
    this.shownGroups = [];
    this.groups.forEach(function (grp) {
      if (self.groupVisible(grp)) {
        where["g" + grp.c] = grp;
        self.shownGroups.push(grp);
      }
    });
    for (i = 0; i < nodes.length; i++) {
      if (this.visible(i)) {
        key[i] = "n" + i; where[key[i]] = nodes[i]; this.shown.push(i);
      } else if (!nodes[i].core && where["g" + nodes[i].community]) {
        key[i] = "g" + nodes[i].community;
      }
    }
    this.data.edges.forEach(function (t) {
      a = key[t[0]]; b = key[t[1]];
      if (!a || !b || a === b) { return; }
      id = a < b ? a + "|" + b : b + "|" + a;
      if (!lines[id]) { lines[id] = {a: where[a], b: where[b], n: 0}; order.push(id); }
      lines[id].n += 1;
    });
    order.forEach(function (lid) {
      var l = lines[lid];
      svg("line", {x1: l.a.x, y1: l.a.y, x2: l.b.x, y2: l.b.y,
                   "stroke-width": Math.min(6, 0.8 + Math.log(l.n) / Math.LN2).toFixed(2)}, self.edgeLayer);
    });
    this.shownGroups.forEach(function (grp) {
      g = svg("g", {"class": "rl-group", "data-g": grp.c, tabindex: "0", role: "button",
                    "aria-label": "Community " + grp.c + ": " + (grp.members.length + grp.hidden) +
                                  " more persons; press Enter to show them"}, self.nodeLayer);
      c = svg("circle", {cx: grp.x, cy: grp.y, fill: colour(grp.c), stroke: colour(grp.c)}, g);
      s = svg("text", {x: grp.x, y: grp.y}, g);
      s.textContent = "+" + number(grp.members.length + grp.hidden, 0);
      grp.circle = c; grp.text = s;
    });
    this.shown.slice().reverse().forEach(function (n) {
      p = nodes[n];
      p.circle = svg("circle", {"class": "rl-node rl-" + p.role.replace(" ", "-") + (n === self.selected ? " rl-hit" : ""),
                                cx: p.x, cy: p.y, fill: colour(p.community), "data-n": n, tabindex: "0",
                                role: "button", "aria-label": nameOf(p) + ", rank " + p.rank + ", " + p.role},
                     self.nodeLayer);
    });
  };

  /* ---- where it is drawn ---------------------------------------------------------- */
  View.prototype.schedule = function () {
    var self = this;
    if (this.pending) { return; }
    this.pending = true;
    window.requestAnimationFrame(function () { self.pending = false; self.place(); });
  };

  View.prototype.zoom = function (f, x, y) {
    var k = Math.min(this.k0 * 60, Math.max(this.k0 / 4, this.k * f));
    f = k / this.k;
    this.tx = x - (x - this.tx) * f; this.ty = y - (y - this.ty) * f; this.k = k;
    this.place();
  };

  /* Zoom and move so that everything drawn fits the stage. */
  View.prototype.fit = function () {
    var self = this, x0 = Infinity, y0 = Infinity, x1 = -Infinity, y1 = -Infinity;
    var w = this.stage.clientWidth || 800, h = this.stage.clientHeight || 600, k;
    function add(x, y) { x0 = Math.min(x0, x); y0 = Math.min(y0, y); x1 = Math.max(x1, x); y1 = Math.max(y1, y); }
    this.shown.forEach(function (i) { add(self.nodes[i].x, self.nodes[i].y); });
    this.shownGroups.forEach(function (g) { add(g.x, g.y); });
    if (x0 === Infinity) { x0 = y0 = 0; x1 = y1 = 1000; }
    k = Math.min((w - 80) / Math.max(x1 - x0, 1), (h - 60) / Math.max(y1 - y0, 1));
    k = Math.min(k, 40 * ((w - 80) / 1000));
    this.k = this.k0 = k;
    this.tx = w / 2 - k * (x0 + x1) / 2; this.ty = h / 2 - k * (y0 + y1) / 2;
    this.place();
  };

  View.prototype.screen = function (p) { return {x: p.x * this.k + this.tx, y: p.y * this.k + this.ty}; };

  View.prototype.place = function () {
    var self = this, s = 1 / Math.sqrt(this.k * this.k0);
    this.world.setAttribute("transform", "translate(" + this.tx.toFixed(2) + "," + this.ty.toFixed(2) +
                            ") scale(" + this.k.toFixed(5) + ")");
    this.shown.forEach(function (i) { var p = self.nodes[i]; p.circle.setAttribute("r", (self.radius(p) * s).toFixed(3)); });
    this.shownGroups.forEach(function (g) {
      g.circle.setAttribute("r", (self.groupRadius(g) * s).toFixed(3));
      g.text.setAttribute("font-size", (10 * s).toFixed(3));
    });
    this.labels();
    if (this.pinned) { this.showCard(this.pinned); }
  };

  /* The top persons, the found one and, where there is room, the other
     leaders, brokers and key members are labelled. */
  View.prototype.labels = function () {
    var self = this, layer = this.labelLayer, items = [], s = Math.sqrt(this.k / this.k0), extra = 0;
    var bounds = {x: 0, y: 0, w: this.stage.clientWidth, h: this.stage.clientHeight};
    layer.textContent = "";
    this.shown.forEach(function (i) {
      var p = self.nodes[i], forced = i < self.data.labelled || i === self.selected, at, g, t;
      if (!forced && (p.role === "peripheral" || extra >= OPTIONAL_LABELS)) { return; }
      if (!forced) { extra += 1; }
      at = self.screen(p);
      g = svg("g", {"class": "rl-label" + (forced ? " rl-top" : ""), "data-label": i}, layer);
      t = svg("text", {}, g);
      t.textContent = shorten(p.label || p.id, LABEL_CHARS);
      items.push({x: at.x, y: at.y, r: self.radius(p) * s, w: t.getComputedTextLength() + 8, h: LABEL_HEIGHT,
                  forced: forced, g: g, t: t, i: i});
    });
    items.sort(function (a, b) { return (b.forced - a.forced) || (a.i - b.i); });
    placeLabels(items, bounds).forEach(function (it) {
      if (!it.box) { layer.removeChild(it.g); return; }
      if (it.ring > 0) {
        svg("line", {x1: it.x, y1: it.y, x2: Math.max(it.box.x, Math.min(it.x, it.box.x + it.box.w)),
                     y2: Math.max(it.box.y, Math.min(it.y, it.box.y + it.box.h))}, it.g);
      }
      it.g.insertBefore(svg("rect", {x: it.box.x, y: it.box.y, width: it.box.w, height: it.box.h, rx: 2}),
                        it.t);
      it.t.setAttribute("x", (it.box.x + 4).toFixed(1));
      it.t.setAttribute("y", (it.box.y + it.box.h / 2).toFixed(1));
      it.g.appendChild(it.t);
    });
  };

  /* ---- the card ------------------------------------------------------------------ */
  View.prototype.showCard = function (t) {
    var card = this.card, d = this.data, p, at, lines = [], head, evidence, g, x, y;
    card.textContent = "";
    if (!t) { card.hidden = true; return; }
    if (t.g) {
      g = t.g;
      head = "Community " + g.c;
      lines.push(number(g.size, 0) + " persons; this disc holds the " + number(g.members.length + g.hidden, 0) +
                 " outside the core.");
      lines.push(this.open[g.c] ? "" : "Click, or press Enter, to show them.");
      if (g.hidden > 0) { lines.push(number(g.hidden, 0) + " of them are not in the view (all are in leaders.csv)."); }
      at = this.screen(g);
    } else {
      p = this.nodes[t.n];
      if (!p.circle || !p.circle.isConnected) { card.hidden = true; return; }
      head = nameOf(p);
      lines.push("Rank " + p.rank + " of " + number(d.persons, 0) + " \u00b7 " + p.role + " \u00b7 score " +
                 p.score.toFixed(3));
      lines.push("Community " + p.community + " (rank " + p.community_rank + " in it)");
      lines.push("Why: " + p.why);
      evidence = d.measures.map(function (m, j) { return m + " " + p.ranks[j]; }).join(", ");
      lines.push("Evidence: ties to " + number(p.links, 0) + " persons; rank by " + evidence + ".");
      at = this.screen(p);
    }
    html("bdi", {}, html("h3", {}, card), head);
    lines.forEach(function (l) { if (l) { html("p", {}, card, l); } });
    card.hidden = false;
    x = at.x + 14; y = at.y + 14;
    if (x + card.offsetWidth > this.stage.clientWidth) { x = Math.max(0, at.x - 14 - card.offsetWidth); }
    if (y + card.offsetHeight > this.stage.clientHeight) { y = Math.max(0, at.y - 14 - card.offsetHeight); }
    card.style.left = x + "px";
    card.style.top = y + "px";
  };

  /* ---- search -------------------------------------------------------------------- */
  /* The persons whose id or label contains the query (any case), or whose
     rank it is (a number, optionally after #): exact matches first, then
     those starting with it, then the others, each by rank; at most 8. */
  View.prototype.matches = function (query) {
    var q = query.trim().toLowerCase(), found = [], rank = /^#?\d+$/.test(q) ? Number(q.replace("#", "")) : -1;
    var i, p, id, label, score;
    if (!q) { return found; }
    for (i = 0; i < this.nodes.length; i++) {
      p = this.nodes[i]; id = p.id.toLowerCase(); label = p.label.toLowerCase();
      score = id === q || label === q || p.rank === rank ? 0 :
              id.indexOf(q) === 0 || label.indexOf(q) === 0 ? 1 :
              id.indexOf(q) > 0 || label.indexOf(q) > 0 ? 2 : -1;
      if (score >= 0) { found.push([score, i]); }
    }
    found.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    return found.slice(0, 8).map(function (x) { return x[1]; });
  };

  View.prototype.find = function (query, go) {
    var self = this, found = this.matches(query);
    this.hits.textContent = "";
    if (!query.trim()) { this.status.textContent = ""; return; }
    if (!found.length) {
      this.status.textContent = "No person matches \u201c" + shorten(query.trim(), 60) + "\u201d among the " +
        number(this.nodes.length, 0) + " persons of the view.";
      return;
    }
    if (go) { this.choose(found[0]); return; }
    found.forEach(function (i) {
      var p = self.nodes[i], b = html("button", {type: "button", role: "option", "data-n": i}, html("li", {}, self.hits));
      b.appendChild(document.createTextNode("#" + p.rank + " "));
      html("bdi", {}, b, shorten(nameOf(p), 60));
      b.appendChild(document.createTextNode(" \u00b7 " + p.role));
    });
    this.status.textContent = found.length + (found.length === 8 ? "+" : "") + " matching; Enter shows the first.";
  };

  /* Show person i: undo the filters hiding it, open its community, ring it,
     move it to the middle and show its card. */
  View.prototype.choose = function (i) {
    var p = this.nodes[i], w = this.stage.clientWidth / 2, h = this.stage.clientHeight / 2;
    this.hits.textContent = "";
    if (this.community !== "all" && this.community !== p.community) { this.community = "all"; this.select.value = "all"; }
    if (!this.roles[p.role]) { this.roles[p.role] = true; this.roleBoxes[p.role].checked = true; }
    if (!p.core) { this.open[p.community] = true; }
    this.selected = i;
    this.render();
    this.k = Math.max(this.k, this.k0 * 1.5);
    this.tx = w - p.x * this.k; this.ty = h - p.y * this.k;
    this.pinned = {n: i};
    this.place();
    this.status.textContent = "Found " + shorten(nameOf(p), 80) + ": rank " + p.rank + ", " + p.role + ".";
  };

  function start() {
    var holder = document.getElementById("rl-view"), source = document.getElementById("rl-view-data");
    var data, view, still;
    if (!holder || !source || holder.getAttribute("data-ready")) { return; }
    try { data = JSON.parse(source.textContent); } catch (err) { return; }
    if (!data || !data.nodes || !data.nodes.length) { return; }
    PALETTE = data.palette || [];
    holder.hidden = false;
    view = new View(holder, data);
    view.render();
    view.fit();
    still = document.getElementById("figure-network");
    if (still) { still.classList.add("rl-replaced"); }
    holder.setAttribute("data-ready", "1");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
}());
