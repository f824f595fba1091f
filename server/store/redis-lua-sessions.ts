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

/**
 * KEYS: an index zset (sessions, room keys). ARGV: the base of its members' hashes (R.."s:", R.."rk:").
 * Reply: {hash…} in the index's order.
 */
export const LIST_HASHES = `
local out = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local h = redis.call('HGETALL', ARGV[1] .. id)
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
 * KEYS: event hash, event rooms. ARGV: prefix, createdAt, maxRooms, maxSessions, then three JSON
 * arrays (one argument each, however large the programme): rooms [id, code, name, premoderation],
 * sessions [id, room code, [field, value…]], updates [id, speakers JSON, endsAt].
 * New rooms' codes share the namespace of event codes (see CREATE_EVENT).
 */
export const IMPORT_PROGRAMME = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
local P = ARGV[1]
local rooms, sessions, updates = cjson.decode(ARGV[5]), cjson.decode(ARGV[6]), cjson.decode(ARGV[7])
if redis.call('ZCARD', KEYS[2]) + #rooms > tonumber(ARGV[3]) then return 'rooms_full' end
local fresh = {}
for _, room in ipairs(rooms) do
  local code = room[2]
  if fresh[code] or redis.call('EXISTS', P .. 'code:' .. code) == 1 or redis.call('EXISTS', P .. '{' .. code .. '}:room') == 1 then
    return 'code_taken'
  end
  fresh[code] = true
end
local added = {}
for _, s in ipairs(sessions) do
  local code = s[2]
  if not fresh[code] and redis.call('EXISTS', P .. '{' .. code .. '}:room') == 0 then return 'not_found' end
  added[code] = (added[code] or 0) + 1
end
for code, n in pairs(added) do
  if redis.call('ZCARD', P .. '{' .. code .. '}:sessions') + n > tonumber(ARGV[4]) then return 'sessions_full' end
end
local updated = {}
for i, u in ipairs(updates) do
  local code = redis.call('GET', P .. 'sroom:' .. u[1])
  if not code or redis.call('EXISTS', P .. '{' .. code .. '}:s:' .. u[1]) == 0 then return 'conflict' end
  updated[i] = P .. '{' .. code .. '}:s:' .. u[1]
end
local ev = redis.call('HMGET', KEYS[1], 'id', 'title')
for _, room in ipairs(rooms) do
  local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
  redis.call('HSET', P .. '{' .. room[2] .. '}:room', 'id', room[1], 'eventId', ev[1], 'code', room[2],
    'name', room[3], 'eventTitle', ev[2], 'premoderation', room[4], ${ROOM_FIELDS}, 'createdAt', ARGV[2])
  redis.call('ZADD', KEYS[2], n, room[2])
end
for _, s in ipairs(sessions) do
  local R = P .. '{' .. s[2] .. '}:'
  redis.call('HSET', R .. 's:' .. s[1], unpack(s[3]))
  redis.call('ZADD', R .. 'sessions', redis.call('INCR', R .. 'n'), s[1])
  redis.call('SET', P .. 'sroom:' .. s[1], s[2])
end
for i, u in ipairs(updates) do
  redis.call('HSET', updated[i], 'speakers', u[2], 'endsAt', u[3])
end
return 'ok'
`;
