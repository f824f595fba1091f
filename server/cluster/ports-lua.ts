// Lua scripts of the Redis ports (presence and rate limits). Each runs as one atomic step, and
// reads the clock with Redis' TIME so that every node agrees on "now" whatever its own clock says.
//
// Presence keys (P is the key prefix, "t:" by default):
//   P.."{"..code.."}:presence"   hash  participantId -> number of nodes where it has ≥1 socket;
//                                      HLEN is the room's participant count (O(1) to read)
//   P.."presence:node:"..node    hash  code.." "..participantId -> "1", what this node holds
//   P.."presence:nodes"          zset  node id scored by the time (ms) its entries expire
// A node refreshes its score with a heartbeat. Whichever node sees a score in the past drops
// that node's entries from the room counts, so a node killed with -9 leaves no ghost for longer
// than the expiry plus one heartbeat. Scripts build these key names themselves: fine on the
// single Redis primary Tribune runs on (like the store's event-level scripts), not on a Cluster.
import { createHash } from "node:crypto";
import type { Script } from "../store/redis-client.js";

const script = (lua: string): Script => ({ lua, sha: createHash("sha1").update(lua).digest("hex") });

/** ARGV[1] prefix, ARGV[2] node id, ARGV[3] expiry in ms; then the script's own arguments. */
const PRESENCE_HELPERS = `
local P, NODE, TTL = ARGV[1], ARGV[2], tonumber(ARGV[3])
local NODES = P .. 'presence:nodes'
local function now_ms()
  local t = redis.call('TIME')
  return tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
end
local function room_key(code) return P .. '{' .. code .. '}:presence' end
local function node_key(node) return P .. 'presence:node:' .. node end
local function decrement(code, pid)
  local room = room_key(code)
  -- The room may have been forgotten (event erased) since: never recreate it with -1.
  if redis.call('HEXISTS', room, pid) == 1 and redis.call('HINCRBY', room, pid, -1) <= 0 then
    redis.call('HDEL', room, pid)
  end
end
local function add(code, pid)
  if redis.call('HSETNX', node_key(NODE), code .. ' ' .. pid, '1') == 1 then
    redis.call('HINCRBY', room_key(code), pid, 1)
  end
end
local function remove(code, pid)
  if redis.call('HDEL', node_key(NODE), code .. ' ' .. pid) == 1 then decrement(code, pid) end
end
local function drop(node)
  for _, field in ipairs(redis.call('HKEYS', node_key(node))) do
    local sp = string.find(field, ' ', 1, true)
    if sp then decrement(string.sub(field, 1, sp - 1), string.sub(field, sp + 1)) end
  end
  redis.call('DEL', node_key(node))
  redis.call('ZREM', NODES, node)
end
-- Marks this node alive; 1 when Redis did not know it (first call, pruned, or Redis lost data).
local function alive()
  return redis.call('ZADD', NODES, now_ms() + TTL, NODE)
end
`;

/** ARGV[4] code, ARGV[5] participant. Reply: {unknown node (0/1), room count}. */
export const PRESENCE_JOIN = script(`${PRESENCE_HELPERS}
local unknown = alive()
add(ARGV[4], ARGV[5])
return {unknown, redis.call('HLEN', room_key(ARGV[4]))}
`);

/** ARGV[4] code, ARGV[5] participant. Reply: the room count. */
export const PRESENCE_LEAVE = script(`${PRESENCE_HELPERS}
remove(ARGV[4], ARGV[5])
return redis.call('HLEN', room_key(ARGV[4]))
`);

/** Refreshes this node and drops the entries of nodes whose expiry has passed. Reply: unknown (0/1). */
export const PRESENCE_HEARTBEAT = script(`${PRESENCE_HELPERS}
local unknown = alive()
for _, node in ipairs(redis.call('ZRANGEBYSCORE', NODES, '-inf', '(' .. now_ms(), 'LIMIT', 0, 16)) do
  drop(node)
end
return unknown
`);

/** Replaces this node's entries with ARGV[4..] (code, participant, code, participant…). */
export const PRESENCE_SYNC = script(`${PRESENCE_HELPERS}
drop(NODE)
alive()
for i = 4, #ARGV - 1, 2 do add(ARGV[i], ARGV[i + 1]) end
return 1
`);

/** Removes this node's entries: a clean shutdown leaves nothing to expire. */
export const PRESENCE_CLOSE = script(`${PRESENCE_HELPERS}
drop(NODE)
return 1
`);

/**
 * A token bucket, the same arithmetic as core/rate-limits.ts takeToken/isEmpty.
 * KEYS[1] bucket hash {tokens, at}. ARGV: burst, ms per token, spend (1) or peek (0).
 * Reply: 0 when allowed, else the seconds to wait. The key expires once the bucket would be
 * full again, which is the same as no bucket: memory follows activity, not history.
 */
export const RATE_TAKE = script(`
local burst, rate, spend = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3] == '1'
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local b = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = burst
if b[1] and b[2] then tokens = math.min(burst, tonumber(b[1]) + (now - tonumber(b[2])) / rate) end
local wait = 0
if tokens < 1 then wait = math.max(1, math.ceil((1 - tokens) * rate / 1000)) end
if not spend then
  if not b[1] then return 0 end
  return wait
end
if wait == 0 then tokens = tokens - 1 end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * rate) + 1000)
return wait
`);
