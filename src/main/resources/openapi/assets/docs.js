// Shows /openapi.json with Swagger UI. A file rather than an inline script, so the page keeps the
// widget's Content-Security-Policy (script-src 'self', no 'unsafe-inline').
window.addEventListener("load", function () {
  window.ui = SwaggerUIBundle({
    url: "openapi.json",
    dom_id: "#swagger-ui",
    // No top bar: it would let a visitor load any other document into this page.
    layout: "BaseLayout",
    deepLinking: true,
    // No call to validator.swagger.io: nothing leaves this server.
    validatorUrl: null,
  });
});
