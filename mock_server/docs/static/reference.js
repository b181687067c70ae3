// Starts Swagger UI on the two documents the mock serves. Everything it loads comes from the mock:
// validatorUrl is off, so nothing is sent to the online validator.
"use strict";

window.addEventListener("load", () => {
  window.ui = SwaggerUIBundle({
    urls: [
      { url: "/openapi.json", name: "Tonn API" },
      { url: "/_mock/openapi.json", name: "tonn-mock control API (/_mock/)" },
    ],
    dom_id: "#swagger-ui",
    deepLinking: true,
    displayOperationId: true,
    displayRequestDuration: true,
    filter: true,
    persistAuthorization: true,
    validatorUrl: null,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: "StandaloneLayout",
  });
});
