using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Azure;
using Azure.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PolicyBot.BotFramework.Schema;
using System.Net.Sockets;

namespace PolicyBot.BotFramework.Connector;

/// <summary>
/// The Bot Connector REST API (v3) for the calls PolicyBot makes: send, reply, update, create-conversation and the
/// paged member list.
/// The base address is the conversation's <c>serviceUrl</c>. Calls carry a bearer token for
/// <see cref="BotOptions.ConnectorScope"/> from the bot's <see cref="TokenCredential"/> (none in local
/// development mode). 429, 412, 502 and 504 are retried with exponential backoff and jitter, honouring
/// <c>Retry-After</c>; a failure after the last attempt is a <see cref="RequestFailedException"/>.
/// </summary>
public partial class ConnectorClient
{
    public const string HttpClientName = "PolicyBot.BotFramework.Connector";
    static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(500);
    static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(30);

    readonly HttpClient _http;
    readonly TokenCredential? _credential;
    readonly BotOptions _options;
    readonly TimeProvider _time;
    readonly ILogger _logger;
    readonly ConversationPacer _pacer;

    public ConnectorClient(IHttpClientFactory httpClientFactory, IOptions<BotOptions> options, TimeProvider time, ILogger<ConnectorClient> logger, TokenCredential? credential = null)
        : this(httpClientFactory.CreateClient(HttpClientName), options.Value, credential, time, logger)
    {
    }

    public ConnectorClient(HttpClient http, BotOptions options, TokenCredential? credential, TimeProvider time, ILogger logger)
    {
        _http = http;
        _options = options;
        _credential = credential;
        _time = time;
        _logger = logger;
        _pacer = new ConversationPacer(time);
    }

    /// <summary>For tests that substitute the client.</summary>
    protected ConnectorClient()
    {
        _http = null!;
        _options = new BotOptions();
        _time = TimeProvider.System;
        _logger = Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        _pacer = new ConversationPacer(_time);
    }

    /// <summary>POST /v3/conversations/{conversationId}/activities: a new message in the conversation.</summary>
    public virtual Task<ResourceResponse> SendToConversationAsync(string serviceUrl, string conversationId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentNullException.ThrowIfNull(activity);
        var uri = BuildUri(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities");
        return SendAsync<ResourceResponse>(HttpMethod.Post, uri, activity, new ResourceResponse(), cancellationToken, conversationId);
    }

    /// <summary>POST /v3/conversations/{conversationId}/activities/{activityId}: a reply in the activity's thread.</summary>
    public virtual Task<ResourceResponse> ReplyToActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var uri = BuildUri(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        return SendAsync<ResourceResponse>(HttpMethod.Post, uri, activity, new ResourceResponse(), cancellationToken, conversationId);
    }

    /// <summary>PUT /v3/conversations/{conversationId}/activities/{activityId}: replaces a message the bot sent.</summary>
    public virtual Task<ResourceResponse> UpdateActivityAsync(string serviceUrl, string conversationId, string activityId, Activity activity, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentException.ThrowIfNullOrEmpty(activityId);
        ArgumentNullException.ThrowIfNull(activity);
        var uri = BuildUri(serviceUrl, $"v3/conversations/{Escape(conversationId)}/activities/{Escape(activityId)}");
        return SendAsync<ResourceResponse>(HttpMethod.Put, uri, activity, new ResourceResponse(), cancellationToken, conversationId);
    }

    /// <summary>
    /// GET /v3/conversations/{conversationId}/pagedmembers: one page of who is in the conversation (for a private
    /// channel its members, for a standard channel the team's). Page sizes run from 50 to 500.
    /// </summary>
    public virtual Task<PagedMembersResult> GetPagedMembersAsync(string serviceUrl, string conversationId, int pageSize = 500, string? continuationToken = null, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(conversationId);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 50);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 500);
        var query = $"pageSize={pageSize}" + (string.IsNullOrEmpty(continuationToken) ? "" : "&continuationToken=" + Uri.EscapeDataString(continuationToken));
        var uri = BuildUri(serviceUrl, $"v3/conversations/{Escape(conversationId)}/pagedmembers?{query}");
        // An empty or unreadable answer comes back with no members; ProactiveMessenger.CountMembersOutsideAsync refuses a
        // list that names nobody, so it is never read as an empty conversation.
        return SendAsync<PagedMembersResult>(HttpMethod.Get, uri, null, new PagedMembersResult(), cancellationToken);
    }

    /// <summary>
    /// POST /v3/conversations. A proactive 1:1 chat: <c>members = [{id}]</c> and <c>channelData.tenant.id</c>;
    /// a new channel thread: <c>isGroup = true</c>, <c>channelData.channel.id</c> and the first activity.
    /// </summary>
    public virtual Task<ConversationResourceResponse> CreateConversationAsync(string serviceUrl, ConversationParameters parameters, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        var uri = BuildUri(serviceUrl, "v3/conversations");
        return SendAsync<ConversationResourceResponse>(HttpMethod.Post, uri, parameters, new ConversationResourceResponse(), cancellationToken);
    }

    /// <summary>Conversation ids hold ':', ';' and '@' (<c>19:…@thread.tacv2;messageid=…</c>): escape every segment.</summary>
    public static string Escape(string segment) => Uri.EscapeDataString(segment);

    static Uri BuildUri(string serviceUrl, string relative)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var baseUri) || (baseUri.Scheme != Uri.UriSchemeHttps && baseUri.Scheme != Uri.UriSchemeHttp))
            throw new ArgumentException($"serviceUrl '{serviceUrl}' is not an absolute http(s) URL.", nameof(serviceUrl));
        return new Uri(serviceUrl.TrimEnd('/') + "/" + relative);
    }

    async Task<T> SendAsync<T>(HttpMethod method, Uri uri, object? body, T empty, CancellationToken cancellationToken, string? conversationId = null)
    {
        var content = body is null ? null : JsonSerializer.SerializeToUtf8Bytes(body, body.GetType(), BotJson.Options);
        for (var attempt = 0; ; attempt++)
        {
            if (conversationId is not null)
                await _pacer.WaitTurnAsync(conversationId, cancellationToken).ConfigureAwait(false);
            using var request = new HttpRequestMessage(method, uri);
            if (content is not null)
                request.Content = new ByteArrayContent(content) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" } } };
            if (_credential is not null)
            {
                var token = await _credential.GetTokenAsync(new TokenRequestContext([_options.ConnectorScope]), cancellationToken).ConfigureAwait(false);
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token.Token);
            }

            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is HttpRequestException or SocketException && attempt < _options.ConnectorMaxRetries)
            {
                var wait = Backoff(attempt);
                LogRetrying(_logger, method.Method, uri.AbsolutePath, 0, (int)wait.TotalMilliseconds, e.Message);
                await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                continue;
            }

            using (response)
            {
                if (response.IsSuccessStatusCode)
                    return await ReadBodyAsync(response, empty, cancellationToken).ConfigureAwait(false);

                var status = (int)response.StatusCode;
                if (IsRetriable(response.StatusCode) && attempt < _options.ConnectorMaxRetries)
                {
                    var wait = RetryAfter(response) ?? Backoff(attempt);
                    LogRetrying(_logger, method.Method, uri.AbsolutePath, status, (int)wait.TotalMilliseconds, response.ReasonPhrase ?? "");
                    await Task.Delay(wait, _time, cancellationToken).ConfigureAwait(false);
                    continue;
                }
                throw await FailureAsync(response, method, uri, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    static bool IsRetriable(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.PreconditionFailed or HttpStatusCode.BadGateway or HttpStatusCode.GatewayTimeout;

    static TimeSpan Backoff(int attempt)
    {
        var exponential = BaseDelay * Math.Pow(2, attempt);
        var jitter = TimeSpan.FromMilliseconds(Random.Shared.Next(0, 250));
        return Min(exponential + jitter, MaxDelay);
    }

    TimeSpan? RetryAfter(HttpResponseMessage response)
    {
        var header = response.Headers.RetryAfter;
        TimeSpan? wait = header?.Delta ?? (header?.Date is { } date ? date - _time.GetUtcNow() : null);
        if (wait is null)
            return null;
        return Min(wait.Value < TimeSpan.Zero ? TimeSpan.Zero : wait.Value, TimeSpan.FromSeconds(60));
    }

    static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;

    // 200/201 with the created id, or 202/200 with no body at all (the Agents Playground answers so): both fine.
    static async Task<T> ReadBodyAsync<T>(HttpResponseMessage response, T empty, CancellationToken cancellationToken)
    {
        var bytes = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        if (bytes.Length == 0)
            return empty;
        try
        {
            return JsonSerializer.Deserialize<T>(bytes, BotJson.Options) ?? empty;
        }
        catch (JsonException)
        {
            return empty;
        }
    }

    static async Task<RequestFailedException> FailureAsync(HttpResponseMessage response, HttpMethod method, Uri uri, CancellationToken cancellationToken)
    {
        string? code = null;
        string? message = null;
        try
        {
            var error = await response.Content.ReadFromJsonAsync<ErrorResponse>(BotJson.Options, cancellationToken).ConfigureAwait(false);
            code = error?.Error?.Code;
            message = error?.Error?.Message;
        }
        catch (Exception e) when (e is JsonException or NotSupportedException or InvalidOperationException)
        {
            // Not the Connector's error shape: the status says enough.
        }
        var text = $"{method.Method} {uri.AbsolutePath} failed with {(int)response.StatusCode} {response.ReasonPhrase}" + (message is null ? "." : $": {message}");
        return new RequestFailedException((int)response.StatusCode, text, code, null);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Connector {Method} {Path} answered {Status}; retrying in {DelayMs} ms ({Reason})")]
    static partial void LogRetrying(ILogger logger, string method, string path, int status, int delayMs, string reason);
}
