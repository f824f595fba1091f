// Lua scripts of the Redis store, part 5: quizzes (their clock) and nicknames.
//
// Keys (P the prefix, R a room's base, as in redis-lua.ts):
//   P.."quizclock"          zset   ids of opened quizzes scored by closesAt (ms); the sweep of every
//                                  node reads it, and drops entries of polls closed or deleted meanwhile
//   R.."nicknames"          hash   participant -> JSON {nickname, folded}
//   R.."nickfold"           hash   folded nickname -> participant (uniqueness, case and accents ignored)
// A quiz's own fields (correct, timeLimit, openedAt, closesAt) are in its poll hash, and a quiz
// ballot's time in its ballot JSON (`at`).

/**
 * KEYS: quiz clock. ARGV: prefix, now (ms). Reply: ids of the open polls due to close. Builds poll
 * keys inside the script (from P.."pollroom:"..id), as event-level commands do.
 */
export const DUE_QUIZZES = `
local P = ARGV[1]
local due = {}
for _, id in ipairs(redis.call('ZRANGEBYSCORE', KEYS[1], '-inf', ARGV[2])) do
  local code = redis.call('GET', P .. 'pollroom:' .. id)
  local status = code and redis.call('HGET', P .. '{' .. code .. '}:poll:' .. id, 'status')
  if status == 'open' then due[#due + 1] = id else redis.call('ZREM', KEYS[1], id) end
end
return due
`;

/** KEYS: room hash, nicknames, nickfold. ARGV: participant, nickname, folded. */
export const SET_NICKNAME = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
local holder = redis.call('HGET', KEYS[3], ARGV[3])
if holder and holder ~= ARGV[1] then return 'taken' end
local old = redis.call('HGET', KEYS[2], ARGV[1])
if old then redis.call('HDEL', KEYS[3], cjson.decode(old).folded) end
redis.call('HSET', KEYS[2], ARGV[1], cjson.encode({nickname = ARGV[2], folded = ARGV[3]}))
redis.call('HSET', KEYS[3], ARGV[3], ARGV[1])
return 'ok'
`;
