// Lua scripts of the Redis store, part 1: events, rooms and polls. One script per command,
// so every command is one atomic step however many nodes write at once.
//
// Keys (P is the key prefix, "t:" by default; R is P.."{"..code.."}:", a room's base):
//   P.."ev:{"..id.."}"          hash   id, title, keyHash, createdAt, n (room counter), premoderation (of rooms added),
//                                      code, timeZone, autoSessions, blocklist (JSON array of words, absent when none)
//   P.."ev:{"..id.."}:rooms"    zset   room codes, scored by creation order
//   P.."key:"..keyHash          string event id
//   P.."code:"..code            string event id of an event code (room codes are their room hash)
//   P.."autosessions"           set    ids of the events whose sessions start and end by themselves
//   R.."room"                   hash   id, eventId, code, name, eventTitle, premoderation, qaOpen, screen, createdAt
//   R.."n"                      string counter giving polls and questions their insertion order
//   R.."polls"                  zset   poll ids by insertion order
//   R.."poll:"..id              hash   the Poll's fields, plus seq
//   R.."ballots:"..id           hash   participant -> JSON {choice, keys}; voters = HLEN
//   R.."tally:"..id             hash   tally key -> count (keys that fall to 0 are removed)
//   R.."answers:"..id           hash   answer id -> JSON {id, text, createdAt, hidden} (open polls)
//   R.."answerorder:"..id       zset   answer ids scored by the poll's seq when given: newest last
//   R.."reactions"              hash   reaction totals per session (see redis-lua-activity.ts)
//   R.."activity", R.."seen", R.."seenerased"   the report's activity (see redis-lua-activity.ts)
//   R.."questions"              zset   question ids by insertion order
//   R.."q:"..id                 hash   the QuestionRecord's fields (clientId absent when null)
//   R.."up:"..id                set    upvoters; upvotes = SCARD
//   R.."asks"                   hash   participant.."\n"..clientId -> question id
//   P.."pollroom:"..id          string room code of a poll
//   P.."qroom:"..id             string room code of a question
//   R.."bans"                   set    banned participant ids of the room
//   R.."audit"                  list   JSON audit entries, oldest first (trimmed to AUDIT_LIMIT)
//   P.."retention"              zset   event id scored by the time (ms) its participant ids expire
// Retention erases ballots and upvoters but keeps the counts: a poll hash's `erasedVoters` and a
// question hash's `erasedUpvotes` hold what was erased, added to HLEN/SCARD wherever counts are read.
//
// Every key of one room carries the hash tag {code}, so the hot commands (castBallot,
// setPollStatus, setUpvote, updateQuestion…) touch one cluster slot and declare their keys.
// Creating or deleting a poll or a question also writes its global index key, and event-level
// commands (createEvent, addRoom, deleteEvent, getEvent) touch several rooms and build keys
// inside the script: fine on the single Redis Tribune runs on, not on a Redis Cluster as is.
//
// Replies: a failure is a status string ("not_found", "conflict", …); a success a table.
// Booleans are stored "1"/"0"; options, screen and ballots as JSON.
import { DEFAULT_TIME_ZONE, LIMITS } from "../../shared/limits.js";

/** Reads a question hash with its upvote count, or false when it is gone. */
export const LUA_HELPERS = `
local function qread(R, id)
  local h = redis.call('HGETALL', R .. 'q:' .. id)
  if #h == 0 then return false end
  local erased = tonumber(redis.call('HGET', R .. 'q:' .. id, 'erasedUpvotes') or '0')
  h[#h + 1] = 'upvotes'
  h[#h + 1] = tostring(redis.call('SCARD', R .. 'up:' .. id) + erased)
  return h
end
local function voters(pollKey, ballotsKey)
  return redis.call('HLEN', ballotsKey) + tonumber(redis.call('HGET', pollKey, 'erasedVoters') or '0')
end
local function newest(answersKey, orderKey)
  local ids = redis.call('ZREVRANGE', orderKey, 0, ${LIMITS.topAnswers - 1})
  if #ids == 0 then return {} end
  return redis.call('HMGET', answersKey, unpack(ids))
end
local function member(list, first, value)
  for i = first, #list do
    if list[i] == value then return true end
  end
  return false
end
`;

/** The fields a new room starts with, besides its identity. */
export const ROOM_FIELDS = `'qaOpen', '1', 'screen', '{"mode":"auto"}'`;

/**
 * KEYS: event hash, event rooms, key index, retention, one room hash per room.
 * ARGV: id, title, keyHash, createdAt, retentionDays, expiresAt, expiry ms ('' without retention),
 * premoderation, event code, prefix, then (roomId, code, name, premoderation)….
 * Event and room codes share one namespace: a code is taken when a room hash or an event code key has it.
 */
export const CREATE_EVENT = `
local n = #KEYS - 4
local P = ARGV[10]
local seen = {}
local function taken(code)
  return seen[code] or redis.call('EXISTS', P .. 'code:' .. code) == 1
    or redis.call('EXISTS', P .. '{' .. code .. '}:room') == 1
end
if taken(ARGV[9]) then return 'code_taken' end
seen[ARGV[9]] = true
for i = 1, n do
  local code = ARGV[10 + (i - 1) * 4 + 2]
  if taken(code) then return 'code_taken' end
  seen[code] = true
end
redis.call('HSET', KEYS[1], 'id', ARGV[1], 'title', ARGV[2], 'keyHash', ARGV[3], 'createdAt', ARGV[4], 'n', n,
  'premoderation', ARGV[8], 'code', ARGV[9], 'timeZone', '${DEFAULT_TIME_ZONE}', 'autoSessions', '0')
redis.call('SET', P .. 'code:' .. ARGV[9], ARGV[1])
if ARGV[7] ~= '' then
  redis.call('HSET', KEYS[1], 'retentionDays', ARGV[5], 'expiresAt', ARGV[6])
  redis.call('ZADD', KEYS[4], tonumber(ARGV[7]), ARGV[1])
end
redis.call('SET', KEYS[3], ARGV[1])
for i = 1, n do
  local b = 10 + (i - 1) * 4
  redis.call('HSET', KEYS[4 + i], 'id', ARGV[b + 1], 'eventId', ARGV[1], 'code', ARGV[b + 2], 'name', ARGV[b + 3],
    'eventTitle', ARGV[2], 'premoderation', ARGV[b + 4], ${ROOM_FIELDS}, 'createdAt', ARGV[4])
  redis.call('ZADD', KEYS[2], i, ARGV[b + 2])
end
return 'ok'
`;

/** KEYS: event hash, event rooms, room hash, event code key of the room's code. ARGV: roomId, code, name, createdAt, maxRooms, premoderation. */
export const ADD_ROOM = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[5]) then return 'full' end
if redis.call('EXISTS', KEYS[3]) == 1 or redis.call('EXISTS', KEYS[4]) == 1 then return 'code_taken' end
local ev = redis.call('HMGET', KEYS[1], 'id', 'title')
local n = redis.call('HINCRBY', KEYS[1], 'n', 1)
redis.call('HSET', KEYS[3], 'id', ARGV[1], 'eventId', ev[1], 'code', ARGV[2], 'name', ARGV[3],
  'eventTitle', ev[2], 'premoderation', ARGV[6], ${ROOM_FIELDS}, 'createdAt', ARGV[4])
redis.call('ZADD', KEYS[2], n, ARGV[2])
return redis.call('HGETALL', KEYS[3])
`;

/** KEYS: event hash, event rooms. ARGV: prefix. Builds every room's keys itself (see above). */
export const DELETE_EVENT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
local P = ARGV[1]
local ev = redis.call('HMGET', KEYS[1], 'id', 'keyHash', 'code')
if ev[2] and redis.call('GET', P .. 'key:' .. ev[2]) == ev[1] then redis.call('DEL', P .. 'key:' .. ev[2]) end
if ev[3] and redis.call('GET', P .. 'code:' .. ev[3]) == ev[1] then redis.call('DEL', P .. 'code:' .. ev[3]) end
redis.call('SREM', P .. 'autosessions', ev[1])
local codes = redis.call('ZRANGE', KEYS[2], 0, -1)
for _, code in ipairs(codes) do
  local R = P .. '{' .. code .. '}:'
  for _, id in ipairs(redis.call('ZRANGE', R .. 'polls', 0, -1)) do
    redis.call('DEL', R .. 'poll:' .. id, R .. 'ballots:' .. id, R .. 'tally:' .. id, P .. 'pollroom:' .. id,
      R .. 'answers:' .. id, R .. 'answerorder:' .. id)
  end
  for _, id in ipairs(redis.call('ZRANGE', R .. 'questions', 0, -1)) do
    redis.call('DEL', R .. 'q:' .. id, R .. 'up:' .. id, P .. 'qroom:' .. id)
  end
  for _, id in ipairs(redis.call('ZRANGE', R .. 'sessions', 0, -1)) do
    redis.call('DEL', R .. 's:' .. id, P .. 'sroom:' .. id)
  end
  for _, id in ipairs(redis.call('ZRANGE', R .. 'keys', 0, -1)) do
    local keyHash = redis.call('HGET', R .. 'rk:' .. id, 'keyHash')
    if keyHash then redis.call('DEL', P .. 'rkey:' .. keyHash) end
    redis.call('DEL', R .. 'rk:' .. id, P .. 'rkroom:' .. id)
  end
  redis.call('DEL', R .. 'room', R .. 'n', R .. 'polls', R .. 'questions', R .. 'asks', R .. 'bans', R .. 'audit',
    R .. 'sessions', R .. 'reactions', R .. 'activity', R .. 'seen', R .. 'seenerased', R .. 'keys', R .. 'messages')
end
redis.call('DEL', KEYS[1], KEYS[2])
redis.call('ZREM', P .. 'retention', ev[1])
return codes
`;

/** KEYS: event hash, event rooms. ARGV: prefix. Reply: {event, {room…}} or nil. */
export const GET_EVENT = `
local ev = redis.call('HGETALL', KEYS[1])
if #ev == 0 then return false end
local rooms = {}
for _, code in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local h = redis.call('HGETALL', ARGV[1] .. '{' .. code .. '}:room')
  if #h > 0 then rooms[#rooms + 1] = h end
end
return {ev, rooms}
`;

/**
 * KEYS: event hash, event rooms. ARGV: prefix, title, premoderation, timeZone, autoSessions, blocklist
 * (JSON; '' leaves each as it is). Events with autoSessions on are in the set P.."autosessions", which the scheduler reads.
 * A new title is copied into every room hash, which keeps the event's title for room reads.
 * Reply: as GET_EVENT.
 */
export const UPDATE_EVENT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
if ARGV[3] ~= '' then redis.call('HSET', KEYS[1], 'premoderation', ARGV[3]) end
if ARGV[4] ~= '' then redis.call('HSET', KEYS[1], 'timeZone', ARGV[4]) end
if ARGV[6] ~= '' then redis.call('HSET', KEYS[1], 'blocklist', ARGV[6]) end
if ARGV[5] ~= '' then
  redis.call('HSET', KEYS[1], 'autoSessions', ARGV[5])
  if ARGV[5] == '1' then
    redis.call('SADD', ARGV[1] .. 'autosessions', redis.call('HGET', KEYS[1], 'id'))
  else
    redis.call('SREM', ARGV[1] .. 'autosessions', redis.call('HGET', KEYS[1], 'id'))
  end
end
local codes = redis.call('ZRANGE', KEYS[2], 0, -1)
if ARGV[2] ~= '' then
  redis.call('HSET', KEYS[1], 'title', ARGV[2])
  for _, code in ipairs(codes) do
    local room = ARGV[1] .. '{' .. code .. '}:room'
    if redis.call('EXISTS', room) == 1 then redis.call('HSET', room, 'eventTitle', ARGV[2]) end
  end
end
local rooms = {}
for _, code in ipairs(codes) do
  local h = redis.call('HGETALL', ARGV[1] .. '{' .. code .. '}:room')
  if #h > 0 then rooms[#rooms + 1] = h end
end
return {redis.call('HGETALL', KEYS[1]), rooms}
`;

/** KEYS: room hash. ARGV: field, value pairs to set. */
export const UPDATE_ROOM = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
if #ARGV > 0 then redis.call('HSET', KEYS[1], unpack(ARGV)) end
return redis.call('HGETALL', KEYS[1])
`;

/** KEYS: room hash, polls, counter, poll hash, poll index. ARGV: id, roomCode, then field, value pairs. */
export const CREATE_POLL = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
redis.call('HSET', KEYS[4], 'seq', '0', unpack(ARGV, 3))
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[1])
redis.call('SET', KEYS[5], ARGV[2])
return 'ok'
`;

/** KEYS: poll hash. ARGV: draftOnly, then field, value pairs. */
export const UPDATE_POLL = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'not_found' end
if ARGV[1] == '1' and status ~= 'draft' then return 'conflict' end
if #ARGV > 1 then redis.call('HSET', KEYS[1], unpack(ARGV, 2)) end
return redis.call('HGETALL', KEYS[1])
`;

/** KEYS: poll hash, ballots, tally, answers, answer order, polls, poll index. ARGV: poll id. */
export const DELETE_POLL = `
local h = redis.call('HGETALL', KEYS[1])
if #h == 0 then return 'not_found' end
redis.call('DEL', KEYS[1], KEYS[2], KEYS[3], KEYS[4], KEYS[5], KEYS[7])
redis.call('ZREM', KEYS[6], ARGV[1])
return h
`;

/**
 * KEYS: poll hash, polls, room hash. ARGV: room base, poll id, to, from…. Reply: {poll, {closed poll…}}.
 * Only a poll of the room's current session (or of none, when the room has none) opens.
 */
export const SET_POLL_STATUS = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'not_found' end
if not member(ARGV, 4, status) then return 'conflict' end
if ARGV[3] == 'open' and (redis.call('HGET', KEYS[1], 'sessionId') or '') ~= (redis.call('HGET', KEYS[3], 'sessionId') or '') then
  return 'other_session'
end
redis.call('HSET', KEYS[1], 'status', ARGV[3])
local closed = {}
if ARGV[3] == 'open' then
  for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
    local k = ARGV[1] .. 'poll:' .. id
    if id ~= ARGV[2] and redis.call('HGET', k, 'status') == 'open' then
      redis.call('HSET', k, 'status', 'closed')
      closed[#closed + 1] = redis.call('HGETALL', k)
    end
  end
end
return {redis.call('HGETALL', KEYS[1]), closed}
`;

/**
 * KEYS: poll hash, ballots, tally, answers, answer order. ARGV: participant, ballot JSON {choice,
 * keys}, answer id ('' for a kind that keeps no answers), answer JSON, tally keys….
 * The participant's answer id is kept in its ballot: a new ballot of another text replaces it,
 * one of the same text keeps it as it was (id, place, hidden flag).
 * Reply: {tally, voters, seq, answers}.
 */
export const CAST_BALLOT = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'not_found' end
if status ~= 'open' then return 'not_open' end
local prev = redis.call('HGET', KEYS[2], ARGV[1])
local kept = nil
if prev then
  local p = cjson.decode(prev)
  for _, k in ipairs(p.keys) do
    if redis.call('HINCRBY', KEYS[3], k, -1) <= 0 then redis.call('HDEL', KEYS[3], k) end
  end
  if p.answer then
    local old = redis.call('HGET', KEYS[4], p.answer)
    if old and ARGV[3] ~= '' and cjson.decode(old).text == cjson.decode(ARGV[4]).text then
      kept = p.answer
    else
      redis.call('HDEL', KEYS[4], p.answer)
      redis.call('ZREM', KEYS[5], p.answer)
    end
  end
end
for i = 5, #ARGV do redis.call('HINCRBY', KEYS[3], ARGV[i], 1) end
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
if ARGV[3] == '' then
  redis.call('HSET', KEYS[2], ARGV[1], ARGV[2])
else
  local ballot = cjson.decode(ARGV[2])
  ballot.answer = kept or ARGV[3]
  redis.call('HSET', KEYS[2], ARGV[1], cjson.encode(ballot))
  if not kept then
    redis.call('HSET', KEYS[4], ARGV[3], ARGV[4])
    redis.call('ZADD', KEYS[5], seq, ARGV[3])
  end
end
return {redis.call('HGETALL', KEYS[3]), voters(KEYS[1], KEYS[2]), seq, newest(KEYS[4], KEYS[5])}
`;

/** KEYS: poll hash, ballots, tally, answers, answer order. ARGV: answer id, hidden ('1'/'0'). Reply: as TALLY. */
export const SET_ANSWER_HIDDEN = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
local json = redis.call('HGET', KEYS[4], ARGV[1])
if not json then return 'not_found' end
local a = cjson.decode(json)
a.hidden = ARGV[2] == '1'
redis.call('HSET', KEYS[4], ARGV[1], cjson.encode(a))
local seq = redis.call('HINCRBY', KEYS[1], 'seq', 1)
return {redis.call('HGETALL', KEYS[3]), voters(KEYS[1], KEYS[2]), seq, newest(KEYS[4], KEYS[5])}
`;

/** KEYS: poll hash, ballots, tally, answers, answer order. Reply: {tally, voters, seq}. */
export const RESET_POLL = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
redis.call('DEL', KEYS[2], KEYS[3], KEYS[4], KEYS[5])
redis.call('HDEL', KEYS[1], 'erasedVoters')
return {{}, 0, redis.call('HINCRBY', KEYS[1], 'seq', 1)}
`;

/** KEYS: poll hash, ballots, tally, answers, answer order. Reply: {tally, voters, seq, answers} or nil. */
export const TALLY = `
local seq = redis.call('HGET', KEYS[1], 'seq')
if not seq then return false end
return {redis.call('HGETALL', KEYS[3]), voters(KEYS[1], KEYS[2]), tonumber(seq), newest(KEYS[4], KEYS[5])}
`;
