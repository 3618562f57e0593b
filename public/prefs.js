// bantin: the reader's settings, put on <html> before the first paint, and
// whether a published page is the one the reader's address asks for.
//
// Loaded blocking in the <head> of index.html (and of every page made from
// it), before the stylesheet: a page that arrives as HTML is drawn at the
// reader's size at once, instead of jumping when the app starts and
// applies it (which it still does). An external file, for the
// Content-Security-Policy has no 'unsafe-inline'. Plain ES5.
//
// SETTINGS comes from src/logic/prefs.rs (script_settings), whose test
// fails if this line differs: change it there first.
(function () {
  var SETTINGS = [{"key":"bantin.text-size","attribute":"data-text-size","values":["0","1","2","3","4"],"default":"1"}];
  try {
    var store = window.localStorage;
    var root = document.documentElement;
    for (var i = 0; i < SETTINGS.length; i++) {
      var setting = SETTINGS[i];
      var stored = store.getItem(setting.key);
      var value = setting["default"];
      for (var j = 0; j < setting.values.length; j++) {
        if (setting.values[j] === stored) value = stored;
      }
      root.setAttribute(setting.attribute, value);
    }
  } catch (e) {
    // Storage blocked (a privacy setting, a sandboxed frame): the
    // stylesheet's normal size holds, as in the app.
  }
  // A page `bantin-feed publish` wrote for one address also answers others
  // (a query, ?tuan=… or ?chuyen-muc=…, reaches the same file): it gives
  // way to the loading screen before the first paint (style/main.css), and
  // the app draws the address asked for (src/browser/takeover.rs reads
  // this class). The one place that decides it.
  var page = document.querySelector('meta[name="bantin-page"]');
  if (page) {
    var trim = function (path) {
      return path.replace(/\/+$/, "");
    };
    if (location.search || trim(page.getAttribute("content") || "") !== trim(location.pathname)) {
      document.documentElement.className += " other-page";
    }
  }
})();
