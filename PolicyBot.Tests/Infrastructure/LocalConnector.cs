using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// A stand-in Bot Connector on 127.0.0.1 speaking the v3 REST shapes: records every request, answers sends with
/// 201 <c>{id}</c>, create-conversation with 201 <c>{id, activityId}</c>. Scripted answers (429 with Retry-After,
/// 202 with an empty body …) can be queued for the next requests. Member lists (<c>GET …/pagedmembers</c>) are
/// answered from <see cref="SetMembers"/>, a page at a time, and recorded apart in <see cref="MemberRequests"/>.
/// </summary>
public sealed class LocalConnector : IAsyncDisposable
{
    public const string CreatedConversationId = "a:1new-personal-conversation";

    readonly LocalHttpServer _server;
    readonly ConcurrentQueue<RecordedRequest> _requests = new();
    readonly ConcurrentQueue<Func<HttpResponse, Task>> _scripted = new();
    readonly ConcurrentQueue<RecordedRequest> _memberRequests = new();
    readonly ConcurrentQueue<(int Status, string? Body)> _scriptedMembers = new();
    readonly ConcurrentDictionary<string, IReadOnlyList<string>> _members = new(StringComparer.Ordinal);
    readonly ConcurrentDictionary<string, int> _failingMembers = new(StringComparer.Ordinal);
    int _nextId;

    LocalConnector(LocalHttpServer server) => _server = server;

    /// <summary>The service URL to put in activities, e.g. http://127.0.0.1:5123/.</summary>
    public string ServiceUrl => _server.BaseAddress.ToString();

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

    /// <summary>The member-list requests, kept apart so that tests counting messages are not disturbed by them.</summary>
    public IReadOnlyList<RecordedRequest> MemberRequests => _memberRequests.ToList();

    /// <summary>The next member-list request is answered with this status and no body (messages are not affected).</summary>
    public void EnqueueMembersStatus(int status) => _scriptedMembers.Enqueue((status, null));

    /// <summary>The next member-list request is answered 200 with exactly this body (empty, broken, with no members …).</summary>
    public void EnqueueMembersAnswer(string body) => _scriptedMembers.Enqueue((200, body));

    /// <summary>Who is in a conversation, by Entra object id (a conversation never set is one the bot is not in: 404).</summary>
    public void SetMembers(string conversationId, params string[] aadObjectIds) => _members[conversationId] = aadObjectIds;

    /// <summary>The conversation is gone (a deleted channel): its member list answers 404.</summary>
    public void ForgetMembers(string conversationId) => _members.TryRemove(conversationId, out _);

    /// <summary>The conversation's member list answers this status until <see cref="ReadMembersAgain"/> (an outage for one channel).</summary>
    public void FailMembers(string conversationId, int status) => _failingMembers[conversationId] = status;

    /// <inheritdoc cref="FailMembers"/>
    public void ReadMembersAgain(string conversationId) => _failingMembers.TryRemove(conversationId, out _);

    public static async Task<LocalConnector> StartAsync()
    {
        LocalConnector? connector = null;
        var server = await LocalHttpServer.StartAsync(app => app.Run(context => connector!.HandleAsync(context)));
        connector = new LocalConnector(server);
        return connector;
    }

    /// <summary>The next request is answered by <paramref name="respond"/> instead of the default.</summary>
    public void Enqueue(Func<HttpResponse, Task> respond) => _scripted.Enqueue(respond);

    public void EnqueueStatus(int status, string? retryAfter = null) => Enqueue(response =>
    {
        response.StatusCode = status;
        if (retryAfter is not null)
            response.Headers.RetryAfter = retryAfter;
        return Task.CompletedTask;
    });

    public void Clear()
    {
        _requests.Clear();
        _scripted.Clear();
        _memberRequests.Clear();
        _scriptedMembers.Clear();
    }

    /// <summary>Waits (bounded) until at least <paramref name="count"/> requests arrived; returns them.</summary>
    public async Task<IReadOnlyList<RecordedRequest>> WaitForRequestsAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (_requests.Count < count && DateTime.UtcNow < deadline)
            await Task.Delay(20);
        return Requests;
    }

    async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var rawTarget = context.Features.Get<IHttpRequestFeature>()!.RawTarget;
        var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        if (context.Request.Method == "GET" && context.Request.Path.Value?.EndsWith("/pagedmembers", StringComparison.Ordinal) == true)
        {
            _memberRequests.Enqueue(new RecordedRequest(context.Request.Method, rawTarget, headers, body));
            await MembersAsync(context);
            return;
        }
        _requests.Enqueue(new RecordedRequest(context.Request.Method, rawTarget, headers, body));

        if (_scripted.TryDequeue(out var respond))
        {
            await respond(context.Response);
            return;
        }
        var id = Interlocked.Increment(ref _nextId);
        context.Response.StatusCode = StatusCodes.Status201Created;
        if (context.Request.Method == "POST" && rawTarget.TrimEnd('/') == "/v3/conversations")
            await context.Response.WriteAsJsonAsync(new { id = CreatedConversationId, activityId = $"activity-{id}" });
        else
            await context.Response.WriteAsJsonAsync(new { id = $"activity-{id}" });
    }

    /// <summary>A page of the conversation's members; the continuation token is where the next page starts.</summary>
    async Task MembersAsync(HttpContext context)
    {
        if (_scriptedMembers.TryDequeue(out var scripted))
        {
            context.Response.StatusCode = scripted.Status;
            if (scripted.Body is { Length: > 0 } text)
            {
                context.Response.ContentType = "application/json";
                await context.Response.WriteAsync(text);
            }
            return;
        }
        var conversationId = Uri.UnescapeDataString(context.Features.Get<IHttpRequestFeature>()!.RawTarget.Split('?')[0].Split('/')[3]);
        if (_failingMembers.TryGetValue(conversationId, out var failing))
        {
            context.Response.StatusCode = failing;
            return;
        }
        if (!_members.TryGetValue(conversationId, out var all))
        {
            // The Connector's answer for a conversation the bot is not in.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await context.Response.WriteAsJsonAsync(new { error = new { code = "ConversationNotFound", message = "Conversation not found." } });
            return;
        }
        var pageSize = int.Parse(context.Request.Query["pageSize"].ToString() is { Length: > 0 } size ? size : "200", System.Globalization.CultureInfo.InvariantCulture);
        var start = int.Parse(context.Request.Query["continuationToken"].ToString() is { Length: > 0 } token ? token : "0", System.Globalization.CultureInfo.InvariantCulture);
        var page = all.Skip(start).Take(pageSize).Select(id => new { id = "29:" + id, name = "Member " + id[^4..], aadObjectId = id, userRole = "user" }).ToList();
        var next = start + page.Count < all.Count ? (start + page.Count).ToString(System.Globalization.CultureInfo.InvariantCulture) : null;
        context.Response.StatusCode = StatusCodes.Status200OK;
        await context.Response.WriteAsJsonAsync(new { continuationToken = next, members = page });
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
