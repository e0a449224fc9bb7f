// The map: points of claimed places coloured by their status on the chosen day.
(function () {
  const mapEl = document.getElementById("map");
  if (!mapEl || typeof Plotly === "undefined") return;
  const slider = document.getElementById("date-slider");
  const label = document.getElementById("date-label");
  const days = (slider.dataset.days || "").split(",").filter(Boolean);
  const colors = { claimed_RU: "#c0392b", claimed_UA: "#2e6fd6", disputed: "#8e44ad", corroborated: "#27ae60" };
  const FILTERS = [["side", "claimant_side"], ["type", "type"], ["direction", "direction"], ["source", "source"]];
  let outlines = [];

  fetch(mapEl.dataset.geojson).then((r) => r.json()).then((gj) => {
    for (const f of gj.features) {
      const polys = f.geometry.type === "Polygon" ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const p of polys) {
        const ring = p[0];
        // Russia's border oblasts are approximate outlines (hulls of their places): dashed
        const dash = f.properties && f.properties.approximate ? "dot" : "solid";
        outlines.push({ type: "scatter", mode: "lines", x: ring.map((c) => c[0]), y: ring.map((c) => c[1]),
          line: { width: 0.6, color: "#999", dash: dash }, hoverinfo: "skip", showlegend: false });
      }
    }
    draw();
  }).catch(() => draw());

  function draw() {
    const day = days.length ? days[Number(slider.value)] : "";
    label.textContent = day;
    const params = new URLSearchParams({ until: day });
    for (const [id, key] of FILTERS) {
      const value = document.getElementById(id).value;
      if (value) params.set(key, value);
    }
    fetch("/api/map?" + params.toString()).then((r) => r.json()).then((data) => {
      const pts = data.points;
      // Plain x/y (longitude/latitude) over our own outlines: plotly's geo maps would fetch
      // base layers from a CDN, and this dashboard must work offline.
      const trace = {
        type: "scatter", mode: "markers", name: "claimed places",
        x: pts.map((p) => p.lon), y: pts.map((p) => p.lat),
        text: pts.map((p) => p.name + " — " + (p.status || "claims") + " (" + p.claims + ")"),
        customdata: pts.map((p) => p.place),
        marker: { size: 9, color: pts.map((p) => colors[p.status] || "#999"), line: { width: 0.5, color: "#fff" } },
        hoverinfo: "text",
      };
      const layout = { margin: { l: 0, r: 0, t: 0, b: 0 }, showlegend: false, plot_bgcolor: "#f7f7f4",
        xaxis: { range: [22, 41], visible: false }, hovermode: "closest",
        // 1° of longitude is cos(48.5°) ≈ 0.66 of 1° of latitude here
        yaxis: { range: [44, 54], visible: false, scaleanchor: "x", scaleratio: 1 / 0.66 } };
      Plotly.react(mapEl, outlines.concat([trace]), layout, { displayModeBar: false, responsive: true });
      mapEl.dataset.points = String(pts.length);
      mapEl.on && mapEl.on("plotly_click", (ev) => { const id = ev.points[0].customdata; if (id) window.location = "/place/" + id; });
    });
  }
  slider.addEventListener("input", draw);
  for (const [id] of FILTERS) document.getElementById(id).addEventListener("change", draw);
})();
