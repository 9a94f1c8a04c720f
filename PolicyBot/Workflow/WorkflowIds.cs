using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace PolicyBot.Workflow;

/// <summary>
/// Ids of workflow records: a feature's prefix ("site-", "inc-") and 32 hex digits. The prefix lets the router send a
/// card's id to its feature; the fixed shape means card data that is anything else is never looked up.
/// </summary>
public static class WorkflowIds
{
    const int HexLength = 32;

    public static bool IsWellFormed(string prefix, [NotNullWhen(true)] string? id) =>
        id is not null && id.Length == prefix.Length + HexLength && id.StartsWith(prefix, StringComparison.Ordinal)
        && Guid.TryParseExact(id.AsSpan(prefix.Length), "N", out _);

    /// <summary>
    /// One id per form message: the same form sent twice (a double press, two devices) gives the same id, so the
    /// second send is recognised and makes nothing new. With no message id to tell sends apart, a fresh id.
    /// </summary>
    public static string ForFormMessage(string prefix, string schoolId, string userId, string? conversationId, string? formActivityId)
    {
        if (string.IsNullOrEmpty(formActivityId) || string.IsNullOrEmpty(conversationId))
            return prefix + Guid.NewGuid().ToString("N");
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(string.Join('\n', schoolId, userId, conversationId, formActivityId)));
        return prefix + new Guid(hash.AsSpan(0, 16)).ToString("N");
    }
}
