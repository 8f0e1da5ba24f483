// Progressive enhancement only: every page is complete without this file.
(function () {
  "use strict";
  // Count a read through the API (once per visitor per 30 minutes; content-service decides). A cached page is the
  // same for everyone, so the count cannot be taken while the page is made.
  var post = document.querySelector("[data-article-id]");
  var id = post && post.getAttribute("data-article-id");
  if (id && navigator.sendBeacon) {
    navigator.sendBeacon("/api/v1/articles/" + encodeURIComponent(id) + "/views");
  }
  // Copy buttons (hidden without script): the citation line and the BibTeX entry.
  document.querySelectorAll("button.copy[data-copy]").forEach(function (button) {
    var source = document.getElementById(button.getAttribute("data-copy"));
    if (!source || !navigator.clipboard) return;
    button.hidden = false;
    var label = button.textContent;
    button.addEventListener("click", function () {
      navigator.clipboard.writeText(source.textContent.trim()).then(function () {
        button.textContent = "已复制";
        setTimeout(function () { button.textContent = label; }, 2000);
      }, function () {
        button.textContent = "复制失败，请手动选择";
      });
    });
  });
})();
