/**
 * The bucket model of `@resilient-llm/policies` in Lua, function by function
 * (`rate-limit/reset-refill.ts`, `continuous-refill.ts`, `token-bucket.ts`,
 * `window-evidence.ts`): a bucket is a table with the fields of `TokenBucket`. Needs
 * {@link numberLua} before it. A change to the model must be mirrored here; the property
 * test of the Redis shared state compares the two on random command sequences.
 */
export const tokenBucketLua = `
local function openWindow(b, now)
  if b.resetAt > now then return end
  b.resetAt = now + b.windowMs
  b.resetReported = false
end

local function levelAtReset(b)
  if b.refillMode == 'fixed-window' or not b.resetReported then return b.capacity end
  return max(b.level, b.capacity - b.takenSinceObservation)
end

local function refillAtReset(b, now)
  if b.resetAt == 0 or now < b.resetAt then return end
  local resetAt = b.resetAt
  b.level = levelAtReset(b)
  if b.refillMode == 'fixed-window' and b.resetReported then b.lastResetAt = resetAt else b.lastResetAt = 0 end
  b.resetAt = 0
  if b.level < b.capacity then openWindow(b, resetAt) end
  if b.resetAt <= now then refillAtReset(b, now) end
end

local function msUntilLevelAtReset(b, amount, now)
  local untilReset = 0
  if b.resetAt > now then untilReset = b.resetAt - now end
  local level = b.level
  if untilReset > 0 then level = levelAtReset(b) end
  if amount - level <= 1e-9 then return untilReset end
  return untilReset + math.ceil((amount - level) / b.capacity - 1e-9) * b.windowMs
end

local function observeAtReset(b, remaining, resetAt, now)
  local fixedWindow = b.refillMode == 'fixed-window'
  local function sameWindowAs(ending)
    return resetAt ~= nil and ending > 0 and math.abs(resetAt - ending) <= b.windowMs / 2
  end
  if fixedWindow and sameWindowAs(b.lastResetAt) then return end
  if remaining < b.level then b.level = remaining end
  if resetAt == nil then
    if b.level < b.capacity then openWindow(b, now) end
    return
  end
  if remaining >= b.capacity then return end
  if b.resetReported and fixedWindow and sameWindowAs(b.resetAt) then
    b.resetAt = min(b.resetAt, resetAt)
    return
  end
  if b.resetReported and resetAt < b.resetAt then return end
  b.resetAt = resetAt
  b.resetReported = true
  b.takenSinceObservation = 0
end

local function fullLessTaken(b)
  return b.capacity - b.takenSinceObservation
end

local function refillContinuous(b, now)
  local from = b.updatedAt
  if b.resetAt > from then
    local slowEnd = min(now, b.resetAt)
    b.level = min(b.capacity, b.level + (slowEnd - from) * b.slowRatePerMs)
    if now < b.resetAt then return end
    b.level = max(b.level, fullLessTaken(b))
    from = b.resetAt
    b.resetAt = 0
  end
  b.level = min(b.capacity, b.level + (now - from) * b.ratePerMs)
end

local function msUntilLevelContinuous(b, amount, now)
  local level = b.level
  local elapsed = 0
  if b.resetAt > now then
    local slowSpan = b.resetAt - now
    if b.slowRatePerMs > 0 and level + slowSpan * b.slowRatePerMs >= amount then
      return (amount - level) / b.slowRatePerMs
    end
    level = max(min(b.capacity, level + slowSpan * b.slowRatePerMs), fullLessTaken(b))
    if amount - level <= 1e-9 then return slowSpan end
    elapsed = slowSpan
  end
  return elapsed + (amount - level) / b.ratePerMs
end

local function observeContinuous(b, remaining, resetMs, resetAt)
  if remaining < b.level then b.level = remaining end
  b.takenSinceObservation = 0
  if resetAt == nil then return end
  b.slowRatePerMs = min(b.ratePerMs, (b.capacity - remaining) / resetMs)
  if remaining < b.capacity then b.resetAt = resetAt else b.resetAt = 0 end
end

local function refillsAtReset(b)
  return b.refillMode ~= 'continuous'
end

local function createBucket(capacity, windowMs, now, refillMode)
  return {
    capacity = capacity, windowMs = windowMs, ratePerMs = capacity / windowMs, level = capacity,
    updatedAt = now, refillMode = refillMode, resetAt = 0, slowRatePerMs = 0,
    takenSinceObservation = 0, resetReported = false, lastResetAt = 0,
  }
end

local function take(b, amount, now)
  b.level = b.level - amount
  b.takenSinceObservation = b.takenSinceObservation + amount
  if refillsAtReset(b) and amount > 0 then openWindow(b, now) end
end

local function giveBack(b, amount, now)
  b.level = min(b.capacity, b.level + amount)
  if refillsAtReset(b) and b.level < b.capacity then openWindow(b, now) end
end

local function refill(b, now)
  if now <= b.updatedAt or b.capacity == inf then return end
  if refillsAtReset(b) then refillAtReset(b, now) else refillContinuous(b, now) end
  b.updatedAt = now
end

local function msUntilLevel(b, amount, now)
  if amount - b.level <= 1e-9 then return 0 end
  if refillsAtReset(b) then return msUntilLevelAtReset(b, amount, now) end
  return msUntilLevelContinuous(b, amount, now)
end

local function refillAtResetsFromNowOn(b, mode, now)
  if b.refillMode == mode or b.refillMode == 'fixed-window' then return end
  refill(b, now)
  if b.refillMode == 'continuous' then b.resetReported = b.resetAt > 0 end
  b.refillMode = mode
  b.slowRatePerMs = 0
  if b.level < b.capacity then openWindow(b, now) end
end

local function isCount(value)
  return isFinite(value) and value >= 0
end

local function observeWindow(b, window, now)
  refill(b, now)
  local limit, remaining, resetMs = window.limit, window.remaining, window.resetMs
  if isCount(limit) and limit > 0 and limit < b.capacity then
    b.capacity = limit
    b.ratePerMs = limit / b.windowMs
    b.level = min(b.level, limit)
  end
  if not isCount(remaining) or b.capacity == inf then return end
  local resetAt = nil
  if isCount(resetMs) and resetMs > 0 then resetAt = now + resetMs end
  if refillsAtReset(b) then observeAtReset(b, remaining, resetAt, now)
  else observeContinuous(b, remaining, resetMs, resetAt) end
end

local function showsFixedWindow(report, capacity, windowMs)
  if report == nil then return false end
  local limit = report.limit
  if limit == nil then limit = capacity end
  local remaining, resetMs = report.remaining, report.resetMs
  if not isFinite(limit) or limit <= 0 or remaining == nil or resetMs == nil then return false end
  local continuousResetMs = ((limit - remaining - 1) / limit) * windowMs
  return resetMs < continuousResetMs - 0.02 * windowMs
end
`;
