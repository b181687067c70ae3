-- POST /masteringpreview with a valid body: the same request to the mock and to Prism.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-API-Key"] = "bench"
wrk.body = '{"masteringData": {"trackData": [{"trackURL": "https://example.com/bench.wav"}],'
  .. ' "musicalStyle": "POP", "desiredLoudness": "MEDIUM"}}'
