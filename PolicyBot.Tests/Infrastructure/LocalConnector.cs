using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace PolicyBot.Tests.Infrastructure;

/// <summary>
/// A stand-in Bot Connector on 127.0.0.1 speaking the v3 REST shapes: records every request, answers sends with
/// 201 <c>{id}</c>, create-conversation with 201 <c>{id, activityId}</c>. Scripted answers (429 with Retry-After,
/// 202 with an empty body …) can be queued for the next requests.
/// </summary>
public sealed class LocalConnector : IAsyncDisposable
{
    public const string CreatedConversationId = "a:1new-personal-conversation";

    readonly LocalHttpServer _server;
    readonly ConcurrentQueue<RecordedRequest> _requests = new();
    readonly ConcurrentQueue<Func<HttpResponse, Task>> _scripted = new();
    int _nextId;

    LocalConnector(LocalHttpServer server) => _server = server;

    /// <summary>The service URL to put in activities, e.g. http://127.0.0.1:5123/.</summary>
    public string ServiceUrl => _server.BaseAddress.ToString();

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToList();

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

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
