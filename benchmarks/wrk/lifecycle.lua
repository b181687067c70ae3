-- One mastering lifecycle after another on each connection: create, retrieve the preview,
-- retrieve the final master. Run with as many threads as connections (-tN -cN), so each
-- thread's requests follow one another. Prints the completed lifecycles at the end.
local step, task = 0, nil
local threads = {}
finished = 0

function setup(thread)
  table.insert(threads, thread)
end

local function post(path, body)
  return wrk.format("POST", path, {["Content-Type"] = "application/json", ["X-API-Key"] = "bench"}, body)
end

function request()
  if step == 0 then
    return post("/masteringpreview", '{"masteringData": {"trackData": [{"trackURL": '
      .. '"https://example.com/bench.wav"}], "musicalStyle": "POP", "desiredLoudness": "MEDIUM"}}')
  end
  local body = '{"masteringData": {"masteringTaskId": "' .. task .. '"}}'
  return post(step == 1 and "/retrievepreviewmaster" or "/retrievefinalmaster", body)
end

function response(status, headers, body)
  if status ~= 200 then
    step = 0
  elseif step == 0 then
    task = string.match(body, '"mastering_task_id"%s*:%s*"([^"]+)"')
    step = 1
  elseif step == 1 then
    step = 2
  else
    step, finished = 0, finished + 1
  end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do
    total = total + thread:get("finished")
  end
  io.write(string.format("lifecycles %d\n", total))
end
