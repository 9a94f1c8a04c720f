using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using PolicyBot.BotFramework.Authentication;
using PolicyBot.BotFramework.Connector;
using PolicyBot.BotFramework.Schema;

namespace PolicyBot.BotFramework;

/// <summary>
/// Takes a request from the Bot Connector to a turn of the bot, as the SDK's <c>CloudAdapter</c> does: checks
/// the request (JSON, size), authenticates it, skips redeliveries, runs the bot, and answers — an invoke with
/// the bot's invoke response in the HTTP body, anything else with 200 once the bot's replies are posted.
/// Bad input gets a 4xx with a message saying what was wrong; nothing of a refused request is processed.
/// </summary>
public sealed partial class CloudAdapter
{
    readonly BotOptions _options;
    readonly BotAuthenticator _authenticator;
    readonly ConnectorClient _connector;
    readonly IActivityDeduplicator _deduplicator;
    readonly ILogger _logger;

    public CloudAdapter(IOptions<BotOptions> options, BotAuthenticator authenticator, ConnectorClient connector, IActivityDeduplicator deduplicator, ILogger<CloudAdapter> logger)
    {
        _options = options.Value;
        _authenticator = authenticator;
        _connector = connector;
        _deduplicator = deduplicator;
        _logger = logger;
    }

    public ConnectorClient Connector => _connector;

    public async Task ProcessAsync(HttpRequest request, HttpResponse response, IBot bot, CancellationToken cancellationToken = default)
    {
        if (!HttpMethods.IsPost(request.Method))
        {
            await WriteErrorAsync(response, StatusCodes.Status405MethodNotAllowed, "MethodNotAllowed", "Only POST is accepted.", cancellationToken);
            return;
        }
        if (!IsJson(request.ContentType))
        {
            await WriteErrorAsync(response, StatusCodes.Status415UnsupportedMediaType, "UnsupportedMediaType", "Content-Type must be application/json.", cancellationToken);
            return;
        }
        if (request.ContentLength > _options.MaxRequestBytes)
        {
            await WriteErrorAsync(response, StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"The request body is larger than {_options.MaxRequestBytes} bytes.", cancellationToken);
            return;
        }

        var body = await ReadBodyAsync(request.Body, _options.MaxRequestBytes, cancellationToken);
        if (body is null)
        {
            await WriteErrorAsync(response, StatusCodes.Status413PayloadTooLarge, "PayloadTooLarge", $"The request body is larger than {_options.MaxRequestBytes} bytes.", cancellationToken);
            return;
        }
        if (body.Length == 0)
        {
            await WriteErrorAsync(response, StatusCodes.Status400BadRequest, "BadRequest", "The request body is empty; expected an activity as JSON.", cancellationToken);
            return;
        }

        Activity? activity;
        try
        {
            activity = JsonSerializer.Deserialize<Activity>(body, BotJson.Options);
        }
        catch (JsonException e)
        {
            await WriteErrorAsync(response, StatusCodes.Status400BadRequest, "BadRequest", $"The request body is not a valid activity: {e.Message}", cancellationToken);
            return;
        }
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            await WriteErrorAsync(response, StatusCodes.Status400BadRequest, "BadRequest", "The request body is not an activity: it has no type.", cancellationToken);
            return;
        }

        var refusal = await AuthenticateAsync(request, activity, cancellationToken);
        if (refusal is not null)
        {
            await WriteErrorAsync(response, refusal.StatusCode, refusal.StatusCode == 403 ? "Forbidden" : "Unauthorized", refusal.Reason!, cancellationToken);
            return;
        }

        // Invokes are not de-duplicated: their answer is the HTTP response itself, so a retried invoke means the
        // caller never saw the first answer. Features make their own writes idempotent (ETags).
        var dedupKey = activity.Type != ActivityTypes.Invoke && !string.IsNullOrEmpty(activity.Id)
            ? $"{activity.ChannelId}|{activity.Conversation?.Id}|{activity.Id}"
            : null;
        if (dedupKey is not null && !await _deduplicator.TryBeginAsync(dedupKey, cancellationToken))
        {
            LogRedelivery(_logger, activity.Type, activity.Id!);
            response.StatusCode = StatusCodes.Status200OK;
            return;
        }

        var turn = new TurnContext(activity, _connector);
        try
        {
            await bot.OnTurnAsync(turn, cancellationToken);
        }
        catch (Exception e)
        {
            // Let the channel's retry run the turn again: forget the id of any turn that did not finish, including
            // one cancelled because the caller gave up waiting (Teams retries a slow turn).
            if (dedupKey is not null)
                await _deduplicator.ForgetAsync(dedupKey, CancellationToken.None);
            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
                throw;
            LogTurnFailed(_logger, e, activity.Type, activity.Id);
            await WriteErrorAsync(response, StatusCodes.Status500InternalServerError, "InternalError", "The bot failed to process the activity.", CancellationToken.None);
            return;
        }

        if (activity.Type == ActivityTypes.Invoke)
        {
            var invokeResponse = turn.InvokeResponse;
            if (invokeResponse is null)
            {
                response.StatusCode = StatusCodes.Status501NotImplemented;
                return;
            }
            response.StatusCode = invokeResponse.Status;
            if (invokeResponse.Body is not null)
                await response.WriteAsJsonAsync(invokeResponse.Body, invokeResponse.Body.GetType(), BotJson.Options, cancellationToken);
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>
    /// Runs <paramref name="callback"/> in a turn addressed to the referenced conversation (a proactive message).
    /// The reference's <c>serviceUrl</c> is where the Connector calls go.
    /// </summary>
    public async Task ContinueConversationAsync(ConversationReference reference, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(callback);
        // The continuation is not a reply to anything: drop the activity id so sends start a new message.
        var continuation = new Activity { Type = ActivityTypes.Event, Name = "ContinueConversation" }
            .ApplyConversationReference(reference with { ActivityId = null }, isIncoming: true);
        await callback(new TurnContext(continuation, _connector), cancellationToken);
    }

    /// <summary>
    /// Creates a conversation (a proactive 1:1 chat, or a new thread in a channel) and runs
    /// <paramref name="callback"/> in it.
    /// </summary>
    public async Task CreateConversationAsync(string channelId, string serviceUrl, ConversationParameters parameters, BotCallbackHandler callback, CancellationToken cancellationToken = default)
    {
        var created = await _connector.CreateConversationAsync(serviceUrl, parameters, cancellationToken);
        var reference = new ConversationReference
        {
            ChannelId = channelId,
            ServiceUrl = created.ServiceUrl ?? serviceUrl,
            Bot = parameters.Bot,
            User = parameters.Members?.FirstOrDefault(),
            Conversation = new ConversationAccount
            {
                Id = created.Id,
                IsGroup = parameters.IsGroup,
                TenantId = parameters.TenantId ?? parameters.ChannelData?.Tenant?.Id,
            },
        };
        await ContinueConversationAsync(reference, callback, cancellationToken);
    }

    async Task<AuthenticationResult?> AuthenticateAsync(HttpRequest request, Activity activity, CancellationToken cancellationToken)
    {
        if (_options.IsDevelopmentMode)
        {
            var remote = request.HttpContext.Connection.RemoteIpAddress;
            // A tunnel (dev tunnels, ngrok) or reverse proxy on this machine forwards the internet from loopback; it
            // says so in a forwarding header. Such a request needs Bot:AppId and a token.
            var forwarded = request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("Forwarded");
            if (remote is not null && IPAddress.IsLoopback(remote) && !forwarded)
                return null;
            LogNonLoopbackRefused(_logger);
            return AuthenticationResult.Unauthorized("Development mode (no Bot:AppId) accepts requests from this machine only, not forwarded ones.");
        }
        var result = await _authenticator.AuthenticateAsync(request.Headers.Authorization, activity, cancellationToken);
        return result.Succeeded ? null : result;
    }

    static bool IsJson(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var mediaType)
        && mediaType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase);

    /// <summary>The body, or null when it is longer than <paramref name="limit"/> (reading stops there).</summary>
    static async Task<byte[]?> ReadBodyAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
                return null;
            buffer.Write(chunk, 0, read);
        }
        return buffer.ToArray();
    }

    static async Task WriteErrorAsync(HttpResponse response, int status, string code, string message, CancellationToken cancellationToken)
    {
        response.StatusCode = status;
        await response.WriteAsJsonAsync(new ErrorResponse(new Error(code, message)), BotJson.Options, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Redelivered {Type} activity {ActivityId} skipped: it was already processed")]
    static partial void LogRedelivery(ILogger logger, string type, string activityId);

    [LoggerMessage(Level = LogLevel.Error, Message = "The bot failed on {Type} activity {ActivityId}")]
    static partial void LogTurnFailed(ILogger logger, Exception exception, string type, string? activityId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Development mode: refused a request from a non-loopback address")]
    static partial void LogNonLoopbackRefused(ILogger logger);
}
