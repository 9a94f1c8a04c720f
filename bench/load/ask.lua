-- wrk script: Teams-shaped 1:1 message activities to /api/messages, each with a fresh activity id
-- (the bot de-duplicates redeliveries) and serviceUrl pointing at the local Connector sink. The load comes from
-- 500 staff in their own 1:1 chats: the bot paces its sends to ~7 a second per conversation, as Teams requires,
-- so one conversation alone would measure the pacing, not the bot.
local questions = {
  "can I accept a friend request from a parent?",
  "am I allowed to post photos of pupils on my own account?",
  "a pupil followed me on instagram, what do I do?",
  "can I set up a class twitter account?",
  "what should I do if I see something worrying about a child online?",
  "can I use my phone to take pictures on a school trip?",
  "is it ok to message a former pupil?",
  "what is the school's lunch menu?",
}
local counter = 0
local thread_id = 0
local sink = os.getenv("SINK_URL") or "http://127.0.0.1:5999"
-- Each wrk run has its own activity ids: a repeated id is a redelivery, which the bot skips.
local run = os.getenv("RUN_ID") or tostring(os.time())

function setup(thread)
  thread_id = thread_id + 1
  thread:set("tid", thread_id)
end

function request()
  counter = counter + 1
  local q = questions[(counter % #questions) + 1]
  local id = string.format("load-%s-%d-%d", run, tid or 0, counter)
  local who = string.format("%d-%d", tid or 0, counter % 250)
  local body = string.format([[{"type":"message","id":"%s","timestamp":"2026-11-22T10:00:00Z","serviceUrl":"%s","channelId":"msteams","from":{"id":"29:load-user-%s","name":"Load Test","aadObjectId":"00000000-0000-0000-0000-00000000a001"},"conversation":{"id":"a:load-conversation-%s","conversationType":"personal","tenantId":"00000000-0000-0000-0000-0000000000d0"},"recipient":{"id":"28:policybot","name":"PolicyBot"},"text":"%s","textFormat":"plain","locale":"en-GB","channelData":{"tenant":{"id":"00000000-0000-0000-0000-0000000000d0"}}}]], id, sink, who, who, q)
  return wrk.format("POST", nil, {["Content-Type"] = "application/json"}, body)
end
