// bantin: the reader's settings, put on <html> before the first paint.
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
})();
