// Lua scripts of the Redis store, part 5: room keys (keys: see redis-lua.ts). Each runs with
// LUA_HELPERS prepended.
//   R.."keys"                   zset   room key ids by insertion order
//   R.."rk:"..id                hash   the RoomKeyRecord's fields and its keyHash
//   P.."rkey:"..keyHash         string "<room code>:<key id>", how a bearer token finds its key
//   P.."rkroom:"..id            string room code of a room key
// Backstage messages are a bounded list, R.."messages", appended with APPEND_AUDIT's script.

/**
 * KEYS: room hash, keys, counter, key hash, hash index, key index.
 * ARGV: max, id, room code, keyHash, then field, value pairs. The key's eventId is its room's.
 */
export const CREATE_ROOM_KEY = `
local eventId = redis.call('HGET', KEYS[1], 'eventId')
if not eventId then return 'not_found' end
if redis.call('ZCARD', KEYS[2]) >= tonumber(ARGV[1]) then return 'full' end
redis.call('HSET', KEYS[4], 'eventId', eventId, 'keyHash', ARGV[4], unpack(ARGV, 5))
redis.call('ZADD', KEYS[2], redis.call('INCR', KEYS[3]), ARGV[2])
redis.call('SET', KEYS[5], ARGV[3] .. ':' .. ARGV[2])
redis.call('SET', KEYS[6], ARGV[3])
return redis.call('HGETALL', KEYS[4])
`;

/** KEYS: keys, key hash, key index. ARGV: prefix, id. Reply: the removed key's fields. */
export const DELETE_ROOM_KEY = `
local h = redis.call('HGETALL', KEYS[2])
if #h == 0 then return 'not_found' end
local keyHash = redis.call('HGET', KEYS[2], 'keyHash')
if keyHash then redis.call('DEL', ARGV[1] .. 'rkey:' .. keyHash) end
redis.call('DEL', KEYS[2], KEYS[3])
redis.call('ZREM', KEYS[1], ARGV[2])
return h
`;
