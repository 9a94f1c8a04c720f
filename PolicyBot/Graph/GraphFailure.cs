using System.Net;
using Azure.Identity;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using System.Net.Sockets;

namespace PolicyBot.Graph;

/// <summary>
/// A failed Graph call reduced to what a caller decides on: the status, Graph's error code, whether trying again later can
/// help, and how long Graph asked us to wait. Graph's error message is kept only to recognise "app not installed" and is
/// never logged or returned (it can quote ids).
/// </summary>
internal sealed record GraphFailure(int? Status, string? Code, bool Retryable, TimeSpan? RetryAfter, string Description)
{
    string? Message { get; init; }

    /// <summary>
    /// sendActivityNotification when the Teams app is not installed for the recipient. Graph has no distinct error code
    /// for this: it answers 403 with code <c>Forbidden</c> (the same code as a missing <c>TeamsActivity.Send</c> grant) and
    /// the message "… is not authorized to generate custom text notifications about … to the recipient. Ensure that the
    /// expected Teams app is installed in the target scope (user, team, or chat)." So the message tells the two apart.
    /// </summary>
    public bool IsAppNotInstalled =>
        Status is 403 or 404 && Message is { } message
        && (message.Contains("app is installed", StringComparison.OrdinalIgnoreCase)
            || message.Contains("not installed", StringComparison.OrdinalIgnoreCase));

    public bool IsNotFound => Status == 404;

    /// <summary>Null for exceptions that are not a Graph call failing (programming errors stay exceptions).</summary>
    public static GraphFailure? From(Exception exception) => exception switch
    {
        ODataError error => FromResponse(error.ResponseStatusCode, error.Error?.Code, error.Error?.Message, error.ResponseHeaders),
        ApiException api => FromResponse(api.ResponseStatusCode, null, null, api.ResponseHeaders),
        // Kiota's retry handler throws this when every retry was used up; the last attempt's answer is the last inner one.
        AggregateException { InnerExceptions: [.., ApiException last] } => FromResponse(last.ResponseStatusCode, "retriesExhausted", null, last.ResponseHeaders) with
        {
            Description = $"Graph still answered {last.ResponseStatusCode} after every retry",
        },
        CredentialUnavailableException => new GraphFailure(null, "credentialUnavailable", Retryable: true, null, "no token for Graph: the managed identity is not available"),
        AuthenticationFailedException => new GraphFailure(null, "tokenRequestFailed", Retryable: true, null, "no token for Graph: the identity's sign-in failed"),
        HttpRequestException or SocketException => new GraphFailure(null, "unreachable", Retryable: true, null, "Graph could not be reached"),
        TaskCanceledException => new GraphFailure(null, "timeout", Retryable: true, null, "Graph did not answer in time"),
        _ => null,
    };

    static GraphFailure FromResponse(int status, string? code, string? message, IDictionary<string, IEnumerable<string>> headers)
    {
        var retryable = status is 401 or 408 or 429 or >= 500 and not 501 and not 505;
        var description = code is null ? $"Graph answered {status}" : $"Graph answered {status} ({code})";
        return new GraphFailure(status, code, retryable, ReadRetryAfter(headers), description) { Message = message };
    }

    static TimeSpan? ReadRetryAfter(IDictionary<string, IEnumerable<string>> headers)
    {
        var value = headers.FirstOrDefault(h => string.Equals(h.Key, "Retry-After", StringComparison.OrdinalIgnoreCase)).Value?.FirstOrDefault();
        if (value is null)
            return null;
        if (int.TryParse(value, out var seconds) && seconds >= 0)
            return TimeSpan.FromSeconds(seconds);
        if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var when))
        {
            var wait = when - DateTimeOffset.UtcNow;
            return wait > TimeSpan.Zero ? wait : TimeSpan.Zero;
        }
        return null;
    }

    internal static bool IsRetriedStatus(HttpStatusCode status) =>
        status is HttpStatusCode.TooManyRequests or HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
            or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;
}
