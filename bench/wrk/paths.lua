-- wrk script: GET a rotating list of paths (one per line in the file named by BENCH_PATHS), each thread starting
-- at its own offset, then the machine-readable BENCH_RESULT line of report.lua.
dofile(os.getenv("BENCH_WRK_DIR") .. "/report.lua")

local paths = {}
for line in io.lines(os.getenv("BENCH_PATHS")) do
  if line ~= "" then paths[#paths + 1] = line end
end
assert(#paths > 0, "BENCH_PATHS names an empty file")

local threads = 0
function setup(thread)
  thread:set("offset", threads * 7)
  threads = threads + 1
end

local i = 0
function request()
  i = i + 1
  return wrk.format("GET", paths[(offset + i) % #paths + 1])
end
