-- wrk script: the same kind of JSON body to the bare baseline endpoint.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = [[{"type":"message","id":"bare","text":"can I accept a friend request from a parent?","from":{"id":"29:load-user"}}]]
