// Lua scripts of the Redis store, part 3: sessions (keys: see redis-lua.ts). Each runs with
// LUA_HELPERS prepended (qread, voters, member).
//   R.."sessions"               zset   session ids by insertion order
//   R.."s:"..id                 hash   the SessionRecord's fields ('' for a null time)
//   P.."sroom:"..id             string room code of a session
// The room hash's `sessionId` names its current session, a poll's or question's hash the one it
// belongs to ('' or absent: none).
import { ROOM_FIELDS } from "./redis-lua.js";

/** KEYS: room hash, sessions, counter, session hash, session index. ARGV: max, id, room code, field, value pairs. */
export const CREATE_SESSION = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[1]) then return 'full' end
redis.call('HSET', KEYS[4], unpack(ARGV, 4))
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[2])
redis.call('SET', KEYS[5], ARGV[3])
return 'ok'
`;

/** KEYS: sessions. ARGV: room base. Reply: {session…} in creation order. */
export const LIST_SESSIONS = `
local out = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local h = redis.call('HGETALL', ARGV[1] .. 's:' .. id)
  if #h > 0 then out[#out + 1] = h end
end
return out
`;

/** KEYS: session hash. ARGV: field, value pairs. */
export const UPDATE_SESSION = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
if #ARGV > 0 then redis.call('HSET', KEYS[1], unpack(ARGV)) end
return redis.call('HGETALL', KEYS[1])
`;

/**
 * KEYS: session hash, sessions, polls, questions, room hash, session index. ARGV: room base, id.
 * A live session is refused; its polls and questions are kept with no session.
 */
export const DELETE_SESSION = `
local h = redis.call('HGETALL', KEYS[1])
if #h == 0 then return 'not_found' end
if redis.call('HGET', KEYS[1], 'status') == 'live' then return 'conflict' end
for _, id in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  local k = ARGV[1] .. 'poll:' .. id
  if redis.call('HGET', k, 'sessionId') == ARGV[2] then redis.call('HSET', k, 'sessionId', '') end
end
for _, id in ipairs(redis.call('ZRANGE', KEYS[4], 0, -1)) do
  local k = ARGV[1] .. 'q:' .. id
  if redis.call('HGET', k, 'sessionId') == ARGV[2] then redis.call('HSET', k, 'sessionId', '') end
end
if redis.call('HGET', KEYS[5], 'sessionId') == ARGV[2] then redis.call('HSET', KEYS[5], 'sessionId', '') end
redis.call('DEL', KEYS[1], KEYS[6])
redis.call('ZREM', KEYS[2], ARGV[2])
return h
`;

/**
 * KEYS: session hash, sessions, polls, room hash. ARGV: room base, id, to, at, from….
 * Going live: the room's current session, the other live ones ended, open polls of other sessions closed.
 * Reply: {session, {ended session…}, {closed poll…}}.
 */
export const SET_SESSION_STATUS = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'not_found' end
if not member(ARGV, 5, status) then return 'conflict' end
local ended = {}
local closed = {}
if ARGV[3] == 'live' then
  for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
    local k = ARGV[1] .. 's:' .. id
    if id ~= ARGV[2] and redis.call('HGET', k, 'status') == 'live' then
      redis.call('HSET', k, 'status', 'ended', 'statusAt', ARGV[4])
      ended[#ended + 1] = redis.call('HGETALL', k)
    end
  end
  for _, id in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
    local k = ARGV[1] .. 'poll:' .. id
    local p = redis.call('HMGET', k, 'status', 'sessionId')
    if p[1] == 'open' and p[2] ~= ARGV[2] then
      redis.call('HSET', k, 'status', 'closed')
      closed[#closed + 1] = redis.call('HGETALL', k)
    end
  end
  redis.call('HSET', KEYS[4], 'sessionId', ARGV[2])
end
redis.call('HSET', KEYS[1], 'status', ARGV[3], 'statusAt', ARGV[4])
return {redis.call('HGETALL', KEYS[1]), ended, closed}
`;

/**
 * A programme import, all or nothing: every check runs before the first write.
 * KEYS: event hash, event rooms. ARGV: prefix, createdAt, maxRooms, maxSessions, #rooms, #sessions,
 * #updates, then per room (id, code, name, premoderation), per session (id, room code, then its
 * 18 field/value strings), per update (id, speakers JSON, endsAt).
 * New rooms' codes share the namespace of event codes (see CREATE_EVENT).
 */
export const IMPORT_PROGRAMME = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
local P = ARGV[1]
local nRooms, nSessions, nUpdates = tonumber(ARGV[5]), tonumber(ARGV[6]), tonumber(ARGV[7])
if redis.call('ZCARD', KEYS[2]) + nRooms > tonumber(ARGV[3]) then return 'rooms_full' end
local roomAt = function(i) return 7 + (i - 1) * 4 end
local sessionAt = function(i) return 7 + nRooms * 4 + (i - 1) * 20 end
local updateAt = function(i) return 7 + nRooms * 4 + nSessions * 20 + (i - 1) * 3 end
local fresh = {}
for i = 1, nRooms do
  local code = ARGV[roomAt(i) + 2]
  if fresh[code] or redis.call('EXISTS', P .. 'code:' .. code) == 1 or redis.call('EXISTS', P .. '{' .. code .. '}:room') == 1 then
    return 'code_taken'
  end
  fresh[code] = true
end
local added = {}
for i = 1, nSessions do
  local code = ARGV[sessionAt(i) + 2]
  if not fresh[code] and redis.call('EXISTS', P .. '{' .. code .. '}:room') == 0 then return 'not_found' end
  added[code] = (added[code] or 0) + 1
end
for code, n in pairs(added) do
  if redis.call('ZCARD', P .. '{' .. code .. '}:sessions') + n > tonumber(ARGV[4]) then return 'sessions_full' end
end
local updated = {}
for i = 1, nUpdates do
  local id = ARGV[updateAt(i) + 1]
  local code = redis.call('GET', P .. 'sroom:' .. id)
  if not code or redis.call('EXISTS', P .. '{' .. code .. '}:s:' .. id) == 0 then return 'conflict' end
  updated[i] = P .. '{' .. code .. '}:s:' .. id
end
local ev = redis.call('HMGET', KEYS[1], 'id', 'title')
for i = 1, nRooms do
  local b = roomAt(i)
  local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
  redis.call('HSET', P .. '{' .. ARGV[b + 2] .. '}:room', 'id', ARGV[b + 1], 'eventId', ev[1], 'code', ARGV[b + 2],
    'name', ARGV[b + 3], 'eventTitle', ev[2], 'premoderation', ARGV[b + 4], ${ROOM_FIELDS}, 'createdAt', ARGV[2])
  redis.call('ZADD', KEYS[2], n, ARGV[b + 2])
end
for i = 1, nSessions do
  local b = sessionAt(i)
  local R = P .. '{' .. ARGV[b + 2] .. '}:'
  redis.call('HSET', R .. 's:' .. ARGV[b + 1], unpack(ARGV, b + 3, b + 20))
  redis.call('ZADD', R .. 'sessions', redis.call('INCR', R .. 'n'), ARGV[b + 1])
  redis.call('SET', P .. 'sroom:' .. ARGV[b + 1], ARGV[b + 2])
end
for i = 1, nUpdates do
  local b = updateAt(i)
  redis.call('HSET', updated[i], 'speakers', ARGV[b + 2], 'endsAt', ARGV[b + 3])
end
return 'ok'
`;
