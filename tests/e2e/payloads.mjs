// Hostile text the end-to-end tests put into feeds: script payloads after
// the OWASP XSS filter evasion cheat sheet (script tags, event handlers,
// javascript: URLs in markup, SVG, mixed case, entities, template syntax,
// a direction override). The app must show each as plain text.
export const TEXT_PAYLOADS = [
  `<script>window.__xss=1;alert(1)</script>`,
  `"><img src=x onerror="window.__xss=2;alert(2)">`,
  `<svg onload=window.__xss=3><script>alert(3)</script></svg>`,
  `<ScRiPt>alert(String.fromCharCode(88,83,83))</sCrIpT>`,
  `&lt;script&gt;alert(4)&lt;/script&gt; &#60;img src=x onerror=alert(5)&#62;`,
  `<a href="javascript:alert(6)">bấm</a><iframe src="javascript:alert(7)"></iframe>`,
  `\u202Egnp.exe\u202C <body onload=alert(8)>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(9)>`,
  `{{constructor.constructor('alert(10)')()}} \${alert(11)}`,
];
