/**
 * Lua helpers every script of the shared state starts with: numbers travel as text (`inf`,
 * `-inf` and `nan` for what `%.17g` would spell by platform; finite numbers to 17 significant
 * digits, which gives back the same double), and `min`/`max` decide as JavaScript's
 * `Math.min`/`Math.max` do (NaN wins, `-0` is below `0`), so the port decides as the model.
 */
export const numberLua = `
local inf = math.huge

local function num(text)
  if text == nil or text == '' then return nil end
  if text == 'inf' then return inf end
  if text == '-inf' then return -inf end
  if text == 'nan' then return 0 / 0 end
  return tonumber(text)
end

local function fmt(value)
  if value ~= value then return 'nan' end
  if value == inf then return 'inf' end
  if value == -inf then return '-inf' end
  return string.format('%.17g', value)
end

local function isNegativeZero(value)
  return value == 0 and 1 / value < 0
end

local function max(a, b)
  if a ~= a or b ~= b then return 0 / 0 end
  if a > b then return a end
  if b > a then return b end
  if isNegativeZero(a) then return b end
  return a
end

local function min(a, b)
  if a ~= a or b ~= b then return 0 / 0 end
  if a < b then return a end
  if b < a then return b end
  if isNegativeZero(b) then return b end
  return a
end

local function isFinite(value)
  return type(value) == 'number' and value == value and value ~= inf and value ~= -inf
end
`;
