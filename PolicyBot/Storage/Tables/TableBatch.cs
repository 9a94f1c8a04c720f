using System.Globalization;
using System.Text;
using Azure;
using Azure.Core;

namespace PolicyBot.Storage.Tables;

/// <summary>
/// The <c>$batch</c> wire format: a multipart/mixed body holding one changeset whose parts are plain HTTP
/// requests, and the multipart answer whose parts are plain HTTP responses. The service answers 202 even
/// when the changeset failed; the failing part is then the only one, and its message starts with the index.
/// </summary>
static class TableBatch
{
    public static readonly RequestMethod Merge = new("MERGE");

    public sealed record Request(string ContentType, byte[] Body);

    public static Request Build(Uri tableUri, IReadOnlyList<(TableTransactionAction Action, Dictionary<string, object?> Properties)> actions)
    {
        var batchBoundary = "batch_" + Guid.NewGuid().ToString("N");
        var changesetBoundary = "changeset_" + Guid.NewGuid().ToString("N");
        var body = new StringBuilder(1024 * actions.Count);
        body.Append("--").Append(batchBoundary).Append("\r\n")
            .Append("Content-Type: multipart/mixed; boundary=").Append(changesetBoundary).Append("\r\n\r\n");

        for (var i = 0; i < actions.Count; i++)
        {
            var (action, properties) = actions[i];
            var partitionKey = (string)properties[TableConstants.PartitionKey]!;
            var rowKey = (string)properties[TableConstants.RowKey]!;
            var entityUri = $"{tableUri.AbsoluteUri}(PartitionKey='{TableQueryFilter.EscapeKeyForPath(partitionKey)}',RowKey='{TableQueryFilter.EscapeKeyForPath(rowKey)}')";
            var (method, uri, ifMatch, hasBody) = action.ActionType switch
            {
                TableTransactionActionType.Add => ("POST", tableUri.AbsoluteUri, (string?)null, true),
                TableTransactionActionType.UpdateMerge => ("MERGE", entityUri, IfMatch(action.ETag), true),
                TableTransactionActionType.UpdateReplace => ("PUT", entityUri, IfMatch(action.ETag), true),
                TableTransactionActionType.UpsertMerge => ("MERGE", entityUri, null, true),
                TableTransactionActionType.UpsertReplace => ("PUT", entityUri, null, true),
                TableTransactionActionType.Delete => ("DELETE", entityUri, IfMatch(action.ETag), false),
                _ => throw new ArgumentOutOfRangeException(nameof(actions), action.ActionType, "Unknown transaction action."),
            };

            body.Append("--").Append(changesetBoundary).Append("\r\n")
                .Append("Content-Type: application/http\r\n")
                .Append("Content-Transfer-Encoding: binary\r\n\r\n")
                .Append(method).Append(' ').Append(uri).Append(" HTTP/1.1\r\n")
                .Append("Accept: ").Append(TableConstants.AcceptMinimalMetadata).Append("\r\n")
                .Append("DataServiceVersion: 3.0\r\n")
                .Append("Content-ID: ").Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append("\r\n");
            if (ifMatch is not null)
                body.Append("If-Match: ").Append(ifMatch).Append("\r\n");
            if (hasBody)
            {
                body.Append("Content-Type: application/json\r\n");
                if (action.ActionType == TableTransactionActionType.Add)
                    body.Append("Prefer: return-no-content\r\n");
                body.Append("\r\n").Append(Encoding.UTF8.GetString(TableJson.Serialize(properties))).Append("\r\n");
            }
            else
            {
                body.Append("\r\n");
            }
        }
        body.Append("--").Append(changesetBoundary).Append("--\r\n")
            .Append("--").Append(batchBoundary).Append("--\r\n");
        return new Request("multipart/mixed; boundary=" + batchBoundary, Encoding.UTF8.GetBytes(body.ToString()));
    }

    static string IfMatch(ETag etag) => etag == default ? "*" : etag.ToString("H");

    sealed record Part(int Status, string Reason, Dictionary<string, string> Headers, string Body);

    public static IReadOnlyList<Response> ReadResponse(Response response, int actionCount)
    {
        var parts = ParseParts(response.Content.ToString());
        var failed = parts.FirstOrDefault(p => p.Status >= 400);
        if (failed is not null)
            throw FailureOf(failed, actionCount);
        if (parts.Count != actionCount)
            throw new RequestFailedException(response.Status, $"The batch answered {parts.Count} parts for {actionCount} actions.", null, null);
        return parts.Select(p => (Response)new LocalResponse(p.Status, p.Reason, p.Headers)).ToList();
    }

    static TableTransactionFailedException FailureOf(Part part, int actionCount)
    {
        part.Headers.TryGetValue("x-ms-error-code", out var headerCode);
        var (code, message) = TableErrorParser.ReadError(headerCode, string.IsNullOrEmpty(part.Body) ? null : BinaryData.FromString(part.Body));
        message ??= part.Reason;

        // The service prefixes the message with the failing action's index ("3:The specified entity already exists.").
        int? index = null;
        var colon = message.IndexOf(':', StringComparison.Ordinal);
        if (colon > 0 && int.TryParse(message.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed < actionCount)
        {
            index = parsed;
            message = message[(colon + 1)..];
        }
        else if (part.Headers.TryGetValue("Content-ID", out var contentId) && int.TryParse(contentId, CultureInfo.InvariantCulture, out var id) && id >= 1 && id <= actionCount)
            index = id - 1;

        return new TableTransactionFailedException(
            part.Status,
            $"The transaction failed{(index is null ? "" : $" at action {index}")}: {message}",
            code,
            index);
    }

    /// <summary>Every embedded HTTP response (status line, headers, body) in a multipart answer, in order.</summary>
    static List<Part> ParseParts(string content)
    {
        var parts = new List<Part>();
        var lines = content.Split("\r\n");
        for (var i = 0; i < lines.Length; i++)
        {
            if (!lines[i].StartsWith("HTTP/1.1 ", StringComparison.Ordinal))
                continue;
            var statusLine = lines[i];
            var status = int.Parse(statusLine.AsSpan(9, 3), CultureInfo.InvariantCulture);
            var reason = statusLine.Length > 13 ? statusLine[13..] : "";
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (i++; i < lines.Length && lines[i].Length > 0; i++)
            {
                var colon = lines[i].IndexOf(':', StringComparison.Ordinal);
                if (colon > 0)
                    headers[lines[i][..colon].Trim()] = lines[i][(colon + 1)..].Trim();
            }
            var body = new StringBuilder();
            for (i++; i < lines.Length && !lines[i].StartsWith("--", StringComparison.Ordinal); i++)
                body.Append(lines[i]).Append('\n');
            i--;
            parts.Add(new Part(status, reason, headers, body.ToString().Trim()));
        }
        return parts;
    }
}
