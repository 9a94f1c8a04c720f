using System.Security.Claims;

namespace PolicyBot.BotFramework.Authentication;

/// <summary>The outcome of checking an inbound request's token: an identity, or the status to refuse with and why.</summary>
public sealed record AuthenticationResult(bool Succeeded, int StatusCode, string? Reason, ClaimsIdentity? Identity)
{
    public static AuthenticationResult Success(ClaimsIdentity identity) => new(true, 200, null, identity);
    public static AuthenticationResult Unauthorized(string reason) => new(false, 401, reason, null);
    public static AuthenticationResult Forbidden(string reason) => new(false, 403, reason, null);
}
