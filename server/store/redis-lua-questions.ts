// Lua scripts of the Redis store, part 2: questions and room reads (keys: see redis-lua.ts).
// Each runs with LUA_HELPERS prepended (qread, voters, member).

/**
 * KEYS: room hash, asks, questions, counter, question hash, question index.
 * ARGV: room base, requireQaOpen, ask field ("" without clientId), question id, room code,
 * then field, value pairs. Reply: {created 1|0, question}.
 */
export const ASK = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
if ARGV[3] ~= '' then
  local existing = redis.call('HGET', KEYS[2], ARGV[3])
  if existing then
    local q = qread(ARGV[1], existing)
    if q then return {0, q} end
  end
end
if ARGV[2] == '1' and redis.call('HGET', KEYS[1], 'qaOpen') ~= '1' then return 'closed' end
redis.call('HSET', KEYS[5], unpack(ARGV, 6))
-- The question belongs to the room's current session at this moment.
redis.call('HSET', KEYS[5], 'sessionId', redis.call('HGET', KEYS[1], 'sessionId') or '')
redis.call('ZADD', KEYS[3], redis.call('INCR', KEYS[4]), ARGV[4])
if ARGV[3] ~= '' then redis.call('HSET', KEYS[2], ARGV[3], ARGV[4]) end
redis.call('SET', KEYS[6], ARGV[5])
return {1, qread(ARGV[1], ARGV[4])}
`;

/** KEYS: asks. ARGV: room base, ask field. Reply: question or nil. */
export const FIND_ASK = `
local id = redis.call('HGET', KEYS[1], ARGV[2])
if not id then return false end
return qread(ARGV[1], id)
`;

/** KEYS: question hash, upvoters. ARGV: room base, question id. Reply: question or nil. */
export const GET_QUESTION = `
return qread(ARGV[1], ARGV[2])
`;

/** KEYS: question hash, upvoters. ARGV: room base, question id, participant, on 1|0, allowed statuses…. */
export const SET_UPVOTE = `
local status = redis.call('HGET', KEYS[1], 'status')
if not status then return 'not_found' end
if not member(ARGV, 5, status) then return 'conflict' end
if ARGV[4] == '1' then
  redis.call('SADD', KEYS[2], ARGV[3])
else
  redis.call('SREM', KEYS[2], ARGV[3])
end
return qread(ARGV[1], ARGV[2])
`;

/**
 * KEYS: question hash, questions. ARGV: room base, question id, expected status, expected
 * highlighted, next status, next highlighted. Highlighting clears every other highlighted
 * question of the room (a moderator action, rare: a scan of the room's questions is fine).
 * Reply: {question, {unhighlighted question…}}.
 */
export const UPDATE_QUESTION = `
local cur = redis.call('HMGET', KEYS[1], 'status', 'highlighted')
if not cur[1] then return 'not_found' end
if cur[1] ~= ARGV[3] or cur[2] ~= ARGV[4] then return 'conflict' end
redis.call('HSET', KEYS[1], 'status', ARGV[5], 'highlighted', ARGV[6])
local cleared = {}
if ARGV[6] == '1' then
  for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
    local k = ARGV[1] .. 'q:' .. id
    if id ~= ARGV[2] and redis.call('HGET', k, 'highlighted') == '1' then
      redis.call('HSET', k, 'highlighted', '0')
      local q = qread(ARGV[1], id)
      if q then cleared[#cleared + 1] = q end
    end
  end
end
return {qread(ARGV[1], ARGV[2]), cleared}
`;

/**
 * KEYS: question hash, its upvoters, target hash, target upvoters (all in the room's slot).
 * ARGV: room base, question id, target id, allowed statuses of the question and of the target
 * (comma-separated). The asker joins the target's upvoters unless retention erased it ('').
 * Reply: {question, target}, 'not_found', 'conflict' or 'bad_target'.
 */
export const MERGE_QUESTION = `
local function listed(list, value) return string.find(',' .. list .. ',', ',' .. value .. ',', 1, true) ~= nil end
local cur = redis.call('HMGET', KEYS[1], 'status', 'participantId')
if not cur[1] then return 'not_found' end
if not listed(ARGV[4], cur[1]) then return 'conflict' end
local target = redis.call('HGET', KEYS[3], 'status')
if ARGV[3] == ARGV[2] or not target or not listed(ARGV[5], target) then return 'bad_target' end
local voters = redis.call('SMEMBERS', KEYS[2])
-- SADD in slices: unpack has a stack limit, a popular question may have thousands of upvoters.
for i = 1, #voters, 1000 do
  redis.call('SADD', KEYS[4], unpack(voters, i, math.min(i + 999, #voters)))
end
if cur[2] and cur[2] ~= '' then redis.call('SADD', KEYS[4], cur[2]) end
redis.call('HSET', KEYS[1], 'status', 'merged', 'highlighted', '0', 'mergedInto', ARGV[3])
return {qread(ARGV[1], ARGV[2]), qread(ARGV[1], ARGV[3])}
`;

/**
 * KEYS: question hash, upvoters. ARGV: room base, question id, then field, value pairs: an empty
 * value removes the field (a removed reply). Reply: question or 'not_found'.
 */
export const ANNOTATE_QUESTION = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
for i = 3, #ARGV, 2 do
  if ARGV[i + 1] == '' then
    redis.call('HDEL', KEYS[1], ARGV[i])
  else
    redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
  end
end
return qread(ARGV[1], ARGV[2])
`;

/**
 * KEYS: room hash, polls, questions, sessions. ARGV: room base.
 * Reply: {room, {{poll, tally, voters}…} oldest first, {question…}, {session…}} or nil.
 */
export const ROOM_DATA = `
local room = redis.call('HGETALL', KEYS[1])
if #room == 0 then return false end
local polls = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local h = redis.call('HGETALL', ARGV[1] .. 'poll:' .. id)
  if #h > 0 then
    local tally = redis.call('HGETALL', ARGV[1] .. 'tally:' .. id)
    local answers = newest(ARGV[1] .. 'answers:' .. id, ARGV[1] .. 'answerorder:' .. id)
    polls[#polls + 1] = {h, tally, voters(ARGV[1] .. 'poll:' .. id, ARGV[1] .. 'ballots:' .. id), answers}
  end
end
local questions = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[3], 0, -1)) do
  local q = qread(ARGV[1], id)
  if q then questions[#questions + 1] = q end
end
local sessions = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[4], 0, -1)) do
  local h = redis.call('HGETALL', ARGV[1] .. 's:' .. id)
  if #h > 0 then sessions[#sessions + 1] = h end
end
return {room, polls, questions, sessions}
`;

/** KEYS: polls, questions. ARGV: room base, participant. Reply: {{pollId, ballot JSON}… flat, {questionId…}}. */
export const PARTICIPANT_DATA = `
local ballots = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[1], 0, -1)) do
  local b = redis.call('HGET', ARGV[1] .. 'ballots:' .. id, ARGV[2])
  if b then
    ballots[#ballots + 1] = id
    ballots[#ballots + 1] = b
  end
end
local upvoted = {}
for _, id in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  if redis.call('SISMEMBER', ARGV[1] .. 'up:' .. id, ARGV[2]) == 1 then upvoted[#upvoted + 1] = id end
end
return {ballots, upvoted}
`;
