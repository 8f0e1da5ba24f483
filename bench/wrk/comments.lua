-- wrk script: POST /api/v1/articles/{id}/comments as several members. Tokens (one per line, BENCH_TOKENS) and
-- article ids (BENCH_ARTICLES, comma-separated) rotate; every body is unique (run nonce, thread, counter), since
-- the comment-service answers a member's repeated body with 409. Bodies carry Markdown and LaTeX, so each one is
-- validated, rendered, sanitized and stored like a reader's comment.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

local tokens = {}
for line in io.lines(os.getenv("BENCH_TOKENS")) do
  if line ~= "" then tokens[#tokens + 1] = line end
end
assert(#tokens > 0, "BENCH_TOKENS names an empty file")
local articles = {}
for id in string.gmatch(os.getenv("BENCH_ARTICLES"), "%d+") do articles[#articles + 1] = id end
-- the warm-up and the measured run are separate wrk runs: the clock keeps their bodies apart
local nonce = (os.getenv("BENCH_NONCE") or "") .. os.time()

local threads = 0
function setup(thread)
  thread:set("tid", threads)
  threads = threads + 1
end

local n = 0
function request()
  n = n + 1
  local k = tid * 7919 + n
  local body = string.format(
    '{"body":"基准评论 %s-%d-%d：设 $\\\\|x_{%d}-y\\\\|^2 \\\\le \\\\epsilon$，则**收敛**。见第 %d 式。"}',
    nonce, tid, n, n % 97, n % 13 + 1)
  return wrk.format("POST", "/api/v1/articles/" .. articles[k % #articles + 1] .. "/comments", {
    ["Content-Type"] = "application/json",
    ["Authorization"] = "Bearer " .. tokens[k % #tokens + 1],
  }, body)
end
