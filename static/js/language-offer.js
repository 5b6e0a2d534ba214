/* The English home page offers, never forces, the reader's own language: the page is the
   same for everyone (a shared cache keeps one copy, no Vary: Accept-Language), and this
   script shows the one prepared line that matches the browser's preferred languages.
   Without JavaScript nothing is shown; the language links in the header are always there. */
(function () {
  var offer = document.getElementById("language-offer");
  if (!offer) return;
  var preferred = navigator.languages || [navigator.language || ""];
  for (var i = 0; i < preferred.length; i++) {
    var code = String(preferred[i]).toLowerCase().split("-")[0];
    if (code === document.documentElement.lang) return;
    var line = offer.querySelector('[data-language="' + code + '"]');
    if (line) {
      line.hidden = false;
      offer.hidden = false;
      return;
    }
  }
})();
