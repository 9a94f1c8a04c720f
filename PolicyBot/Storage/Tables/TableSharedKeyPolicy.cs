using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Azure.Core;
using Azure.Core.Pipeline;

namespace PolicyBot.Storage.Tables;

/// <summary>
/// Signs each request (each retry too: the date changes) with the account key, as the Table service's
/// "Shared Key" scheme documents: VERB, Content-MD5, Content-Type, Date and the canonicalized resource.
/// </summary>
sealed class TableSharedKeyPolicy(string accountName, byte[] accountKey) : HttpPipelineSynchronousPolicy
{
    public override void OnSendingRequest(HttpMessage message)
    {
        var request = message.Request;
        var date = DateTimeOffset.UtcNow.ToString("r", CultureInfo.InvariantCulture);
        request.Headers.SetValue("x-ms-date", date);

        var uri = request.Uri.ToUri();
        var canonicalizedResource = new StringBuilder("/").Append(accountName).Append(uri.AbsolutePath);
        var comp = CompParameter(uri.Query);
        if (comp is not null)
            canonicalizedResource.Append("?comp=").Append(comp);

        request.Headers.TryGetValue("Content-MD5", out var contentMd5);
        request.Headers.TryGetValue("Content-Type", out var contentType);
        var stringToSign = string.Join('\n', request.Method.Method, contentMd5 ?? "", contentType ?? "", date, canonicalizedResource.ToString());

        var signature = Convert.ToBase64String(HMACSHA256.HashData(accountKey, Encoding.UTF8.GetBytes(stringToSign)));
        request.Headers.SetValue("Authorization", $"SharedKey {accountName}:{signature}");
    }

    static string? CompParameter(string query)
    {
        foreach (var pair in query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            if (pair.StartsWith("comp=", StringComparison.OrdinalIgnoreCase))
                return Uri.UnescapeDataString(pair[5..]);
        }
        return null;
    }
}
