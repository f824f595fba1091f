// Lua scripts of the Redis store, part 3: key rotation, bans, audit log and retention
// (keys: see redis-lua.ts). Each runs with LUA_HELPERS prepended.
import { ERASE_SEEN } from "./redis-lua-activity.js";

/** KEYS: event hash. ARGV: prefix, new key hash. The old key's index goes in the same step. */
export const ROTATE_KEY = `
local ev = redis.call('HMGET', KEYS[1], 'id', 'keyHash')
if not ev[1] then return 'not_found' end
local P = ARGV[1]
if ev[2] and redis.call('GET', P .. 'key:' .. ev[2]) == ev[1] then redis.call('DEL', P .. 'key:' .. ev[2]) end
redis.call('SET', P .. 'key:' .. ARGV[2], ev[1])
redis.call('HSET', KEYS[1], 'keyHash', ARGV[2])
return 'ok'
`;

/** KEYS: room hash, bans. ARGV: participant, on 1|0. Reply: 1 when it changed something, else 0. */
export const SET_BAN = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
if ARGV[2] == '1' then return redis.call('SADD', KEYS[2], ARGV[1]) end
return redis.call('SREM', KEYS[2], ARGV[1])
`;

/** KEYS: room hash, audit. ARGV: entry JSON, limit. */
export const APPEND_AUDIT = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
redis.call('RPUSH', KEYS[2], ARGV[1])
redis.call('LTRIM', KEYS[2], -tonumber(ARGV[2]), -1)
return 'ok'
`;

/**
 * KEYS: event hash, event rooms. ARGV: prefix. Builds every room's keys itself (like DELETE_EVENT).
 * Ballots and upvoters go, their counts stay (erasedVoters, erasedUpvotes); questions lose their
 * participant and client ids; the ask index and bans go. Reply: {ballots, upvotes, questions, bans}.
 */
export const ERASE_PARTICIPANTS = `
if redis.call('EXISTS', KEYS[1]) == 0 then return 'not_found' end
local P = ARGV[1]
local ballots, upvotes, questions, bans = 0, 0, 0, 0
for _, code in ipairs(redis.call('ZRANGE', KEYS[2], 0, -1)) do
  local R = P .. '{' .. code .. '}:'
  for _, id in ipairs(redis.call('ZRANGE', R .. 'polls', 0, -1)) do
    local n = redis.call('HLEN', R .. 'ballots:' .. id)
    if n > 0 then
      redis.call('HINCRBY', R .. 'poll:' .. id, 'erasedVoters', n)
      redis.call('DEL', R .. 'ballots:' .. id)
      ballots = ballots + n
    end
  end
  for _, id in ipairs(redis.call('ZRANGE', R .. 'questions', 0, -1)) do
    local k = R .. 'q:' .. id
    local n = redis.call('SCARD', R .. 'up:' .. id)
    if n > 0 then
      redis.call('HINCRBY', k, 'erasedUpvotes', n)
      redis.call('DEL', R .. 'up:' .. id)
      upvotes = upvotes + n
    end
    local owner = redis.call('HMGET', k, 'participantId', 'clientId')
    if (owner[1] and owner[1] ~= '') or owner[2] then
      redis.call('HSET', k, 'participantId', '')
      redis.call('HDEL', k, 'clientId')
      questions = questions + 1
    end
  end
  bans = bans + redis.call('SCARD', R .. 'bans')
  redis.call('DEL', R .. 'asks', R .. 'bans')
  ${ERASE_SEEN}
end
return {ballots, upvotes, questions, bans}
`;
