"use strict";
(function () {
  var slides = Array.prototype.slice.call(document.querySelectorAll("section.slide"));
  var body = document.body;
  var at = 0;
  function show(n) {
    at = Math.max(0, Math.min(slides.length - 1, n));
    slides.forEach(function (s, i) { s.classList.toggle("current", i === at); });
    try { history.replaceState(null, "", "#" + (at + 1)); } catch (e) { /* file: pages may refuse */ }
  }
  function fullscreen() {
    if (document.fullscreenElement) {
      document.exitFullscreen();
    } else if (document.documentElement.requestFullscreen) {
      document.documentElement.requestFullscreen().catch(function () {});
    }
  }
  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) { return; }
    var k = ev.key;
    if (body.classList.contains("blank")) {
      body.classList.remove("blank");
      ev.preventDefault();
      return;
    }
    if (k === "PageDown" || k === "ArrowRight" || k === "ArrowDown" || k === " " || k === "Enter") {
      show(at + 1);
    } else if (k === "PageUp" || k === "ArrowLeft" || k === "ArrowUp" || k === "Backspace") {
      show(at - 1);
    } else if (k === "Home") {
      show(0);
    } else if (k === "End") {
      show(slides.length - 1);
    } else if (k === "b" || k === "B" || k === ".") {
      body.classList.add("blank");
    } else if (k === "f" || k === "F") {
      fullscreen();
    } else if (k === "n" || k === "N") {
      body.classList.toggle("show-notes");
    } else {
      return;
    }
    ev.preventDefault();
  });
  var start = parseInt((location.hash || "#1").slice(1), 10);
  show(isNaN(start) ? 0 : start - 1);
  window.relaisSlides = { count: slides.length, current: function () { return at; } };
})();
