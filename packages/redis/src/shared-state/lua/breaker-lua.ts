import { numberLua } from './number-lua';

/**
 * What the breaker scripts share. The breaker under `KEYS[1]` is stored as `openUntil
 * probeLeaseUntil` (no value: closed), a lease that ran out reading as none. A change is
 * written with an expiry and published on the channel `ARGV[4]` as `openUntil
 * probeLeaseUntil key`, `key` being `ARGV[5]` (the caller's key, without the prefix).
 * `ARGV[1]` is the caller's now, `ARGV[2]` how long a key outlives its open period and
 * lease, `ARGV[3]` the longest expiry; each script's own arguments follow from `ARGV[6]`.
 */
const breakerLua = `${numberLua}
local now = num(ARGV[1])

local function readView()
  local text = redis.call('GET', KEYS[1])
  local openUntil, lease = 0, 0
  if text then
    local openText, leaseText = string.match(text, '^(%S+) (%S+)$')
    openUntil, lease = num(openText) or 0, num(leaseText) or 0
  end
  if not (lease > now) then lease = 0 end
  return openUntil, lease
end

local function publish(openUntil, lease)
  redis.call('PUBLISH', ARGV[4], fmt(openUntil) .. ' ' .. fmt(lease) .. ' ' .. ARGV[5])
end

local function change(openUntil, lease)
  local ttl = max(max(openUntil, lease) - now, 0) + num(ARGV[2])
  ttl = min(ttl, num(ARGV[3]))
  if ttl ~= ttl then ttl = num(ARGV[3]) end
  redis.call('SET', KEYS[1], fmt(openUntil) .. ' ' .. fmt(lease), 'PX', math.ceil(ttl))
  publish(openUntil, lease)
end
`;

/** Opens the breaker until `ARGV[6]` unless it is open as long already; replies the view. */
export const openBreakerLua = `${breakerLua}
local untilMs = num(ARGV[6])
local openUntil, lease = readView()
if untilMs <= openUntil then return { fmt(openUntil), fmt(lease) } end
change(untilMs, 0)
return { fmt(untilMs), '0' }
`;

/** Leases the probe until `ARGV[6]` when the open period is over and no lease lives; replies 1 or 0. */
export const leaseProbeLua = `${breakerLua}
local openUntil, lease = readView()
if openUntil == 0 or openUntil > now or lease > now then return 0 end
change(openUntil, num(ARGV[6]))
return 1
`;

/** Closes the breaker when it is open or half-open; replies 1 when it changed, else 0. */
export const closeBreakerLua = `${breakerLua}
local openUntil = readView()
if openUntil == 0 then return 0 end
redis.call('DEL', KEYS[1])
publish(0, 0)
return 1
`;
