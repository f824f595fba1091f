// Lua scripts of the Redis store, part 5: the report's activity and per-session reactions.
//
// Keys (R is a room's base, see redis-lua.ts):
//   R.."activity"     hash   session.."\n"..minute.."\n"..p|v|q|r -> participants (highest) or a count
//   R.."seen"         set    session.."\n"..participantId: the session's distinct participants
//   R.."seenerased"   hash   session -> participants erased from `seen` by retention (the count stays)
//   R.."reactions"    hash   emoji (no session) or session.."\n"..emoji -> total
// "session" is the room's current session id when the batch is added, "" while it has none.

/**
 * KEYS: room hash, activity, seen. ARGV: per batch minute, participants, votes, questions,
 * reactions, the number n of seen ids, then those n ids.
 */
export const RECORD_ACTIVITY = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
local s = redis.call('HGET', KEYS[1], 'sessionId') or ''
local i = 1
while i <= #ARGV do
  local base = s .. '\\n' .. ARGV[i] .. '\\n'
  local p = tonumber(ARGV[i + 1])
  local was = tonumber(redis.call('HGET', KEYS[2], base .. 'p') or '0')
  redis.call('HSET', KEYS[2], base .. 'p', math.max(p, was))
  local names = {'v', 'q', 'r'}
  for j = 1, 3 do
    local n = tonumber(ARGV[i + 1 + j])
    if n > 0 then redis.call('HINCRBY', KEYS[2], base .. names[j], n) end
  end
  local seen = tonumber(ARGV[i + 5])
  for j = 1, seen do redis.call('SADD', KEYS[3], s .. '\\n' .. ARGV[i + 5 + j]) end
  i = i + 6 + seen
end
return 'ok'
`;

/** KEYS: room hash, reactions. ARGV: emoji, count pairs. Added to the room's current session. */
export const ADD_REACTIONS = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
local s = redis.call('HGET', KEYS[1], 'sessionId') or ''
local prefix = ''
if s ~= '' then prefix = s .. '\\n' end
for i = 1, #ARGV, 2 do redis.call('HINCRBY', KEYS[2], prefix .. ARGV[i], tonumber(ARGV[i + 1])) end
return 'ok'
`;

/** Part of ERASE_PARTICIPANTS, for the room whose base is R: the distinct counts stay, the ids go. */
export const ERASE_SEEN = `
for _, m in ipairs(redis.call('SMEMBERS', R .. 'seen')) do
  redis.call('HINCRBY', R .. 'seenerased', string.match(m, '^([^\\n]*)\\n'), 1)
end
redis.call('DEL', R .. 'seen')
`;

/** KEYS: event hash, retention. ARGV: retentionDays, expiresAt, its time in ms. */
export const SET_RETENTION = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
redis.call('HSET', KEYS[1], 'retentionDays', ARGV[1], 'expiresAt', ARGV[2])
redis.call('ZADD', KEYS[2], tonumber(ARGV[3]), redis.call('HGET', KEYS[1], 'id'))
return 'ok'
`;
