import { numberLua } from './number-lua';
import { rateLimitArgumentLayout } from './rate-limit-argument-layout';
import { tokenBucketLua } from './token-bucket-lua';

const { headerLength, commandLength } = rateLimitArgumentLayout;

/**
 * The script that applies a list of commands to a shared rate limit, in order, as
 * `applyRateLimitCommands` of `@resilient-llm/policies` does (its `RateLimitBuckets` below, in
 * Lua), answers for the last and writes the state back with an expiry. Arguments and the
 * stored value are laid out by `rate-limit-script.ts`. The caller's `now` is an argument: the
 * script never reads the server's clock.
 */
export const rateLimitLua = `${numberLua}${tokenBucketLua}
local modes = { [0] = 'continuous', [1] = 'at-reset', [2] = 'fixed-window' }
local modeCodes = { ['continuous'] = 0, ['at-reset'] = 1, ['fixed-window'] = 2 }
local bucketFields = { 'capacity', 'windowMs', 'ratePerMs', 'level', 'updatedAt', 'refillMode',
  'resetAt', 'slowRatePerMs', 'takenSinceObservation', 'resetReported', 'lastResetAt' }

local function decodeBucket(values, first)
  local b = {}
  for i, field in ipairs(bucketFields) do b[field] = num(values[first + i - 1]) end
  b.refillMode = modes[b.refillMode]
  b.resetReported = b.resetReported == 1
  return b
end

-- As the policies' snapshot writes these three: anything not finite as null, read back as Infinity.
local unlimitedWhenNotFinite = { capacity = true, ratePerMs = true, level = true }

local function encodeBucket(b, out)
  for _, field in ipairs(bucketFields) do
    local value = b[field]
    if field == 'refillMode' then value = modeCodes[value]
    elseif field == 'resetReported' then value = value and 1 or 0
    elseif unlimitedWhenNotFinite[field] and not isFinite(value) then value = inf end
    out[#out + 1] = fmt(value)
  end
end

local function decodeState(text)
  if not text then return nil end
  local values = {}
  for word in string.gmatch(text, '%S+') do values[#values + 1] = word end
  if values[1] ~= ARGV[1] or #values ~= 3 + 2 * #bucketFields then return nil end
  local state = {
    pausedUntil = num(values[2]),
    grantedAheadUntil = num(values[3]),
    requests = decodeBucket(values, 4),
    tokens = decodeBucket(values, 4 + #bucketFields),
  }
  if not state.requests.refillMode or not state.tokens.refillMode then return nil end
  return state
end

local function encodeState(state)
  local out = { ARGV[1], fmt(state.pausedUntil), fmt(state.grantedAheadUntil) }
  encodeBucket(state.requests, out)
  encodeBucket(state.tokens, out)
  return table.concat(out, ' ')
end

local function window(first)
  if ARGV[first] ~= '1' then return nil end
  return { limit = num(ARGV[first + 1]), remaining = num(ARGV[first + 2]), resetMs = num(ARGV[first + 3]),
    windowMs = num(ARGV[first + 4]) }
end

-- The observation of the command whose arguments start at ARGV[at].
local function observation(at)
  if ARGV[at + 4] ~= '1' then return nil end
  return { requests = window(at + 5), tokens = window(at + 10) }
end

local function refillBoth(state, now)
  refill(state.requests, now)
  refill(state.tokens, now)
end

-- As RateLimitBuckets.refund: while permits granted ahead are due, only what is taken counts.
local function refundBoth(state, requests, tokens, now)
  refillBoth(state, now)
  if now < state.grantedAheadUntil then
    requests, tokens = min(0, requests), min(0, tokens)
  end
  giveBack(state.requests, requests, now)
  giveBack(state.tokens, tokens, now)
end

local function observe(state, seen, now)
  if seen.requests then observeWindow(state.requests, seen.requests, now) end
  if seen.tokens then observeWindow(state.tokens, seen.tokens, now) end
end

local function learnFromRefusal(state, seen, now)
  local r, t = state.requests, state.tokens
  local fixed = seen ~= nil and (showsFixedWindow(seen.requests, r.capacity, r.windowMs)
    or showsFixedWindow(seen.tokens, t.capacity, t.windowMs))
  local mode = fixed and 'fixed-window' or 'at-reset'
  refillAtResetsFromNowOn(state.requests, mode, now)
  refillAtResetsFromNowOn(state.tokens, mode, now)
end

local function msUntilFull(b, now)
  if b.capacity == inf then return 0 end
  return msUntilLevel(b, b.capacity, now)
end

-- Kept while a pause or a reset is pending and the buckets refill, then a few windows more,
-- within the bounds given: an idle key expires on its own.
local function ttlMs(state, now)
  local busyMs = max(max(state.pausedUntil - now, msUntilFull(state.requests, now)),
    msUntilFull(state.tokens, now))
  local ttl = busyMs + num(ARGV[8]) * max(state.requests.windowMs, state.tokens.windowMs)
  ttl = min(max(ttl, num(ARGV[7])), num(ARGV[9]))
  if ttl ~= ttl then ttl = num(ARGV[9]) end
  return math.ceil(ttl)
end

local now = num(ARGV[2])
local windowMs = num(ARGV[5])
local state = decodeState(redis.call('GET', KEYS[1]))
if not state then
  local mode = modes[tonumber(ARGV[6])]
  state = {
    pausedUntil = 0,
    grantedAheadUntil = 0,
    requests = createBucket(num(ARGV[3]), windowMs, now, mode),
    tokens = createBucket(num(ARGV[4]), windowMs, now, mode),
  }
end

-- Whether a bucket gives back continuously, or limits nothing: a permit may be taken ahead.
local function dripsBack(b)
  return b.capacity == inf or b.refillMode == 'continuous'
end

-- Applies the command whose arguments start at ARGV[at]; answers granted and waitMs.
-- take: tokens and reserved requests; refund: requests and tokens; rate-limited: -, pause.
-- At +3: take, its maxWaitMs; observe, the flag that the reports show fixed windows;
-- rate-limited, the flag to learn from the 429.
local function apply(at)
  local op = ARGV[at]
  local a, b = num(ARGV[at + 1]), num(ARGV[at + 2])
  local granted, waitMs = 1, 0
  if op == 'take' then
    refillBoth(state, now)
    local needed = min(a, state.tokens.capacity)
    -- One request and the reserve, but never more than a full bucket holds (requestsNeeded).
    local requestsNeeded = min(1 + b, max(1, state.requests.capacity))
    -- From the state's last update when the caller's clock reads earlier (a stalled caller).
    local from = max(now, max(state.requests.updatedAt, state.tokens.updatedAt))
    local wait = max(max(max(state.pausedUntil - from, msUntilLevel(state.requests, requestsNeeded, from)),
      msUntilLevel(state.tokens, needed, from)), 0)
    if wait <= 0 then waitMs = 0 else waitMs = from - now + wait end
    -- Ahead (within maxWaitMs at +3) only where both buckets drip back (grantsAhead).
    local ahead = waitMs < inf and waitMs <= num(ARGV[at + 3])
      and dripsBack(state.requests) and dripsBack(state.tokens)
    if wait <= 0 or ahead then
      take(state.requests, 1, now)
      take(state.tokens, a, now)
      if waitMs > 0 and now + waitMs > state.grantedAheadUntil then state.grantedAheadUntil = now + waitMs end
    else
      granted = 0
    end
  elseif op == 'refund' then
    refundBoth(state, a, b, now)
  elseif op == 'observe' then
    if ARGV[at + 3] == '1' then
      refillAtResetsFromNowOn(state.requests, 'fixed-window', now)
      refillAtResetsFromNowOn(state.tokens, 'fixed-window', now)
    end
    observe(state, observation(at), now)
  elseif op == 'rate-limited' then
    local seen = observation(at)
    if ARGV[at + 3] == '1' then learnFromRefusal(state, seen, now) end
    if seen then observe(state, seen, now) end
    if b > 0 and b > state.pausedUntil then state.pausedUntil = b end
  end
  refillBoth(state, now)
  return granted, waitMs
end

local granted, waitMs = 1, 0
for i = 0, tonumber(ARGV[${headerLength}]) - 1 do
  granted, waitMs = apply(${headerLength + 1} + i * ${commandLength})
end
redis.call('SET', KEYS[1], encodeState(state), 'PX', ttlMs(state, now))
return { granted, fmt(waitMs), encodeState(state) }
`;
