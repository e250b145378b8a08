/* timeline page script: lanes, filters, search, labels, details panel and lists.
 *
 * Every string that comes from a document is untrusted: it is only ever set with
 * textContent / createElement, never as markup. Links are made only for http(s) URLs.
 * Plotly hover, legend and tick texts were HTML-escaped in Python.
 */
(function () {
  "use strict";

  var LABEL_CHAR_PX = 6.3;
  var LABEL_HEIGHT_PX = 15;
  var LABEL_OFFSET_PX = 8;
  var MAX_LABELS = 40;
  var MAX_ACTORS = 500;
  var MAX_SELECTED = 200;
  var MAX_LIST_ROWS = 300;
  var MODES = ["type", "actor", "document"];

  var timings = { start: performance.now() };
  var data = JSON.parse(document.getElementById("timeline-data").textContent);
  var figure = JSON.parse(document.getElementById("timeline-figure").textContent);
  var chart = document.getElementById("timeline-chart");
  var events = data.events;
  var documentsById = {};
  data.documents.forEach(function (doc) { documentsById[doc.id] = doc; });

  var laneModeDrawn = "type";
  var state = { mode: "type", query: [], actor: "", types: new Set(data.types), selected: null };
  var hoverOf = [];
  var symbolOf = [];
  var membersOf = {};   // event type -> event indices of its marker trace
  var spanMembersOf = {};  // event type -> event indices of its span trace
  var searchText = events.map(function (e) {
    var parts = [e.title, e.summary, e.type, e.status, e.date_text || "", e.date_value || ""];
    parts = parts.concat(e.actors, e.targets, e.places);
    e.mentions.forEach(function (m) {
      parts.push(m.before + m.phrase + m.after);
      var doc = documentsById[m.document];
      if (doc) { parts.push(doc.name); }
    });
    return parts.join("\n").toLowerCase();
  });

  // ---- small DOM helpers (text only) ----
  function el(tag, text, className) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) { node.textContent = String(text); }
    if (className) { node.className = className; }
    return node;
  }
  function isHttpUrl(url) {
    return typeof url === "string" && /^https?:\/\/[^\s]+$/i.test(url.trim());
  }
  function link(url, text) {
    if (!isHttpUrl(url)) { return el("span", text); }
    var a = el("a", text);
    a.href = url.trim();
    a.rel = "noopener noreferrer";
    a.target = "_blank";
    return a;
  }
  function clear(node) { while (node.firstChild) { node.removeChild(node.firstChild); } }
  function table(headers, rows) {
    var t = el("table");
    var head = el("thead");
    var tr = el("tr");
    headers.forEach(function (h) { tr.appendChild(el("th", h)); });
    head.appendChild(tr);
    t.appendChild(head);
    var body = el("tbody");
    rows.forEach(function (cells) {
      var row = el("tr");
      cells.forEach(function (cell) {
        var td = el("td");
        if (cell instanceof Node) { td.appendChild(cell); } else { td.textContent = cell; }
        row.appendChild(td);
      });
      body.appendChild(row);
    });
    t.appendChild(body);
    return t;
  }

  // ---- filtering ----
  function matches(index) {
    var e = events[index];
    if (!e.dated || !state.types.has(e.type)) { return false; }
    if (state.actor && e.actors.indexOf(state.actor) < 0) { return false; }
    var text = searchText[index];
    for (var i = 0; i < state.query.length; i++) {
      if (text.indexOf(state.query[i]) < 0) { return false; }
    }
    return true;
  }
  function shownIndices() {
    var shown = [];
    Object.keys(membersOf).forEach(function (type) {
      membersOf[type].forEach(function (i) { if (matches(i)) { shown.push(i); } });
    });
    return shown.sort(function (a, b) { return a - b; });
  }

  // ---- geometry ----
  function toMs(value) {
    if (typeof value === "number") { return value; }
    var text = String(value).trim().replace(" ", "T");
    if (text.length === 10) { text += "T00:00"; }
    return Date.parse(text + "Z");
  }
  function xRange() {
    var axis = chart._fullLayout && chart._fullLayout.xaxis;
    if (!axis || !axis.range) { return null; }
    return [toMs(axis.range[0]), toMs(axis.range[1]), axis._length || chart.clientWidth];
  }
  function pointPosition(index) {
    var e = events[index];
    var layout = chart._fullLayout;
    if (!e || !e.dated || !layout) { return null; }
    var xa = layout.xaxis;
    var ya = layout.yaxis;
    var box = chart.getBoundingClientRect();
    return {
      x: box.left + xa._offset + xa.l2p(xa.d2l(e.x)),
      y: box.top + ya._offset + ya.l2p(e.y[state.mode]),
    };
  }

  // ---- labels: beside their marker (right, else left), never overlapping ----
  // Same rules as timeline.render.view.place_labels, for the real plot size and zoom.
  function placeLabels(shown) {
    var range = xRange();
    var ya = chart._fullLayout && chart._fullLayout.yaxis;
    if (!range || !ya || range[1] <= range[0]) { return []; }
    var low = range[0];
    var high = range[1];
    var width = range[2];
    var scaleX = width / (high - low);
    var visible = shown
      .map(function (i) { return [i, toMs(events[i].x)]; })
      .filter(function (p) { return p[1] >= low && p[1] <= high; })
      .sort(function (a, b) {
        var ea = events[a[0]];
        var eb = events[b[0]];
        return (eb.sources - ea.sources) || (eb.confidence - ea.confidence) || (a[1] - b[1]);
      });
    var placed = [];
    var chosen = [];
    for (var k = 0; k < visible.length && chosen.length < MAX_LABELS; k++) {
      var index = visible[k][0];
      var e = events[index];
      var x = (visible[k][1] - low) * scaleX;
      var y = ya.l2p(e.y[state.mode]);
      var w = labelLength(e.label) * LABEL_CHAR_PX + 6;
      for (var s = 0; s < 2; s++) {
        var side = s === 0 ? "right" : "left";
        var x0 = side === "right" ? x + LABEL_OFFSET_PX : x - LABEL_OFFSET_PX - w;
        var rect = [x0, y - LABEL_HEIGHT_PX / 2, x0 + w, y + LABEL_HEIGHT_PX / 2];
        if (x0 < 0 || rect[2] > width || placed.some(function (r) { return overlaps(rect, r); })) {
          continue;
        }
        placed.push(rect);
        chosen.push([index, side]);
        break;
      }
    }
    return chosen;
  }
  function overlaps(a, b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  }
  function labelLength(escaped) {
    return escaped.replace(/&(amp|lt|gt);/g, "x").length;
  }
  function labelAnnotations(chosen) {
    if (!data.dated_count) { return (chart.layout.annotations || []).slice(); }
    return chosen.map(function (pair) {
      var e = events[pair[0]];
      var right = pair[1] === "right";
      return {
        x: e.x, y: e.y[state.mode], text: e.label, showarrow: false,
        xanchor: right ? "left" : "right", xshift: right ? LABEL_OFFSET_PX : -LABEL_OFFSET_PX,
        font: { size: 11, color: "#333333" }, bgcolor: "rgba(255, 255, 255, 0.75)", borderpad: 1,
      };
    });
  }

  // ---- redraw ----
  function laneBands(count) {
    var shapes = [];
    for (var lane = 0; lane < count; lane += 2) {
      shapes.push({
        type: "rect", xref: "paper", yref: "y", x0: 0, x1: 1, y0: lane - 0.5, y1: lane + 0.5,
        fillcolor: "rgba(0, 0, 0, 0.035)", line: { width: 0 }, layer: "below",
      });
    }
    return shapes;
  }
  function highlightShapes() {
    // A ring around the selected event: a shape, so it stays out of the range slider.
    var e = state.selected === null ? null : events[state.selected];
    if (!e || !e.dated || !matches(state.selected)) { return []; }
    return [{
      type: "circle", xref: "x", yref: "y", xsizemode: "pixel", ysizemode: "pixel",
      xanchor: e.x, yanchor: e.y[state.mode], x0: -11, x1: 11, y0: -11, y1: 11,
      line: { color: "#111111", width: 2.5 }, name: "highlight",
    }];
  }
  function currentShapes() {
    return laneBands(data.lanes[state.mode].ticks.length).concat(highlightShapes());
  }
  function redraw() {
    var mode = state.mode;
    var shown = shownIndices();
    var newData = chart.data.map(function (trace) {
      var meta = trace.meta || {};
      if (meta.role === "events") {
        var idx = membersOf[meta.type].filter(matches);
        return Object.assign({}, trace, {
          x: idx.map(function (i) { return events[i].x; }),
          y: idx.map(function (i) { return events[i].y[mode]; }),
          customdata: idx,
          hovertext: idx.map(function (i) { return hoverOf[i]; }),
          marker: Object.assign({}, trace.marker, {
            symbol: idx.map(function (i) { return symbolOf[i]; }),
          }),
        });
      }
      if (meta.role === "spans") {
        var xs = [];
        var ys = [];
        spanMembersOf[meta.type].filter(matches).forEach(function (i) {
          var e = events[i];
          xs.push(e.x0, e.x1, null);
          ys.push(e.y[mode], e.y[mode], null);
        });
        return Object.assign({}, trace, { x: xs, y: ys });
      }
      return trace;
    });
    var layout = chart.layout;
    if (laneModeDrawn !== mode) {
      // Only a lane switch touches the axes: other layout changes make plotly redraw all.
      var lanes = data.lanes[mode];
      var count = Math.max(lanes.ticks.length, 1);
      layout = Object.assign({}, chart.layout, {
        yaxis: Object.assign({}, chart.layout.yaxis, {
          tickvals: lanes.ticks.map(function (_, i) { return i; }),
          ticktext: lanes.ticks,
          range: [count - 0.5, -0.5],
        }),
        shapes: currentShapes(),
      });
      if (layout.updatemenus && layout.updatemenus.length) {
        layout.updatemenus = [Object.assign({}, layout.updatemenus[0], { active: MODES.indexOf(mode) })];
      }
      laneModeDrawn = mode;
    } else if (state.selected !== null) {
      layout = Object.assign({}, chart.layout, { shapes: currentShapes() });
    }
    updateCount(shown.length);
    return Plotly.react(chart, newData, layout).then(updateLabels);
  }
  function updateLabels() {
    return Plotly.relayout(chart, { annotations: labelAnnotations(placeLabels(shownIndices())) });
  }
  function updateCount(shown) {
    var undated = events.length - data.dated_count;
    var text = "Showing " + shown + " of " + data.dated_count + " dated events";
    if (undated) { text += " · " + undated + " undated (listed below)"; }
    document.getElementById("tl-count").textContent = text;
  }

  // ---- details panel ----
  function addField(list, name, value) {
    if (value === null || value === undefined || value === "" ||
        (Array.isArray(value) && value.length === 0)) { return; }
    list.appendChild(el("dt", name));
    list.appendChild(el("dd", Array.isArray(value) ? value.join(", ") : value));
  }
  function dateDescription(e) {
    if (!e.dated) { return "undated"; }
    var written = e.date_text ? "“" + e.date_text + "” → " : "";
    var interval = e.earliest === e.latest ? e.earliest : e.earliest + " to " + e.latest;
    return written + e.date_value + " (" + e.granularity + (e.mod ? ", " + e.mod.toLowerCase() : "") +
      ": " + interval + ")";
  }
  function sourceFigure(mention) {
    var fig = el("figure", null, "source");
    var quote = el("blockquote");
    quote.appendChild(document.createTextNode(mention.before));
    if (mention.phrase) { quote.appendChild(el("mark", mention.phrase)); }
    quote.appendChild(document.createTextNode(mention.after));
    fig.appendChild(quote);
    var caption = el("figcaption");
    var doc = documentsById[mention.document];
    caption.appendChild(el("span", "Source: "));
    if (doc) {
      caption.appendChild(link(doc.url, doc.name));
      caption.appendChild(el("span", " · published " + (doc.published || "unknown") + " (" + doc.source_label + ")"));
    } else {
      caption.appendChild(el("span", mention.document));
    }
    if (mention.trigger) { caption.appendChild(el("span", " · trigger: " + mention.trigger)); }
    fig.appendChild(caption);
    return fig;
  }
  function showEvent(index) {
    var e = events[index];
    if (!e) { return; }
    state.selected = index;
    var panel = document.getElementById("tl-details");
    clear(panel);
    panel.appendChild(el("h2", e.title));
    var fields = el("dl");
    addField(fields, "Date", dateDescription(e));
    addField(fields, "Date basis", e.basis);
    addField(fields, "Status", e.status);
    addField(fields, "Type", e.type);
    addField(fields, "Actors", e.actors);
    addField(fields, "Targets", e.targets);
    addField(fields, "Places", e.places);
    addField(fields, "Sources", e.sources + (e.sources === 1 ? " document" : " documents"));
    addField(fields, "Confidence", e.confidence.toFixed(2));
    addField(fields, "Uncertain", e.reason);
    panel.appendChild(fields);
    if (e.summary) { panel.appendChild(el("p", e.summary, "summary")); }
    panel.appendChild(el("h3", "Source sentences (" + e.mentions.length + ")"));
    e.mentions.forEach(function (m) { panel.appendChild(sourceFigure(m)); });
    if (chart.layout) { Plotly.relayout(chart, { shapes: currentShapes() }); }
  }
  function showSelection(indices) {
    var panel = document.getElementById("tl-details");
    clear(panel);
    panel.appendChild(el("h2", indices.length + " selected event" + (indices.length === 1 ? "" : "s")));
    var list = el("ol", null, "selected-list");
    indices.slice(0, MAX_SELECTED).forEach(function (i) {
      var item = el("li");
      var button = el("button", events[i].title, "linkish");
      button.type = "button";
      button.addEventListener("click", function () { showEvent(i); });
      item.appendChild(button);
      item.appendChild(el("span", " · " + (events[i].date_value || "undated"), "muted"));
      list.appendChild(item);
    });
    panel.appendChild(list);
  }

  // ---- lists below the chart ----
  function eventButton(index) {
    var button = el("button", events[index].title, "linkish");
    button.type = "button";
    button.addEventListener("click", function () {
      showEvent(index);
      document.getElementById("tl-details").scrollIntoView({ behavior: "smooth", block: "nearest" });
    });
    return button;
  }
  function buildUncertainList() {
    var wrap = document.querySelector("#tl-uncertain .table-wrap");
    if (!data.uncertain.length) { wrap.appendChild(el("p", events.length ? "None: every event has a precise date." : "No events.", "muted")); return; }
    function rows(limit) {
      return data.uncertain.slice(0, limit).map(function (i) {
        var e = events[i];
        return [eventButton(i), e.dated ? e.date_value : "undated", e.reason || ""];
      });
    }
    wrap.appendChild(table(["Event", "Date", "Reason"], rows(MAX_LIST_ROWS)));
    if (data.uncertain.length > MAX_LIST_ROWS) {
      var more = el("button", "Show all " + data.uncertain.length + " events");
      more.type = "button";
      more.addEventListener("click", function () {
        clear(wrap);
        wrap.appendChild(table(["Event", "Date", "Reason"], rows(data.uncertain.length)));
      });
      wrap.appendChild(more);
    }
  }
  function buildDocumentList() {
    var wrap = document.querySelector("#tl-documents .table-wrap");
    if (!data.documents.length) { wrap.appendChild(el("p", "No documents.", "muted")); return; }
    wrap.appendChild(table(["Document", "File", "Published", "How the date was determined", "Events"],
      data.documents.map(function (doc) {
        var name = el("span");
        name.appendChild(link(doc.url, doc.name));
        if (doc.url_text && !doc.url) { name.appendChild(el("div", doc.url_text, "muted")); }
        var how = doc.source_label;
        if (doc.evidence) { how += ": " + doc.evidence; }
        if (doc.confidence < 1) { how += " (confidence " + doc.confidence.toFixed(2) + ")"; }
        return [name, doc.path, doc.published || "unknown", how, String(doc.events)];
      })));
  }
  function buildSkippedList() {
    if (!data.skipped.length) { return; }
    var section = document.getElementById("tl-skipped");
    section.hidden = false;
    section.querySelector(".table-wrap").appendChild(table(["Input", "Reason"],
      data.skipped.map(function (s) { return [s.path, s.reason]; })));
  }

  // ---- controls ----
  function buildControls() {
    var box = document.getElementById("tl-types");
    data.types.forEach(function (type) {
      var label = el("label", null, "type-option");
      var input = el("input");
      input.type = "checkbox";
      input.checked = true;
      input.value = type;
      input.addEventListener("change", function () {
        if (input.checked) { state.types.add(type); } else { state.types.delete(type); }
        redraw();
      });
      var swatch = el("span", null, "swatch");
      swatch.style.backgroundColor = data.type_colors[type] || "#777";
      label.appendChild(input);
      label.appendChild(swatch);
      label.appendChild(el("span", type));
      box.appendChild(label);
    });
    var select = document.getElementById("tl-actor");
    data.actors.slice(0, MAX_ACTORS).forEach(function (actor) {
      var option = el("option", actor);
      option.value = actor;
      select.appendChild(option);
    });
    select.addEventListener("change", function () { state.actor = select.value; redraw(); });
    var search = document.getElementById("tl-search");
    var pending = null;
    search.addEventListener("input", function () {
      clearTimeout(pending);
      pending = setTimeout(function () {
        state.query = search.value.toLowerCase().split(/\s+/).filter(Boolean);
        redraw();
      }, 150);
    });
    document.getElementById("tl-reset").addEventListener("click", function () {
      search.value = "";
      select.value = "";
      state.query = [];
      state.actor = "";
      state.types = new Set(data.types);
      box.querySelectorAll("input").forEach(function (input) { input.checked = true; });
      redraw();
    });
  }

  function setMode(mode) {
    if (MODES.indexOf(mode) < 0) { return Promise.resolve(); }
    state.mode = mode;
    return redraw();
  }

  function init() {
    chart.data.forEach(function (trace) {
      var meta = trace.meta || {};
      if (meta.role === "events") {
        membersOf[meta.type] = trace.customdata.slice();
        trace.customdata.forEach(function (index, k) {
          hoverOf[index] = trace.hovertext[k];
          symbolOf[index] = Array.isArray(trace.marker.symbol) ? trace.marker.symbol[k] : trace.marker.symbol;
        });
      } else if (meta.role === "spans") {
        spanMembersOf[meta.type] = meta.events.slice();
      }
    });
    Object.keys(membersOf).forEach(function (type) { spanMembersOf[type] = spanMembersOf[type] || []; });
    chart.on("plotly_click", function (event) {
      var point = event && event.points && event.points[0];
      if (point && point.customdata !== undefined && point.customdata !== null) { showEvent(point.customdata); }
    });
    chart.on("plotly_selected", function (event) {
      if (!event || !event.points) { return; }
      var picked = event.points
        .map(function (p) { return p.customdata; })
        .filter(function (c) { return c !== undefined && c !== null; });
      if (picked.length) { showSelection(picked); }
    });
    chart.on("plotly_buttonclicked", function (event) {
      var args = event && event.button && event.button.args;
      if (args && MODES.indexOf(args[0]) >= 0) { setMode(args[0]); }
    });
    var scheduled = false;
    chart.on("plotly_relayout", function (update) {
      if (!update || scheduled) { return; }
      var keys = Object.keys(update);
      if (!keys.some(function (key) { return key.indexOf("xaxis") === 0 || key === "autosize"; })) { return; }
      scheduled = true;
      requestAnimationFrame(function () { scheduled = false; updateLabels(); });
    });
    buildControls();
    buildUncertainList();
    buildDocumentList();
    buildSkippedList();
    timings.plotted = performance.now();
    // The figure from Python already shows every event in the default lanes: only the
    // labels need placing for the real plot size.
    updateCount(shownIndices().length);
    return updateLabels().then(function () {
      timings.ready = performance.now();
      chart.setAttribute("data-ready", "true");
    });
  }

  function webglAvailable() {
    try {
      var canvas = document.createElement("canvas");
      return Boolean(canvas.getContext("webgl") || canvas.getContext("experimental-webgl"));
    } catch (error) {
      return false;
    }
  }
  timings.parsed = performance.now();
  if (!webglAvailable()) {
    figure.data.forEach(function (trace) { if (trace.type === "scattergl") { trace.type = "scatter"; } });
  }
  window.timelineApp = {
    state: state,
    data: data,
    shownIndices: shownIndices,
    showEvent: showEvent,
    setMode: setMode,
    pointPosition: pointPosition,
    ready: null,
    timings: timings,
  };
  var config = {
    responsive: true,
    displaylogo: false,
    scrollZoom: true,
    // No "share" button: it would upload the chart (and its sources) to Plotly Cloud.
    modeBarButtonsToRemove: ["autoScale2d", "zoomIn2d", "zoomOut2d", "lasso2d", "sendChartToCloud"],
    showSendToCloud: false,
    showEditInChartStudio: false,
    toImageButtonOptions: { format: "png", filename: "timeline", scale: 2 },
  };
  window.timelineApp.ready = Plotly.newPlot(chart, figure.data, figure.layout, config).then(init);
})();
